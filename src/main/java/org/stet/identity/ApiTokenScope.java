package org.stet.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What a personal API token may do: a read token only reads ({@code GET}, {@code HEAD}); no token
 * manages tokens (that takes the desk, so a leaked token cannot make itself more).
 */
public class ApiTokenScope {

  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

  private final SecurityIdentity identity;

  ApiTokenScope(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerRequestFilter
  public void check(ContainerRequestContext context) {
    String scope = identity.getAttribute(SessionAuthenticationMechanism.TOKEN_SCOPE);
    if (scope == null) {
      return;
    }
    if (context.getUriInfo().getPath().startsWith("/api/v1/me/tokens")) {
      throw new WebApplicationException(
          "API tokens are made and revoked from a signed-in session (the desk's account page),"
              + " not with a token.",
          403);
    }
    if (scope.equals(ApiToken.Scope.READ.name()) && !READING.contains(context.getMethod())) {
      throw new WebApplicationException(
          "This API token may only read. Make a token with the write scope to change things.", 403);
    }
  }
}
