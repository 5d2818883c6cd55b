package org.stet.desk.media;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.media.FileJson;
import org.stet.media.Sizes;
import org.stet.media.Uploads;
import org.stet.media.service.FileService;
import org.stet.web.PathNumber;

/**
 * An article's files on the desk: the list with sizes and addresses, a form to attach one (with a
 * progress bar when scripts run, assets/files.js) and removal.
 */
@Path("/desk/articles/{id}/files")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
public class FileDeskResource {

  /** The page. */
  public record Page(
      long articleId,
      String title,
      boolean canChange,
      List<FileJson> files,
      String maxSize,
      String label,
      String error,
      String notice) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance files(DeskChrome desk, Page page);
  }

  private final FileService files;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  FileDeskResource(
      FileService files, DeskForm forms, SecurityIdentity identity, DeskHeader header) {
    this.files = files;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public String show(@PathParam("id") String id, @QueryParam("done") String done) {
    String notice =
        "added".equals(done)
            ? "File attached. Readers can download it once the article is published."
            : "removed".equals(done) ? "File removed." : null;
    return page(PathNumber.id(id), "", null, notice);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  public Response add(
      @PathParam("id") String id,
      @RestForm("file") FileUpload file,
      @RestForm("label") String label,
      @RestForm(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    return forms.submit(
        token,
        () -> {
          files.add(Caller.of(identity), articleId, Uploads.of(file), label);
          return "/desk/articles/" + articleId + "/files?done=added";
        },
        problem -> page(articleId, label == null ? "" : label, problem.message(), null));
  }

  @POST
  @Path("{name}/remove")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response remove(
      @PathParam("id") String id,
      @PathParam("name") String name,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    if (!Confirmation.given(confirmed)) {
      Article article = ArticleAccess.visible(Caller.of(identity), articleId, false);
      String page = "/desk/articles/" + articleId + "/files";
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Remove " + name + " from “" + article.title + "”?",
              List.of(
                  "The file is no longer offered with the article; links to it stop working.",
                  "To offer it again, upload it again."),
              page
                  + "/"
                  + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                      .replace("+", "%20")
                  + "/remove",
              List.of(),
              "Yes, remove the file",
              page));
    }
    return forms.submit(
        token,
        () -> {
          files.remove(Caller.of(identity), articleId, name);
          return "/desk/articles/" + articleId + "/files?done=removed";
        },
        problem -> page(articleId, "", problem.message(), null));
  }

  private String page(long articleId, String label, String error, String notice) {
    Caller caller = Caller.of(identity);
    Article article = ArticleAccess.visible(caller, articleId, false);
    List<FileJson> list =
        files.list(caller, articleId).stream().map(f -> FileJson.of(f, article.slug)).toList();
    Page page =
        new Page(
            articleId,
            article.title,
            FileService.canChange(caller, article),
            list,
            Sizes.words(files.maxSize()),
            label,
            error,
            notice);
    return Templates.files(header.chrome(), page).render();
  }
}
