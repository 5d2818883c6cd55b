package org.stet.desk.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stet.audit.AuditLog.Actor;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.Account;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.service.AccountLinks;
import org.stet.identity.service.AccountService;
import org.stet.identity.service.AccountService.NewAccount;
import org.stet.identity.service.AccountService.SignInAttempt;

/**
 * Admins create accounts (their owners are invited by mail to choose a password), set their roles,
 * lock byline names, mail reset links, see recent sign-ins, and disable or re-enable accounts.
 */
@Path("/desk/admin/users")
@RolesAllowed(Role.Names.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AccountAdminResource {

  /** An account as the list shows it. */
  public record AccountRow(
      long id,
      String displayName,
      String email,
      List<String> roles,
      boolean disabled,
      boolean you,
      String byline,
      boolean bylineLocked,
      boolean invited) {

    public boolean has(Role role) {
      return roles.contains(role.name());
    }

    /** The roles as Stet's enum, for their labels. */
    public List<Role> roleList() {
      return EnumSet.allOf(Role.class).stream().filter(this::has).toList();
    }
  }

  /** The new-account form as it was sent, with the error and the field it is about. */
  public record NewAccountForm(
      String email, String displayName, List<String> roles, String error, String errorField) {

    static NewAccountForm empty() {
      return new NewAccountForm("", "", List.of(Role.AUTHOR.name()), null, null);
    }

    public boolean has(Role role) {
      return roles.contains(role.name());
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance users(
        DeskChrome desk,
        List<AccountRow> accounts,
        List<Role> allRoles,
        NewAccountForm form,
        String notice);

    static native TemplateInstance account(
        DeskChrome desk,
        AccountRow account,
        boolean awaitsPassword,
        boolean keycloak,
        List<SignInAttempt> signIns,
        String notice);
  }

  private final AccountService accounts;
  private final AccountLinks links;
  private final SecurityIdentity identity;
  private final DeskForm forms;
  private final CurrentVertxRequest request;
  private final DeskHeader header;

  AccountAdminResource(
      AccountService accounts,
      AccountLinks links,
      SecurityIdentity identity,
      DeskForm forms,
      CurrentVertxRequest request,
      DeskHeader header) {
    this.accounts = accounts;
    this.links = links;
    this.identity = identity;
    this.forms = forms;
    this.request = request;
    this.header = header;
  }

  @GET
  public String list() {
    return page(NewAccountForm.empty(), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @FormParam("email") String email,
      @FormParam("displayName") String displayName,
      @FormParam("roles") List<String> roles,
      @FormParam(CsrfToken.FIELD) String token) {
    FormInput.require("email", email, 254);
    FormInput.require("displayName", displayName, 200);
    return forms.submit(
        token,
        () -> {
          Account created =
              accounts.invite(
                  actor(),
                  new NewAccount(email, displayName, null, roles(roles)),
                  header.chrome().displayName());
          return "/desk/admin/users/" + created.id + "?invited=1";
        },
        problem ->
            page(
                new NewAccountForm(
                    email,
                    displayName,
                    roles == null ? List.of() : roles,
                    problem.message(),
                    problem.field()),
                null));
  }

  /** One account: its state, its recent sign-ins, and the links an admin can mail its owner. */
  @GET
  @Path("{id}")
  public TemplateInstance account(
      @PathParam("id") long id,
      @QueryParam("invited") String invited,
      @QueryParam("sent") String sent) {
    Account account = Account.findById(id);
    if (account == null) {
      throw new NotFoundException();
    }
    String notice =
        invited != null
            ? "The account is made. An invitation to choose a password is on its way to "
                + account.email
                + "."
            : sent != null
                ? "A link to choose a new password is on its way to " + account.email + "."
                : null;
    return Templates.account(
        header.chrome(),
        row(account),
        account.passwordHash == null && account.externalSubject == null,
        account.externalSubject != null,
        accounts.recentSignIns(id),
        notice);
  }

  @POST
  @Path("{id}/invitation")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response resendInvitation(
      @PathParam("id") long id, @FormParam(CsrfToken.FIELD) String token) {
    return act(
        token,
        () -> links.invite(actor(), id, header.chrome().displayName()),
        "/desk/admin/users/" + id + "?invited=1");
  }

  @POST
  @Path("{id}/reset-link")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response sendResetLink(
      @PathParam("id") long id, @FormParam(CsrfToken.FIELD) String token) {
    return act(token, () -> links.sendReset(actor(), id), "/desk/admin/users/" + id + "?sent=1");
  }

  @POST
  @Path("{id}/roles")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setRoles(
      @PathParam("id") long id,
      @FormParam("roles") List<String> roles,
      @FormParam(CsrfToken.FIELD) String token) {
    return act(token, () -> accounts.setRoles(actor(), id, roles(roles)));
  }

  @POST
  @Path("{id}/disable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response disable(
      @PathParam("id") long id,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    if (!Confirmation.given(confirmed)) {
      Account account = Account.findById(id);
      if (account == null) {
        throw new NotFoundException();
      }
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Disable the account of " + account.displayName + " (" + account.email + ")?",
              List.of(
                  "They are signed out everywhere at once and cannot sign in.",
                  "Their articles, reviews and byline stay as they are; you can enable the"
                      + " account again."),
              "/desk/admin/users/" + id + "/disable",
              List.of(),
              "Yes, disable the account",
              "/desk/admin/users"));
    }
    return act(token, () -> accounts.setDisabled(actor(), id, true));
  }

  @POST
  @Path("{id}/enable")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enable(@PathParam("id") long id, @FormParam(CsrfToken.FIELD) String token) {
    return act(token, () -> accounts.setDisabled(actor(), id, false));
  }

  @POST
  @Path("{id}/byline-lock")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response lockByline(
      @PathParam("id") long id,
      @FormParam("locked") String locked,
      @FormParam(CsrfToken.FIELD) String token) {
    if (!"true".equals(locked) && !"false".equals(locked)) {
      throw new BadRequestException("Say whether to lock the byline: locked=true or false.");
    }
    return act(token, () -> accounts.setBylineLocked(actor(), id, Boolean.parseBoolean(locked)));
  }

  private Response act(String token, Runnable action) {
    return act(token, action, "/desk/admin/users");
  }

  /** An action on an account from the list; a refusal is shown above the list. */
  private Response act(String token, Runnable action, String next) {
    return forms.submit(
        token,
        () -> {
          action.run();
          return next;
        },
        problem -> page(NewAccountForm.empty(), problem.message()));
  }

  private AccountRow row(Account a) {
    Long me = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    return new AccountRow(
        a.id,
        a.displayName,
        a.email,
        List.of(a.roles),
        a.disabled,
        a.id.equals(me),
        a.person == null ? null : a.person.displayName,
        a.person != null && a.person.nameLocked,
        a.passwordHash == null && a.externalSubject == null);
  }

  private String page(NewAccountForm form, String notice) {
    List<AccountRow> rows = accounts.list().stream().map(this::row).toList();
    List<Role> allRoles = List.copyOf(EnumSet.allOf(Role.class));
    return Templates.users(header.chrome(), rows, allRoles, form, notice).render();
  }

  private Actor actor() {
    return new Actor(
        identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID),
        identity.getAttribute(SessionAuthenticationMechanism.EMAIL),
        request.getCurrent().request().remoteAddress().hostAddress());
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (names != null) {
      for (String name : names) {
        try {
          roles.add(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("There is no role '" + name + "'.");
        }
      }
    }
    return roles;
  }
}
