package org.stet.desk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.stet.identity.SessionCookie;
import org.stet.identity.config.IdentityConfig;

/** The session cookie as every sign-in and sign-out sets it. */
@ApplicationScoped
class SessionCookies {

  private final IdentityConfig config;

  SessionCookies(IdentityConfig config) {
    this.config = config;
  }

  /** Lives as long as the browser session (the server ends it earlier). */
  NewCookie of(String token) {
    return cookie(token, NewCookie.DEFAULT_MAX_AGE);
  }

  NewCookie expired() {
    return cookie("", 0);
  }

  private NewCookie cookie(String value, int maxAge) {
    return new NewCookie.Builder(SessionCookie.NAME)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(config.secureCookies())
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }
}
