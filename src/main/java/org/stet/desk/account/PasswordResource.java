package org.stet.desk.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.stet.desk.DeskHeader;
import org.stet.identity.Account;
import org.stet.identity.CsrfToken;
import org.stet.identity.IdentityMode;
import org.stet.identity.service.AccountLinks;
import org.stet.identity.service.AccountLinks.Holder;
import org.stet.identity.service.AccountService.Refused;
import org.stet.identity.service.SessionService;
import org.stet.identity.service.SignInThrottle;

/**
 * "Forgot your password?" and the page a mailed link opens (a reset, or an invitation to a new
 * account): the owner chooses a password and is signed in. Built-in accounts only.
 */
@Path("/desk/password")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

  /**
   * The forgot-password form; {@code sent} after it was sent (the same words for every address).
   */
  public record ForgotForm(String email, boolean sent) {}

  /** The choose-a-password form of a link, with the refusal of the last try. */
  public record ChooseForm(String token, Holder holder, String error) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance forgot(String siteName, ForgotForm form);

    static native TemplateInstance choose(String siteName, ChooseForm form);

    static native TemplateInstance spent(String siteName);
  }

  private final AccountLinks links;
  private final SessionService sessions;
  private final SignInThrottle throttle;
  private final SessionCookies cookies;
  private final CsrfToken csrf;
  private final CurrentVertxRequest request;
  private final DeskHeader header;
  private final IdentityMode mode;

  PasswordResource(
      AccountLinks links,
      SessionService sessions,
      SignInThrottle throttle,
      SessionCookies cookies,
      CsrfToken csrf,
      CurrentVertxRequest request,
      DeskHeader header,
      IdentityMode mode) {
    this.links = links;
    this.sessions = sessions;
    this.throttle = throttle;
    this.cookies = cookies;
    this.csrf = csrf;
    this.request = request;
    this.header = header;
    this.mode = mode;
  }

  @GET
  @Path("forgot")
  public Response forgotPage() {
    builtInOnly();
    return html(200, Templates.forgot(header.siteName(), new ForgotForm("", false)));
  }

  @POST
  @Path("forgot")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response forgot(
      @FormParam("email") String email, @FormParam(CsrfToken.FIELD) String token) {
    builtInOnly();
    csrf.verify(token);
    FormInput.require("email", email, 254);
    if (!throttle.allow(ip())) {
      return Response.fromResponse(
              html(429, Templates.forgot(header.siteName(), new ForgotForm(email, true))))
          .header("Retry-After", "60")
          .build();
    }
    links.requestReset(email, ip());
    return html(200, Templates.forgot(header.siteName(), new ForgotForm(email, true)));
  }

  @GET
  @Path("{token}")
  public Response choosePage(@PathParam("token") String token) {
    builtInOnly();
    return links
        .holder(token)
        .map(
            holder ->
                html(200, Templates.choose(header.siteName(), new ChooseForm(token, holder, null))))
        .orElseGet(this::spent);
  }

  @POST
  @Path("{token}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response choose(
      @PathParam("token") String token,
      @FormParam("password") String password,
      @FormParam(CsrfToken.FIELD) String csrfToken) {
    builtInOnly();
    csrf.verify(csrfToken);
    FormInput.require("password", password, 1024);
    Holder holder = links.holder(token).orElse(null);
    if (holder == null) {
      return spent();
    }
    try {
      Account account = links.setPassword(token, password, ip());
      String session =
          sessions.open(account, ip(), request.getCurrent().request().getHeader("User-Agent"));
      csrf.rotate();
      return Response.seeOther(URI.create("/desk?password=set"))
          .cookie(cookies.of(session))
          .build();
    } catch (Refused e) {
      if (!"password".equals(e.field())) {
        return spent();
      }
      return html(
          400, Templates.choose(header.siteName(), new ChooseForm(token, holder, e.getMessage())));
    }
  }

  /** A link that expired, was used, or never was: 410, with the way to a new one. */
  private Response spent() {
    return html(410, Templates.spent(header.siteName()));
  }

  private void builtInOnly() {
    if (mode.keycloak()) {
      throw new NotFoundException();
    }
  }

  /** Every page here carries the link's token in its address: it is never sent on as a Referer. */
  private static Response html(int status, TemplateInstance page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .header("Referrer-Policy", "no-referrer")
        .entity(page.render())
        .build();
  }

  private String ip() {
    return request.getCurrent().request().remoteAddress().hostAddress();
  }
}
