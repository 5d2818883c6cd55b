package org.stet.desk.media;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.article.service.Caller;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.media.Uploads;
import org.stet.media.service.WordImportService;
import org.stet.web.PathNumber;

/**
 * Word manuscripts on the desk: "Start from a Word file" on My articles, "Import a new version" in
 * the editor. The answer is a page saying what was imported and what was not, with the way on to
 * the editor; a refusal says why, on the same page.
 */
@Path("/desk/articles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
public class WordImportDeskResource {

  /** What happened: the article (null when refused), the warnings or the refusal. */
  public record Result(Long articleId, String title, List<String> warnings, String error) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance imported(DeskChrome desk, Result result);
  }

  private final WordImportService imports;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  WordImportDeskResource(
      WordImportService imports, DeskForm forms, SecurityIdentity identity, DeskHeader header) {
    this.imports = imports;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @POST
  @Path("import")
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  public Response importNew(
      @RestForm("file") FileUpload file, @RestForm(CsrfToken.FIELD) String token) {
    // Read before the import: a refusal marks the transaction for rollback.
    DeskChrome desk = desk();
    Caller caller = Caller.of(identity);
    return forms.show(
        token,
        () -> page(desk, imports.importNew(caller, Uploads.of(file)), null),
        problem -> page(desk, null, problem.message()));
  }

  @POST
  @Path("{id}/import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  public Response importRevision(
      @PathParam("id") String id,
      @RestForm("file") FileUpload file,
      @RestForm("version") String version,
      @RestForm(CsrfToken.FIELD) String token) {
    DeskChrome desk = desk();
    Caller caller = Caller.of(identity);
    return forms.show(
        token,
        () ->
            page(
                desk,
                imports.importRevision(
                    caller,
                    PathNumber.id(id),
                    Uploads.of(file),
                    org.stet.web.FormVersion.parse(version)),
                null),
        problem -> page(desk, null, problem.message()));
  }

  private DeskChrome desk() {
    return header.chrome();
  }

  private static String page(DeskChrome desk, WordImportService.Imported imported, String error) {
    Result result =
        imported == null
            ? new Result(null, null, List.of(), error)
            : new Result(
                imported.article().id, imported.article().title, imported.warnings(), null);
    return Templates.imported(desk, result).render();
  }
}
