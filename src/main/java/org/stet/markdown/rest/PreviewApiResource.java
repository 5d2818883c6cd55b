package org.stet.markdown.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.stet.article.config.ArticleConfig;
import org.stet.identity.Role;
import org.stet.markdown.MarkdownRenderer;

/** The editor's live preview: Markdown in, the same sanitised HTML the public page shows out. */
@Path("/api/v1/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
public class PreviewApiResource {

  /** What to preview. */
  public record PreviewJson(String body) {}

  /** The rendered HTML. */
  public record HtmlJson(String html) {}

  private final MarkdownRenderer renderer;
  private final int maxBody;

  PreviewApiResource(MarkdownRenderer renderer, ArticleConfig config) {
    this.renderer = renderer;
    this.maxBody = config.maxBodyLength();
  }

  @POST
  public HtmlJson preview(PreviewJson request) {
    if (request == null || request.body() == null) {
      throw new BadRequestException("Send the Markdown to preview: {\"body\":\"...\"}.");
    }
    if (request.body().length() > maxBody) {
      throw new WebApplicationException("The body is longer than " + maxBody + " characters.", 413);
    }
    return new HtmlJson(renderer.render(request.body(), Map.of()).htmlWithNotes());
  }
}
