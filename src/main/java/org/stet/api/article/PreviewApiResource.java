package org.stet.api.article;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.article.Article;
import org.stet.article.config.ArticleConfig;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.citation.CitationProcessor;
import org.stet.citation.ReferenceProblem;
import org.stet.citation.References;
import org.stet.identity.Role;
import org.stet.media.service.ArticleText;

/**
 * The editor's live preview: Markdown in, the same sanitised HTML the article's page shows out,
 * with its citations and reference list in the article's style; citations without a reference are
 * marked and listed (the public page never shows such marks).
 */
@Path("/api/v1/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
@Tag(
    name = "Articles",
    description =
        "Drafts and articles: writing and saving them, moving them through the editorial"
            + " workflow, their history of events and review rounds, the journal they are"
            + " considered for, and their DOI.")
public class PreviewApiResource {

  /**
   * What to preview: the body; optionally the article it belongs to (its references and style are
   * used) and references to use instead of the article's (CSL-JSON, as the editor holds them).
   */
  public record PreviewJson(String body, Long article, List<Object> references) {}

  /**
   * The rendered body, the reference list, the keys cited without a reference and how many images
   * have no description (both block submission).
   */
  public record HtmlJson(
      String html,
      List<CitationProcessor.Entry> references,
      List<String> unknownKeys,
      int undescribedImages) {}

  private final ArticleText articleText;
  private final SecurityIdentity identity;
  private final int maxBody;

  PreviewApiResource(ArticleText articleText, SecurityIdentity identity, ArticleConfig config) {
    this.articleText = articleText;
    this.identity = identity;
    this.maxBody = config.maxBodyLength();
  }

  @POST
  @Transactional
  @Operation(
      summary = "Preview a text as readers will see it",
      description =
          "Authors and editors. Renders the Markdown sent into the same sanitised HTML the"
              + " article's page shows, with its citations and reference list in the article's"
              + " style; nothing is saved. Give the article's number to use its references and"
              + " style, or references (CSL-JSON) to use instead. Answers the HTML, the reference"
              + " list, the keys cited without a reference and how many images have no"
              + " description (both keep a text from being submitted). 400 without a body or for"
              + " a bad reference, 413 for a body over the site's limit, 404 for an article the"
              + " caller may not see.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a text of an article",
                    value =
                        "{\"body\":\"Herders share the high pastures [@ostrom1990].\","
                            + "\"article\":42}")
              }))
  public HtmlJson preview(PreviewJson request) {
    if (request == null || request.body() == null) {
      throw new BadRequestException("Send the Markdown to preview: {\"body\":\"...\"}.");
    }
    if (request.body().length() > maxBody) {
      throw new WebApplicationException("The body is longer than " + maxBody + " characters.", 413);
    }
    Article article =
        request.article() == null
            ? null
            : ArticleAccess.visible(Caller.of(identity), request.article(), false);
    List<Map<String, Object>> references;
    try {
      references =
          request.references() != null
              ? References.check(request.references()).items()
              : article == null ? List.of() : article.references;
    } catch (ReferenceProblem e) {
      throw new BadRequestException(e.getMessage());
    }
    ArticleText.Shown shown = articleText.of(request.body(), references, article);
    return new HtmlJson(
        shown.html(), shown.references(), shown.unknownKeys(), shown.undescribedImages());
  }
}
