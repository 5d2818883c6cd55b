package org.stet.desk.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.AuditActors;
import org.stet.identity.CsrfToken;
import org.stet.identity.IdentityMode;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.service.ApiTokenService;
import org.stet.web.PathNumber;

/**
 * A built-in account's personal API tokens on the desk: made with a name and a scope (the value
 * shown once, on the answer to the form, never again), listed with when each was last used, and
 * revoked (asked first).
 */
@Path("/desk/account/tokens")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiTokenDeskResource {

  /** What the page shows; {@code made} only on the answer that made it. */
  public record Page(
      List<ApiTokenService.Listed> tokens,
      ApiTokenService.Made made,
      String typedName,
      String typedScope,
      String error,
      String notice) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance tokens(org.stet.desk.DeskChrome desk, Page page);
  }

  private final ApiTokenService tokens;
  private final SecurityIdentity identity;
  private final DeskForm forms;
  private final DeskHeader header;
  private final IdentityMode mode;

  ApiTokenDeskResource(
      ApiTokenService tokens,
      SecurityIdentity identity,
      DeskForm forms,
      DeskHeader header,
      IdentityMode mode) {
    this.tokens = tokens;
    this.identity = identity;
    this.forms = forms;
    this.header = header;
    this.mode = mode;
  }

  @GET
  public String show(@QueryParam("revoked") String revoked) {
    return page(
        null,
        null,
        null,
        null,
        revoked != null ? "Revoked. Programs using that token are refused from now on." : null);
  }

  /** Makes a token and shows it, this once. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @FormParam("name") String name,
      @FormParam("scope") String scope,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.show(
        token,
        () -> {
          ApiTokenService.Made made =
              tokens.create(AuditActors.of(identity), accountId(), name, scope);
          return page(made, null, null, null, null);
        },
        problem -> page(null, name, scope, problem.message(), null));
  }

  @POST
  @Path("{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(
      @PathParam("id") String id,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long tokenId = PathNumber.id(id);
    ApiTokenService.Listed listed =
        tokens.list(accountId()).stream()
            .filter(candidate -> candidate.id() == tokenId)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    if (!Confirmation.given(confirmed)) {
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Revoke the token \u201c" + listed.name() + "\u201d?",
              List.of(
                  "Every program using it is refused from now on.",
                  "A revoked token cannot be used again; make a new one if you need it."),
              "/desk/account/tokens/" + tokenId + "/revoke",
              List.of(),
              "Yes, revoke it",
              "/desk/account/tokens"));
    }
    return forms.submit(
        token,
        () -> {
          tokens.revoke(AuditActors.of(identity), accountId(), tokenId);
          return "/desk/account/tokens?revoked=1";
        });
  }

  private String page(
      ApiTokenService.Made made, String name, String scope, String error, String notice) {
    return Templates.tokens(
            header.chrome(), new Page(tokens.list(accountId()), made, name, scope, error, notice))
        .render();
  }

  private long accountId() {
    Long id = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    if (mode.keycloak() || id == null) {
      throw new NotFoundException();
    }
    return id;
  }
}
