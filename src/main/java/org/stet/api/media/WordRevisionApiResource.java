package org.stet.api.media;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.api.article.ArticleApiResource.ArticleJson;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.media.Uploads;
import org.stet.media.service.WordImportService;
import org.stet.web.PathNumber;

/**
 * A Word manuscript as a new revision of the caller's draft in the JSON API: {@code POST
 * /api/v1/articles/{id}/import} (multipart {@code file} and the {@code version} the writer started
 * from) answers the article's JSON with {@code warnings}, what was not converted.
 */
@Path("/api/v1/articles/{id}/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Word manuscripts",
    description =
        "Word (.docx) manuscripts turned into Markdown: a new draft, or a new revision of one;"
            + " their images go into the media library.")
public class WordRevisionApiResource {

  private final WordImportService imports;
  private final SecurityIdentity identity;

  WordRevisionApiResource(WordImportService imports, SecurityIdentity identity) {
    this.imports = imports;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  @Operation(
      summary = "Save a Word manuscript as a new revision",
      description =
          "Whoever may save the article's text now: its authors while it is a draft or"
              + " revisions are requested, editors while it is accepted or scheduled (409 in other"
              + " states; 404 for an article the caller may not see). Send a multipart form with"
              + " the .docx file as \"file\" and the \"version\" the writer started from; the"
              + " document's text becomes the next revision, its images go into the media library,"
              + " and the answer is the article with \"warnings\", what could not be converted."
              + " 400 without the version or a file, or for one that is not a readable Word .docx"
              + " file; 413 for a file over the site's limit; 409 \"Edited meanwhile\" when"
              + " someone saved after that version.")
  public WordImportApiResource.ImportedJson importRevision(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @RestForm("file") FileUpload file,
      @RestForm("version") String version) {
    WordImportService.Imported imported =
        imports.importRevision(
            Caller.of(identity),
            PathNumber.id(id),
            Uploads.of(file),
            org.stet.web.FormVersion.parse(version));
    org.stet.article.Article.getEntityManager().flush();
    return new WordImportApiResource.ImportedJson(
        ArticleJson.of(imported.article()), imported.warnings());
  }
}
