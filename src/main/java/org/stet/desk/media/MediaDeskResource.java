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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.article.service.Caller;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.media.MediaItem;
import org.stet.media.MediaJson;
import org.stet.media.Uploads;
import org.stet.media.service.MediaService;
import org.stet.web.PathNumber;

/**
 * The media library on the desk: every image, newest first, found by name, with where each is
 * shown; replacing one changes it everywhere, deleting is possible only when no text shows it.
 */
@Path("/desk/media")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
public class MediaDeskResource {

  private static final int PAGE_SIZE = 30;

  /**
   * One image in the list: what it is, its thumbnail, where it is shown, what the caller may do.
   */
  public record Row(
      MediaJson image, String thumbnail, List<MediaService.Use> uses, boolean canChange) {}

  /** The page. */
  public record Page(
      String query, List<Row> rows, String nextHref, String error, String notice, String maxSize) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance library(DeskChrome desk, Page page);
  }

  private final MediaService media;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  MediaDeskResource(
      MediaService media, DeskForm forms, SecurityIdentity identity, DeskHeader header) {
    this.media = media;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public String list(
      @QueryParam("q") String query,
      @QueryParam("before") String before,
      @QueryParam("done") String done) {
    String notice =
        "replaced".equals(done)
            ? "Image replaced. Every page that shows it shows the new one."
            : "deleted".equals(done) ? "Image deleted." : null;
    return page(query, PathNumber.cursor(before), null, notice);
  }

  @POST
  @Path("{key}/replace")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  public Response replace(
      @PathParam("key") String key,
      @RestForm("file") FileUpload file,
      @RestForm(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          media.replace(Caller.of(identity), key, Uploads.of(file));
          return "/desk/media?done=replaced";
        },
        problem -> page(null, null, problem.message(), null));
  }

  @POST
  @Path("{key}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response delete(
      @PathParam("key") String key,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    if (!Confirmation.given(confirmed)) {
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Delete this image from the library?",
              List.of(
                  "The image and all its sizes are deleted for good.",
                  "An image that an article still shows cannot be deleted."),
              "/desk/media/"
                  + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                  + "/delete",
              List.of(),
              "Yes, delete the image",
              "/desk/media"));
    }
    return forms.submit(
        token,
        () -> {
          media.delete(Caller.of(identity), key);
          return "/desk/media?done=deleted";
        },
        problem -> page(null, null, problem.message(), null));
  }

  private String page(String query, Long before, String error, String notice) {
    Caller caller = Caller.of(identity);
    List<MediaItem> items = media.library(query, before, PAGE_SIZE + 1);
    List<MediaItem> shown = items.subList(0, Math.min(PAGE_SIZE, items.size()));
    Map<String, List<MediaService.Use>> uses =
        media.usage(shown.stream().map(item -> item.key).toList());
    List<Row> rows = new ArrayList<>();
    for (MediaItem item : shown) {
      rows.add(
          new Row(
              MediaJson.of(item, null),
              MediaService.url(item, Math.min(480, item.width)),
              uses.getOrDefault(item.key, List.of()),
              caller.is(Role.EDITOR)
                  || java.util.Objects.equals(item.addedBy, caller.accountId())));
    }
    String next =
        items.size() <= PAGE_SIZE
            ? null
            : "/desk/media?before="
                + items.get(PAGE_SIZE - 1).id
                + (query == null || query.isBlank()
                    ? ""
                    : "&q="
                        + java.net.URLEncoder.encode(
                            query, java.nio.charset.StandardCharsets.UTF_8));
    Page page =
        new Page(
            query == null ? "" : query,
            rows,
            next,
            error,
            notice,
            org.stet.media.Sizes.words(media.maxImageSize()));
    return Templates.library(header.chrome(), page).render();
  }
}
