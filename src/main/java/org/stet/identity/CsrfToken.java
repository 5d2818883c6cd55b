package org.stet.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.stet.identity.config.IdentityConfig;
import org.stet.web.SameOrigin;
import org.stet.web.SiteSecrets;

/**
 * The desk's CSRF token: an HMAC, with the installation's key, of the session the browser is in.
 * Every desk form repeats it in a hidden field {@code _csrf}; the desk's script sends it as the
 * {@value #HEADER} header. A cross-site page can make the browser send its cookies but cannot read
 * the token, and a token is good only for the session it was made for: not for another person's
 * session, not after signing in again (the session changes) or out.
 *
 * <p>The session is the built-in session cookie (its SHA-256), or with Keycloak the token's subject
 * and session id ({@code sid}); before anyone signs in (the sign-in and set-up forms), a random
 * pre-session cookie {@value #COOKIE} stands in, replaced at every sign-in and sign-out.
 *
 * <p>Templates write the field with {@code {inject:csrf.token}}; state-changing desk endpoints call
 * {@link #verify(String)} (a test checks that every desk POST takes the field).
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

  public static final String COOKIE = "stet_csrf";
  public static final String FIELD = "_csrf";

  /** The header the desk's script sends the token in, for the JSON API. */
  public static final String HEADER = "X-CSRF-Token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CurrentVertxRequest request;
  private final IdentityConfig config;
  private final SiteSecrets secrets;
  private final IdentityMode mode;
  private final Instance<SecurityIdentity> identity;
  private final String siteUrl;
  private String token;
  private String freshPreSession;

  CsrfToken(
      CurrentVertxRequest request,
      IdentityConfig config,
      SiteSecrets secrets,
      IdentityMode mode,
      Instance<SecurityIdentity> identity,
      @ConfigProperty(name = "stet.site.base-url") String siteUrl) {
    this.siteUrl = siteUrl;
    this.request = request;
    this.config = config;
    this.secrets = secrets;
    this.mode = mode;
    this.identity = identity;
  }

  /** The token for this browser's session (a pre-session cookie is set when it has none). */
  public String getToken() {
    if (token == null) {
      token = tokenFor(binding(true));
    }
    return token;
  }

  /**
   * Refuses the request (403) unless {@code submitted} is the token of this browser's session and
   * the browser does not say the form came from another origin.
   */
  public void verify(String submitted) {
    if (!matches(submitted) || origin() == SameOrigin.Verdict.CROSS) {
      throw new CsrfRejected();
    }
  }

  /** What the browser says of where this request comes from. */
  public SameOrigin.Verdict origin() {
    io.vertx.core.http.HttpServerRequest http = request.getCurrent().request();
    return SameOrigin.of(
        http.getHeader("Sec-Fetch-Site"),
        http.getHeader("Origin"),
        http.getHeader("Host"),
        siteUrl);
  }

  /** Whether {@code submitted} is the token of this browser's session. */
  public boolean matches(String submitted) {
    String binding = binding(false);
    if (submitted == null || binding == null) {
      return false;
    }
    return MessageDigest.isEqual(
        submitted.getBytes(StandardCharsets.US_ASCII),
        tokenFor(binding).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Starts a new pre-session (at sign-in and sign-out): the forms shown afterwards carry a new
   * token, and none shown before is good any more.
   */
  public void rotate() {
    freshPreSession = newPreSession();
    token = null;
  }

  /**
   * What the token is bound to: the signed-in session, else the pre-session cookie. With {@code
   * create}, a browser without a pre-session cookie gets one; without, it has no binding (null).
   */
  private String binding(boolean create) {
    RoutingContext context = request.getCurrent();
    if (freshPreSession != null) {
      return "pre:" + freshPreSession;
    }
    Cookie session = context.request().getCookie(SessionCookie.NAME);
    if (!mode.keycloak() && session != null && !session.getValue().isEmpty()) {
      return "session:" + sha256(session.getValue());
    }
    if (mode.keycloak()) {
      String oidc = oidcSession();
      if (oidc != null) {
        return oidc;
      }
    }
    Cookie existing = context.request().getCookie(COOKIE);
    if (existing != null && existing.getValue().matches("[A-Za-z0-9_-]{43}")) {
      return "pre:" + existing.getValue();
    }
    if (!create) {
      return null;
    }
    freshPreSession = newPreSession();
    return "pre:" + freshPreSession;
  }

  /** The Keycloak session of a signed-in person: subject and session id of their ID token. */
  private String oidcSession() {
    if (!identity.isResolvable()) {
      return null;
    }
    SecurityIdentity who = identity.get();
    if (who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken jwt)) {
      return null;
    }
    Object sid = jwt.getClaim("sid");
    return "oidc:" + jwt.getSubject() + ":" + (sid == null ? "" : sid);
  }

  /** A new random pre-session, set as this response's cookie. */
  private String newPreSession() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    request
        .getCurrent()
        .response()
        .addCookie(
            Cookie.cookie(COOKIE, value)
                .setPath("/desk")
                .setHttpOnly(true)
                .setSecure(config.secureCookies())
                .setSameSite(CookieSameSite.STRICT));
    return value;
  }

  private String tokenFor(String binding) {
    return secrets.signText(SiteSecrets.Purpose.CSRF, "csrf:" + binding, 32);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A state-changing request without the right token. */
  public static class CsrfRejected extends RuntimeException {
    public CsrfRejected() {
      super("The form has expired or did not come from this site. Reload the page and try again.");
    }
  }
}
