package org.stet.desk;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.stet.identity.config.IdentityConfig;

/**
 * The desk's CSRF token (double-submit cookie): a random value in an HttpOnly, SameSite=Strict
 * cookie, repeated in a hidden field {@code _csrf} of every form. A cross-site page can make the
 * browser send the cookie but cannot read it, so it cannot fill in the field.
 *
 * <p>Templates write the field with {@code {inject:csrf.token}}; state-changing desk endpoints call
 * {@link #verify(String)} (a test checks that every desk POST takes the field).
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

  public static final String COOKIE = "stet_csrf";
  public static final String FIELD = "_csrf";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CurrentVertxRequest request;
  private final IdentityConfig config;
  private String token;

  CsrfToken(CurrentVertxRequest request, IdentityConfig config) {
    this.request = request;
    this.config = config;
  }

  /** The token for this browser, set as a cookie on this response when it has none yet. */
  public String getToken() {
    if (token == null) {
      RoutingContext context = request.getCurrent();
      Cookie existing = context.request().getCookie(COOKIE);
      if (existing != null && existing.getValue().length() == 43) {
        token = existing.getValue();
      } else {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        context
            .response()
            .addCookie(
                Cookie.cookie(COOKIE, token)
                    .setPath("/desk")
                    .setHttpOnly(true)
                    .setSecure(config.secureCookies())
                    .setSameSite(CookieSameSite.STRICT));
      }
    }
    return token;
  }

  /** Refuses the request (403) unless {@code submitted} matches this browser's token. */
  public void verify(String submitted) {
    Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
    if (submitted == null
        || cookie == null
        || !MessageDigest.isEqual(
            submitted.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            cookie.getValue().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new CsrfRejected();
    }
  }

  /** A state-changing request without the right token. */
  public static class CsrfRejected extends RuntimeException {
    public CsrfRejected() {
      super("The form has expired or did not come from this site. Reload the page and try again.");
    }
  }
}
