package org.stet.desk.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.IdentityMode;
import org.stet.identity.LocalRedirect;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.service.AccountService;
import org.stet.identity.service.AccountService.NewAccount;
import org.stet.identity.service.AccountService.Refused;
import org.stet.identity.service.SessionService;
import org.stet.identity.service.SignInService;
import org.stet.identity.service.SignInThrottle;

/** Signing in and out with a built-in account, and creating the first administrator. */
@Path("/desk")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

  /** What the sign-in form shows again after a refusal. */
  public record SignInForm(String email, String next, String error, boolean signedOut) {}

  /** What the set-up form shows again after a refusal, with the field the error is about. */
  public record SetupForm(String email, String displayName, String error, String errorField) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance signIn(String siteName, SignInForm form);

    static native TemplateInstance setup(String siteName, SetupForm form);
  }

  private final SignInService signIn;
  private final SignInThrottle throttle;
  private final SessionService sessions;
  private final AccountService accounts;
  private final AuditLog audit;
  private final CsrfToken csrf;
  private final CurrentVertxRequest request;
  private final SessionCookies cookies;
  private final DeskHeader header;
  private final IdentityMode mode;
  private final KeycloakSignOut keycloakSignOut;

  SignInResource(
      SignInService signIn,
      SignInThrottle throttle,
      SessionService sessions,
      AccountService accounts,
      AuditLog audit,
      CsrfToken csrf,
      CurrentVertxRequest request,
      SessionCookies cookies,
      DeskHeader header,
      IdentityMode mode,
      KeycloakSignOut keycloakSignOut) {
    this.mode = mode;
    this.keycloakSignOut = keycloakSignOut;
    this.signIn = signIn;
    this.throttle = throttle;
    this.sessions = sessions;
    this.accounts = accounts;
    this.audit = audit;
    this.csrf = csrf;
    this.request = request;
    this.cookies = cookies;
    this.header = header;
  }

  @GET
  @Path("sign-in")
  public Response signInPage(
      @QueryParam("next") String next, @QueryParam("signed-out") String signedOut) {
    if (mode.keycloak()) {
      // The desk itself starts Keycloak's sign-in.
      return Response.seeOther(URI.create(LocalRedirect.safe(next))).build();
    }
    if (accounts.setupNeeded()) {
      return Response.seeOther(URI.create("/desk/setup")).build();
    }
    return page(200, new SignInForm("", LocalRedirect.safe(next), null, signedOut != null)).build();
  }

  @POST
  @Path("sign-in")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(
      @FormParam("email") String email,
      @FormParam("password") String password,
      @FormParam("next") String next,
      @FormParam(CsrfToken.FIELD) String token) {
    builtInOnly();
    csrf.verify(token);
    String target = LocalRedirect.safe(next);
    FormInput.require("email", email, 254);
    FormInput.require("password", password, 1024);
    if (!throttle.allow(ip())) {
      // A flood from one network: refused before bcrypt or the database, with the same words.
      return page(429, new SignInForm(email, target, SignInService.REFUSED, false))
          .header("Retry-After", "60")
          .build();
    }
    SignInService.Outcome outcome = signIn.signIn(email, password, ip(), userAgent());
    if (!outcome.succeeded()) {
      Response.ResponseBuilder refused =
          page(
              outcome.retryAfter() == null ? 401 : 429,
              new SignInForm(email, target, outcome.problem(), false));
      if (outcome.retryAfter() != null) {
        refused.header("Retry-After", Math.max(1, outcome.retryAfter().toSeconds()));
      }
      return refused.build();
    }
    csrf.rotate(); // the forms of the new session carry a new token
    return Response.seeOther(URI.create(target)).cookie(cookies.of(outcome.token())).build();
  }

  @POST
  @Path("sign-out")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signOut(@FormParam(CsrfToken.FIELD) String token) {
    csrf.verify(token);
    csrf.rotate();
    if (mode.keycloak()) {
      return keycloakSignOut.signOut(ip());
    }
    Cookie cookie = request.getCurrent().request().getCookie(SessionCookie.NAME);
    if (cookie != null) {
      sessions
          .identify(cookie.getValue())
          .ifPresent(
              who ->
                  audit.record(
                      new AuditLog.Actor(who.accountId(), who.email(), ip()),
                      AuditAction.SIGN_OUT,
                      who.email(),
                      null));
      sessions.close(cookie.getValue());
    }
    return Response.seeOther(URI.create("/desk/sign-in?signed-out=1"))
        .cookie(cookies.expired())
        .build();
  }

  @GET
  @Path("setup")
  public Response setupPage() {
    if (mode.keycloak() || !accounts.setupNeeded()) {
      throw new NotFoundException();
    }
    return setupPage(200, new SetupForm("", "", null, null)).build();
  }

  @POST
  @Path("setup")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setup(
      @FormParam("email") String email,
      @FormParam("displayName") String displayName,
      @FormParam("password") String password,
      @FormParam(CsrfToken.FIELD) String token) {
    builtInOnly();
    csrf.verify(token);
    FormInput.require("email", email, 254);
    FormInput.require("displayName", displayName, 200);
    FormInput.require("password", password, 1024);
    if (!accounts.setupNeeded()) {
      throw new NotFoundException();
    }
    try {
      return accounts
          .createFirstAdmin(new NewAccount(email, displayName, password, Set.of(Role.ADMIN)))
          .map(
              admin -> {
                SignInService.Outcome outcome =
                    signIn.signIn(admin.email, password, ip(), userAgent());
                csrf.rotate();
                return Response.seeOther(URI.create("/desk"))
                    .cookie(cookies.of(outcome.token()))
                    .build();
              })
          .orElseThrow(NotFoundException::new);
    } catch (Refused e) {
      return setupPage(400, new SetupForm(email, displayName, e.getMessage(), e.field())).build();
    }
  }

  /** With Keycloak, Stet has no sign-in or set-up form of its own. */
  private void builtInOnly() {
    if (mode.keycloak()) {
      throw new NotFoundException();
    }
  }

  private Response.ResponseBuilder page(int status, SignInForm form) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.signIn(header.siteName(), form).render());
  }

  private Response.ResponseBuilder setupPage(int status, SetupForm form) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.setup(header.siteName(), form).render());
  }

  private String ip() {
    return request.getCurrent().request().remoteAddress().hostAddress();
  }

  private String userAgent() {
    return request.getCurrent().request().getHeader("User-Agent");
  }
}
