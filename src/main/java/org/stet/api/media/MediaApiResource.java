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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.media.MediaItem;
import org.stet.media.MediaJson;
import org.stet.media.Uploads;
import org.stet.media.service.MediaService;
import org.stet.web.PathNumber;

/**
 * Figures for an article in the JSON API (the editor's upload button, drag and drop and paste use
 * it): multipart {@code file}, {@code alt} and an optional {@code caption}; answers the image with
 * the Markdown to insert.
 */
@Path("/api/v1/articles/{id}/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Files and media",
    description =
        "An article's attached files (published with it) and the images its text shows as"
            + " figures.")
public class MediaApiResource {

  private final MediaService media;
  private final SecurityIdentity identity;

  MediaApiResource(MediaService media, SecurityIdentity identity) {
    this.media = media;
    this.identity = identity;
  }

  @POST
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  @Operation(
      summary = "Upload a figure for an article",
      description =
          "Its authors while it is a draft or revisions are requested, and editors (an author"
              + " gets 409 in other states, anyone else 403; 404 for an article the caller may not"
              + " see). Send a multipart form with the image as \"file\" (JPEG, PNG, WebP or"
              + " GIF), its description for readers who cannot see it as \"alt\" (up to 1,000"
              + " characters) and an optional \"caption\". Answers the image with the Markdown"
              + " to insert in the text. 400 without an image, for another kind or a damaged or"
              + " unsafe one; 413 for an image over the site's limit.")
  @APIResponse(
      responseCode = "201",
      description = "The image is in the media library; the answer has the Markdown to insert.")
  public Response add(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @RestForm("file") FileUpload file,
      @RestForm("alt") String alt,
      @RestForm("caption") String caption) {
    MediaItem item = media.add(Caller.of(identity), PathNumber.id(id), Uploads.of(file), alt);
    return Response.created(URI.create("/media/" + item.key))
        .entity(MediaJson.of(item, caption))
        .build();
  }
}
