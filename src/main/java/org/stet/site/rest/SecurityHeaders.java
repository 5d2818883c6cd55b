package org.stet.site.rest;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stet.identity.LocalRedirect;
import org.stet.identity.SessionCookie;

/**
 * Security headers on every response, set by the first route so no handler can skip them. The
 * content security policy allows no inline script; Quarkus' own tools under {@code /q/} (dev UI,
 * Swagger UI) are exempt because they need it and are not for readers.
 */
@ApplicationScoped
public class SecurityHeaders {

  /** Route order: before every other handler. */
  static final int ORDER = -10_000;

  private final String contentSecurityPolicy;

  /**
   * Forms may post only to this site; with Keycloak, also to it, since sign-out redirects there
   * (browsers apply {@code form-action} to a form's redirects too).
   */
  SecurityHeaders(
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean keycloak,
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> keycloakUrl) {
    String formTargets =
        keycloak && keycloakUrl.isPresent() ? "'self' " + origin(keycloakUrl.get()) : "'self'";
    this.contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action "
            + formTargets
            + "; frame-ancestors 'none'";
  }

  /** A request that carries a session cookie or an {@code Authorization} header. */
  private static boolean credentialed(HttpServerRequest request) {
    return request.getHeader("Authorization") != null
        || request.cookies().stream()
            .anyMatch(
                cookie ->
                    cookie.getName().equals(SessionCookie.NAME)
                        || cookie.getName().startsWith("q_session"));
  }

  /**
   * Redirects to this site are written as paths: the framework makes {@code Location} absolute from
   * the request's {@code Host} header, which the client chooses ({@code Host: evil.example} would
   * send the browser there). Redirects to other hosts (Keycloak) are left as they are.
   */
  private static void relativeLocation(RoutingContext context) {
    String location = context.response().headers().get("Location");
    String host = context.request().getHeader("Host");
    if (location == null || host == null) {
      return;
    }
    try {
      URI uri = URI.create(location);
      if (uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host)) {
        String path =
            uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String relative =
            path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        context.response().headers().set("Location", LocalRedirect.safe(relative));
      }
    } catch (IllegalArgumentException e) {
      context.response().headers().set("Location", LocalRedirect.DEFAULT);
    }
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  void register(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            context -> {
              MultiMap headers = context.response().headers();
              headers.add("X-Content-Type-Options", "nosniff");
              headers.add("Referrer-Policy", "strict-origin-when-cross-origin");
              headers.add("X-Frame-Options", "DENY");
              String path = context.normalizedPath();
              if (!path.startsWith("/q/")) {
                headers.add("Content-Security-Policy", contentSecurityPolicy);
              }
              if (path.startsWith("/desk")) {
                headers.add("Cache-Control", "no-store");
              }
              boolean privateApi = path.startsWith("/api/") && credentialed(context.request());
              context.addHeadersEndHandler(
                  ended -> {
                    if (privateApi) {
                      // Answers for a signed-in caller are theirs alone: no cache keeps them.
                      headers.set("Cache-Control", "no-store");
                    }
                    relativeLocation(context);
                  });
              context.next();
            });
  }
}
