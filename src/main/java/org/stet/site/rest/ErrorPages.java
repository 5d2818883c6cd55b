package org.stet.site.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.CsrfToken;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.site.PageModels.Chrome;
import org.stet.site.service.PublicSiteService;

/**
 * Turns every error into a short page (or JSON for API clients) with the right status. The detail
 * of unexpected failures goes to the server log, never to the reader.
 *
 * <p>Some errors (a refused role, say) are raised on the event loop, where the database may not be
 * used; the page is then rendered on a worker thread.
 */
public class ErrorPages {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class);

  /** What the reader is told. */
  public record Problem(int status, String title, String message) {}

  private final Renderer renderer;
  private final SecurityIdentity identity;
  private final AuditLog audit;
  private final CurrentVertxRequest request;

  ErrorPages(
      Renderer renderer, SecurityIdentity identity, AuditLog audit, CurrentVertxRequest request) {
    this.renderer = renderer;
    this.identity = identity;
    this.audit = audit;
    this.request = request;
  }

  @ServerExceptionMapper
  public Uni<Response> notFound(NotFoundException e, HttpHeaders headers) {
    return respond(
        new Problem(
            404,
            "Page not found",
            "There is no page at this address. It may have moved, or the link may be mistyped."),
        headers,
        null);
  }

  /** A signed-in person asked for something their role or the object does not allow. */
  @ServerExceptionMapper
  public Uni<Response> forbidden(ForbiddenException e, HttpHeaders headers) {
    var http = request.getCurrent();
    String what = http.request().method() + " " + http.normalizedPath();
    String ip = http.request().remoteAddress().hostAddress();
    AuditLog.Actor actor =
        identity.isAnonymous()
            ? AuditLog.Actor.anonymous(ip)
            : new AuditLog.Actor(
                identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID),
                identity.getPrincipal().getName(),
                ip);
    return respond(
        new Problem(403, "Not allowed", "Your account is not allowed to do this."),
        headers,
        () -> audit.record(actor, AuditAction.ACCESS_DENIED, what, null));
  }

  /** Keycloak could not be asked (bearer tokens on the API while it is down). */
  @ServerExceptionMapper
  public Uni<Response> signInUnavailable(io.quarkus.oidc.OIDCException e, HttpHeaders headers) {
    LOG.warn("Keycloak is not available: " + e.getMessage());
    return respond(
        new Problem(
            503,
            "Sign-in is unavailable",
            "The sign-in service (Keycloak) cannot be reached; try again in a few minutes."),
        headers,
        null);
  }

  @ServerExceptionMapper
  public Uni<Response> csrfRejected(CsrfToken.CsrfRejected e, HttpHeaders headers) {
    return respond(new Problem(403, "Form expired", e.getMessage()), headers, null);
  }

  @ServerExceptionMapper
  public Uni<Response> webApplication(WebApplicationException e, HttpHeaders headers) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, headers);
    }
    String reason = e.getResponse().getStatusInfo().getReasonPhrase();
    String message =
        e.getMessage() == null || e.getMessage().startsWith("HTTP ")
            ? "The request could not be handled (" + reason + ")."
            : e.getMessage();
    return respond(new Problem(status, reason, message), headers, null);
  }

  @ServerExceptionMapper
  public Uni<Response> unexpected(Throwable e, HttpHeaders headers) {
    if (concurrentChange(e)) {
      LOG.info("Concurrent change refused: " + e.getMessage());
      return respond(
          new Problem(
              409,
              "Changed meanwhile",
              "Someone else changed this at the same moment, so nothing was saved. Reload the"
                  + " page and try again."),
          headers,
          null);
    }
    String state = sqlState(e);
    if ("23505".equals(state)) { // unique violation: two requests created the same thing at once
      LOG.info("Duplicate refused: " + e.getMessage());
      return respond(
          new Problem(
              409,
              "Exists already",
              "This exists already (perhaps it was just created by another request); nothing"
                  + " was saved. Reload the page to see it."),
          headers,
          null);
    }
    if ("22021".equals(state) || "22P05".equals(state)) { // text PostgreSQL cannot store
      return respond(
          new Problem(
              400,
              "Text cannot be stored",
              "The text contains a character that cannot be stored (such as NUL); nothing was"
                  + " saved."),
          headers,
          null);
    }
    if (cutOffBody(e)) {
      LOG.info("Request body ended early: " + e.getMessage());
      return respond(
          new Problem(
              400,
              "Upload incomplete",
              "The form or file you sent arrived incomplete (the connection ended before it did);"
                  + " nothing was saved. Send it again."),
          headers,
          null);
    }
    LOG.error("Unexpected failure while serving a request", e);
    return respond(
        new Problem(
            500,
            "Something went wrong",
            "The page could not be shown because of an error on our side. It has been logged;"
                + " please try again in a moment."),
        headers,
        null);
  }

  private Uni<Response> respond(Problem problem, HttpHeaders headers, Runnable sideEffect) {
    boolean json = wantsJson(headers);
    Supplier<Response> build =
        () -> {
          if (sideEffect != null) {
            sideEffect.run();
          }
          Response.ResponseBuilder response = Response.status(problem.status());
          if (json) {
            return response
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(
                    Map.of(
                        "status", problem.status(),
                        "title", problem.title(),
                        "message", problem.message()))
                .build();
          }
          return response.type(PublicCaching.HTML).entity(renderer.render(problem)).build();
        };
    if (Context.isOnEventLoopThread()) {
      return Uni.createFrom().item(build).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
    return Uni.createFrom().item(build.get());
  }

  /** The SQLState of the database error behind {@code e}, however wrapped, or null. */
  static String sqlState(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  /**
   * Whether {@code e} is a form or multipart body that ended before its end (a cut-off upload, a
   * lying {@code Content-Length}): an I/O failure raised while the framework read the body.
   */
  static boolean cutOffBody(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        for (StackTraceElement frame : cause.getStackTrace()) {
          if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
              || frame.getClassName().endsWith(".FormBodyHandler")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether an optimistic-lock conflict (however wrapped at commit) caused {@code e}. */
  static boolean concurrentChange(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof jakarta.persistence.OptimisticLockException
          || cause instanceof org.hibernate.StaleStateException) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsJson(HttpHeaders headers) {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(
            type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
  }

  /** Renders the error page; usable from any thread. */
  @ApplicationScoped
  public static class Renderer {

    private static final Chrome FALLBACK_CHROME = new Chrome("Stet", null, "en");

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
      static native TemplateInstance error(Chrome chrome, Problem problem);
    }

    private final PublicSiteService site;

    Renderer(PublicSiteService site) {
      this.site = site;
    }

    @ActivateRequestContext
    public String render(Problem problem) {
      return Templates.error(chrome(), problem).render();
    }

    private Chrome chrome() {
      try {
        return site.chrome();
      } catch (RuntimeException e) {
        LOG.warn("Error page rendered without site settings: " + e.getMessage());
        return FALLBACK_CHROME;
      }
    }
  }
}
