package org.stet.desk.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
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
import java.time.ZoneId;
import java.util.List;
import org.stet.audit.AuditLog.Actor;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.Account;
import org.stet.identity.AuditActors;
import org.stet.identity.CsrfToken;
import org.stet.identity.IdentityMode;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.service.AccountService;
import org.stet.identity.service.SessionService;
import org.stet.identity.service.SessionService.OpenSession;
import org.stet.settings.Site;

/**
 * Every account's own settings: the name the desk shows, the time zone of its dates, the password
 * (built-in accounts), and the browsers signed in to it, each of which can be signed out.
 */
@Path("/desk/account")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountSettingsResource {

  /** The name-and-zone form as shown (or as sent, after a refusal). */
  public record ProfileForm(
      String displayName, String timeZone, String expertise, String error, String errorField) {}

  /** A signed-in browser, described in words. */
  public record SessionRow(OpenSession session, boolean current) {

    /** "Firefox on Windows", from the browser's own description of itself. */
    public String browser() {
      return UserAgents.describe(session.userAgent());
    }
  }

  /** What the page shows; {@code passwordError} and {@code passwordField} after a refusal. */
  public record Page(
      String email,
      ProfileForm profile,
      List<String> zones,
      String siteZone,
      boolean builtIn,
      String passwordError,
      String passwordField,
      List<SessionRow> sessions,
      String notice) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance account(DeskChrome desk, Page page);
  }

  private static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(
              id ->
                  id.equals("UTC")
                      || id.matches(
                          "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
          .sorted()
          .toList();

  private final AccountService accounts;
  private final SessionService sessions;
  private final SecurityIdentity identity;
  private final DeskForm forms;
  private final CurrentVertxRequest request;
  private final DeskHeader header;
  private final IdentityMode mode;

  AccountSettingsResource(
      AccountService accounts,
      SessionService sessions,
      SecurityIdentity identity,
      DeskForm forms,
      CurrentVertxRequest request,
      DeskHeader header,
      IdentityMode mode) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.identity = identity;
    this.forms = forms;
    this.request = request;
    this.header = header;
    this.mode = mode;
  }

  @GET
  public String page(@QueryParam("saved") String saved) {
    Account me = me();
    return page(
        new ProfileForm(me.displayName, me.timeZone, me.expertise, null, null),
        null,
        null,
        notice(saved));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveProfile(
      @FormParam("displayName") String displayName,
      @FormParam("timeZone") String timeZone,
      @FormParam("expertise") String expertise,
      @FormParam(CsrfToken.FIELD) String token) {
    FormInput.require("displayName", displayName, 200);
    String zone = timeZone == null ? "" : timeZone;
    FormInput.require("timeZone", zone, 100);
    if (expertise != null) {
      FormInput.require("expertise", expertise, 2000);
    }
    String name = mode.keycloak() ? me().displayName : displayName;
    return forms.submit(
        token,
        () -> {
          accounts.updateOwn(actor(), accountId(), name, zone, expertise);
          return saved("profile");
        },
        problem ->
            page(
                new ProfileForm(displayName, zone, expertise, problem.message(), problem.field()),
                null,
                null,
                null));
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(
      @FormParam("current") String current,
      @FormParam("password") String password,
      @FormParam(CsrfToken.FIELD) String token) {
    if (mode.keycloak()) {
      throw new NotFoundException();
    }
    FormInput.require("current", current, 1024);
    FormInput.require("password", password, 1024);
    return forms.submit(
        token,
        () -> {
          accounts.changePassword(actor(), accountId(), sessionId(), current, password);
          return saved("password");
        },
        problem -> {
          Account me = me();
          return page(
              new ProfileForm(me.displayName, me.timeZone, me.expertise, null, null),
              problem.message(),
              problem.field(),
              null);
        });
  }

  @POST
  @Path("sessions/{id}/end")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response endSession(@PathParam("id") long id, @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          if (id == sessionId() || !sessions.end(accountId(), id)) {
            // Not one of yours, or this very browser (which signs out with the header's button).
            throw new NotFoundException();
          }
          return saved("session");
        });
  }

  @POST
  @Path("sessions/end-others")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response endOthers(@FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          sessions.endAllBut(accountId(), sessionId());
          return saved("sessions");
        });
  }

  private String page(
      ProfileForm profile, String passwordError, String passwordField, String notice) {
    Long current = identity.getAttribute(SessionAuthenticationMechanism.SESSION_ID);
    DeskChrome desk = header.chrome();
    List<SessionRow> rows =
        mode.keycloak()
            ? List.of()
            : sessions.openSessions(accountId()).stream()
                .map(s -> new SessionRow(s, current != null && s.id() == current))
                .toList();
    Page page =
        new Page(
            desk.email(),
            profile,
            ZONES,
            Site.current().timeZone,
            mode.builtIn(),
            passwordError,
            passwordField,
            rows,
            notice);
    return Templates.account(desk, page).render();
  }

  private static String saved(String what) {
    return "/desk/account?saved=" + what;
  }

  private static String notice(String saved) {
    if (saved == null) {
      return null;
    }
    return switch (saved) {
      case "profile" -> "Your settings are saved.";
      case "password" -> "Your password is changed. Your other sessions are signed out.";
      case "session" -> "That session is signed out.";
      case "sessions" -> "Every other session is signed out.";
      default -> null;
    };
  }

  private Account me() {
    Account account = Account.findById(accountId());
    if (account == null) {
      throw new NotFoundException();
    }
    return account;
  }

  private long accountId() {
    return identity.<Long>getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
  }

  /** The session this request came with; 0 for Keycloak sign-ins, which Stet does not list. */
  private long sessionId() {
    Long id = identity.getAttribute(SessionAuthenticationMechanism.SESSION_ID);
    return id == null ? 0 : id;
  }

  private Actor actor() {
    return AuditActors.of(identity, request.getCurrent().request().remoteAddress().hostAddress());
  }
}
