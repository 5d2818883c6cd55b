package org.stet.identity;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.stet.web.SameOrigin;

/**
 * Cross-site request forgery on the JSON API. A state-changing request ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}) that a browser's cookies would authenticate (the desk's session or
 * Keycloak's) must say it is JSON ({@code Content-Type: application/json}, else 415) and come from
 * this origin ({@code Sec-Fetch-Site: same-origin} or a matching {@code Origin}) or carry the
 * session's CSRF token in {@value CsrfToken#HEADER} (else 403). A cross-origin page can send
 * neither a JSON body nor a custom header without a CORS preflight, which Stet never answers.
 * Requests with an {@code Authorization} header (bearer tokens) carry no ambient credentials and
 * are not checked.
 */
public class ApiSessionGuard {

  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final CsrfToken csrf;

  ApiSessionGuard(CsrfToken csrf) {
    this.csrf = csrf;
  }

  @ServerRequestFilter
  public void guard(ContainerRequestContext context, HttpServerRequest http) {
    if (!CHANGING.contains(context.getMethod())
        || !http.path().startsWith("/api/")
        || context.getHeaderString(HttpHeaders.AUTHORIZATION) != null
        || !carriesSessionCookie(http)) {
      return;
    }
    MediaType type = context.getMediaType();
    boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    boolean token = csrf.matches(context.getHeaderString(CsrfToken.HEADER));
    if (!json && !(multipart && token)) {
      throw new WebApplicationException(
          "Send the request as JSON (Content-Type: application/json).", 415);
    }
    if (!token && csrf.origin() != SameOrigin.Verdict.SAME) {
      throw new WebApplicationException(
          "This request did not come from this site's desk. Send it from the desk, or with the"
              + " session's token in the "
              + CsrfToken.HEADER
              + " header.",
          403);
    }
  }

  private static boolean carriesSessionCookie(HttpServerRequest http) {
    return http.cookies().stream()
        .anyMatch(
            cookie ->
                cookie.getName().equals(SessionCookie.NAME)
                    || cookie.getName().startsWith("q_session"));
  }
}
