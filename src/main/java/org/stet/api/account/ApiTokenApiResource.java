package org.stet.api.account;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.stet.identity.AuditActors;
import org.stet.identity.IdentityMode;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.service.ApiTokenService;
import org.stet.web.PathNumber;

/**
 * The caller's personal API tokens: made (the value answered once), listed (never the value) and
 * revoked. Only from a signed-in session of a built-in account: a token cannot manage tokens.
 */
@Path("/api/v1/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ApiTokenApiResource {

  /** What to make: a name after its use and {@code "read"} or {@code "write"}. */
  public record NewToken(String name, String scope) {}

  /** A new token with its value, shown this once. */
  public record MadeJson(long id, String name, String scope, String token) {}

  private final ApiTokenService tokens;
  private final SecurityIdentity identity;
  private final IdentityMode mode;

  ApiTokenApiResource(ApiTokenService tokens, SecurityIdentity identity, IdentityMode mode) {
    this.tokens = tokens;
    this.identity = identity;
    this.mode = mode;
  }

  @GET
  public List<ApiTokenService.Listed> list() {
    return tokens.list(account());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewToken request) {
    ApiTokenService.Made made =
        tokens.create(
            AuditActors.of(identity),
            account(),
            request == null ? null : request.name(),
            request == null ? null : request.scope());
    return Response.created(URI.create("/api/v1/me/tokens/" + made.token().id()))
        .entity(
            new MadeJson(
                made.token().id(), made.token().name(), made.token().scope().name(), made.value()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @DELETE
  @Path("{id}")
  public ApiTokenService.Listed revoke(@PathParam("id") String id) {
    return tokens.revoke(AuditActors.of(identity), account(), PathNumber.id(id));
  }

  private long account() {
    if (mode.keycloak()) {
      throw new WebApplicationException(
          "This site signs in with Keycloak: ask Keycloak for tokens (a client with the"
              + " client-credentials or device flow).",
          409);
    }
    Long id = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    if (id == null) {
      throw new WebApplicationException("Sign in with a built-in account first.", 403);
    }
    return id;
  }
}
