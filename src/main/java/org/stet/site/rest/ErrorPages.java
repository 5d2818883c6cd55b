package org.stet.site.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.stet.site.PageModels.Chrome;
import org.stet.site.service.PublicSiteService;

/**
 * Turns every error into a short page (or JSON for API clients) with the right status. The detail
 * of unexpected failures goes to the server log, never to the reader.
 */
public class ErrorPages {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class);
  private static final Chrome FALLBACK_CHROME = new Chrome("Stet", null, "en");

  /** What the reader is told. */
  public record Problem(int status, String title, String message) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance error(Chrome chrome, Problem problem);
  }

  private final PublicSiteService site;

  ErrorPages(PublicSiteService site) {
    this.site = site;
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, HttpHeaders headers) {
    return respond(
        new Problem(
            404,
            "Page not found",
            "There is no page at this address. It may have moved, or the link may be mistyped."),
        headers);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, HttpHeaders headers) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, headers);
    }
    String reason = e.getResponse().getStatusInfo().getReasonPhrase();
    String message =
        e.getMessage() == null || e.getMessage().startsWith("HTTP ")
            ? "The request could not be handled (" + reason + ")."
            : e.getMessage();
    return respond(new Problem(status, reason, message), headers);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, HttpHeaders headers) {
    LOG.error("Unexpected failure while serving a request", e);
    return respond(
        new Problem(
            500,
            "Something went wrong",
            "The page could not be shown because of an error on our side. It has been logged;"
                + " please try again in a moment."),
        headers);
  }

  private Response respond(Problem problem, HttpHeaders headers) {
    Response.ResponseBuilder response = Response.status(problem.status());
    if (wantsJson(headers)) {
      return response
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(
              Map.of(
                  "status",
                  problem.status(),
                  "title",
                  problem.title(),
                  "message",
                  problem.message()))
          .build();
    }
    return response
        .type(PublicCaching.HTML)
        .entity(Templates.error(chrome(), problem).render())
        .build();
  }

  private static boolean wantsJson(HttpHeaders headers) {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(
            type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType());
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
