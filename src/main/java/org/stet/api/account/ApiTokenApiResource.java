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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
    name = "API tokens",
    description =
        "Personal API tokens for scripts and integrations: made, listed and revoked from a"
            + " signed-in desk session of a built-in account, never with a token.")
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
  @Operation(
      summary = "List your API tokens",
      description =
          "The caller's own tokens, newest first and revoked ones last, each with its name,"
              + " scope, the first characters of its value, and when it was made, last used and"
              + " revoked; never the token itself. Only from a signed-in session of a built-in"
              + " account: 403 when called with a token or without a built-in account, 409 on a"
              + " site that signs in with Keycloak (ask Keycloak for tokens there).")
  public List<ApiTokenService.Listed> list() {
    return tokens.list(account());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Make an API token",
      description =
          "Makes a token for the caller's own account, named after what will use it, that either"
              + " only reads (\"read\") or also changes things (\"write\"), always with the"
              + " account's own roles. The token's value is in this answer only: keep it, Stet"
              + " stores no more than its fingerprint. 400 for a missing or too long name (1 to 100"
              + " characters) or another scope, 409 when the account already has 20 tokens in use"
              + " or the site signs in with Keycloak, 403 when called with a token or without a"
              + " built-in account.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a read-only token",
                    value = "{\"name\":\"Zotero sync\",\"scope\":\"read\"}"),
                @ExampleObject(
                    name = "a token that writes",
                    value = "{\"name\":\"Submission script\",\"scope\":\"write\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The token was made; its value is shown this once.")
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
  @Operation(
      summary = "Revoke an API token",
      description =
          "Revokes one of the caller's own tokens at once and answers it as listed; revoking it"
              + " again changes nothing. 404 for a token of another account or none, with the same"
              + " 403 and 409 as listing tokens.")
  public ApiTokenService.Listed revoke(
      @Parameter(description = "The token's id, as listed") @PathParam("id") String id) {
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
