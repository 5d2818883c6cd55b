package org.stet.plugins.authorprofiles;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Author photos, as Stet re-encoded them: {@code /plugins/author-profiles/photos/<key>/400.jpg}
 * (author pages) and {@code .../160.jpg} (author boxes). A key names one upload for good, so
 * browsers may keep a photo for a year; a new upload gets a new key.
 */
@Path("/plugins/author-profiles/photos")
@PermitAll
public class PhotoResource {

  private final ProfilePhotos photos;

  PhotoResource(ProfilePhotos photos) {
    this.photos = photos;
  }

  @GET
  @Path("{key: [A-Za-z0-9_-]{22}}/{size: 400|160}.jpg")
  @Produces("image/jpeg")
  public Response photo(@PathParam("key") String key, @PathParam("size") int size) {
    byte[] jpeg =
        photos.jpeg(key, size == AuthorProfilesPlugin.LARGE).orElseThrow(NotFoundException::new);
    return Response.ok(jpeg, "image/jpeg")
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .build();
  }
}
