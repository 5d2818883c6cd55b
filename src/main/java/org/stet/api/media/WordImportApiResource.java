package org.stet.api.media;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.api.article.ArticleApiResource.ArticleJson;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.media.Uploads;
import org.stet.media.service.WordImportService;

/**
 * A Word manuscript starts a draft in the JSON API: {@code POST /api/v1/articles/import} (multipart
 * {@code file}) answers the new article's JSON with {@code warnings}, what was not converted.
 * {@link WordRevisionApiResource} makes a new revision of a draft the same way.
 */
@Path("/api/v1/articles/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Word manuscripts",
    description =
        "Word (.docx) manuscripts turned into Markdown: a new draft, or a new revision of one;"
            + " their images go into the media library.")
public class WordImportApiResource {

  /** The article, and what of the manuscript was not converted. */
  public record ImportedJson(@JsonUnwrapped ArticleJson article, List<String> warnings) {}

  private final WordImportService imports;
  private final SecurityIdentity identity;

  WordImportApiResource(WordImportService imports, SecurityIdentity identity) {
    this.imports = imports;
    this.identity = identity;
  }

  @POST
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  @Operation(
      summary = "Start a draft from a Word manuscript",
      description =
          "Authors only. Send a multipart form with the .docx file as \"file\"; it becomes a new"
              + " draft of the caller's, titled as the document (or the file), with its images in"
              + " the media library. Answers the article with \"warnings\", what could not be"
              + " converted. 400 without a file, for one that is not a Word .docx file or cannot"
              + " be read; 413 for a file over the site's limit; 409 when the caller's account has"
              + " no byline yet.")
  @APIResponse(
      responseCode = "201",
      description = "The draft was made; its address is in the Location header.")
  public Response importNew(@RestForm("file") FileUpload file) {
    WordImportService.Imported imported = imports.importNew(Caller.of(identity), Uploads.of(file));
    return Response.created(URI.create("/api/v1/articles/" + imported.article().id))
        .entity(new ImportedJson(ArticleJson.of(imported.article()), imported.warnings()))
        .build();
  }
}
