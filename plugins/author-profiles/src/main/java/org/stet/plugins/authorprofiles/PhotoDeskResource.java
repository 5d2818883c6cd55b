package org.stet.plugins.authorprofiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.spi.DeskSupport;
import org.stet.spi.Images;
import org.stet.spi.PersonView;
import org.stet.spi.PluginContext;

/**
 * A profile's photo in the desk: uploaded (checked and re-encoded by Stet) or removed, by whoever
 * may edit the profile. Each change is an entry in the profile's history and an audit event.
 */
@Path("/desk/plugins/author-profiles")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"AUTHOR", "REVIEWER", "EDITOR", "ADMIN"})
public class PhotoDeskResource {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProfileDesk profiles;
  private final ProfilePhotos photos;
  private final DeskSupport desk;
  private final PluginContext context;
  private final Images images;

  PhotoDeskResource(
      ProfileDesk profiles,
      ProfilePhotos photos,
      DeskSupport desk,
      PluginContext context,
      Images images) {
    this.profiles = profiles;
    this.photos = photos;
    this.desk = desk;
    this.context = context;
    this.images = images;
  }

  /** A photo from the browser: checked, re-encoded outside any transaction, then stored. */
  @POST
  @Path("people/{slug}/photo")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(
      @PathParam("slug") String slug,
      @RestForm("photo") FileUpload photo,
      @RestForm("_csrf") String token) {
    desk.verifyForm(token);
    PersonView person = profiles.editable(slug);
    long maxBytes =
        context.settings(AuthorProfilesPlugin.ID).integer(AuthorProfilesPlugin.PHOTO_MAX_MB)
            * 1_048_576L;
    Images.Squares squares;
    try {
      if (photo == null || photo.uploadedFile() == null) {
        throw new Images.Refused(400, "Choose a photo file to upload.");
      }
      if (photo.size() > maxBytes) {
        throw new Images.Refused(
            413,
            String.format(
                java.util.Locale.ROOT,
                "The photo is %.1f MB; the largest accepted is %.1f MB. Save it smaller and try"
                    + " again.",
                photo.size() / 1_048_576.0,
                maxBytes / 1_048_576.0));
      }
      squares =
          images.squareJpegs(
              photo.fileName(),
              Files.readAllBytes(photo.uploadedFile()),
              maxBytes,
              AuthorProfilesPlugin.LARGE,
              AuthorProfilesPlugin.SMALL);
    } catch (Images.Refused refused) {
      return Response.status(refused.status())
          .entity(profiles.currentPage(person, refused.getMessage(), false).render())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String key = newKey();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              photos.set(person.id(), person.displayName(), key, squares, profiles.who());
              profiles.changed(person, "uploaded a photo");
            });
    return Response.seeOther(URI.create(ProfileDesk.href(person) + "?saved=1")).build();
  }

  /**
   * Removes the photo, once confirmed: the first post answers the desk's confirmation page (with
   * the desk's script, a dialog), which posts again with {@code confirmed=yes}.
   */
  @POST
  @Path("people/{slug}/photo/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response removePhoto(
      @PathParam("slug") String slug,
      @FormParam(DeskSupport.CONFIRMED) String confirmed,
      @FormParam("_csrf") String token) {
    PersonView person = profiles.editable(slug);
    String page = ProfileDesk.href(person);
    return desk.confirmFirst(
        token,
        confirmed,
        new DeskSupport.Ask(
            "Remove the photo of " + person.displayName() + "?",
            List.of(
                "The photo of "
                    + person.displayName()
                    + " is removed from their author page and from the author box under their"
                    + " articles.",
                "This cannot be undone: to show a photo again, upload it again."),
            page + "/photo/delete",
            Map.of(),
            "Yes, remove the photo",
            page),
        () -> {
          if (photos.remove(person.id(), person.displayName(), profiles.who())) {
            profiles.changed(person, "removed the photo");
          }
          return page + "?saved=1";
        });
  }

  /** 128 random bits, URL-safe: 22 characters. */
  private static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
