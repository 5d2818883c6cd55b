package org.stet.site.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.stet.media.BlobStore;
import org.stet.media.MediaItem;
import org.stet.media.MediaVariant;
import org.stet.media.service.MediaService;

/**
 * Library images: {@code /media/<key>/<version>/<width>.<ext>} for pages (cached for a year, {@code
 * immutable}: a replaced image has a new version), and {@code /media/<key>} for anyone who has only
 * a text's Markdown (redirected to the current largest width).
 */
@PermitAll
@Path("/media/{key}")
public class MediaResource {

  private static final String KEY = "[A-Za-z0-9_-]{22}";

  private final BlobStore blobs;

  MediaResource(BlobStore blobs) {
    this.blobs = blobs;
  }

  @GET
  public Response current(@PathParam("key") String key) {
    MediaItem item = item(key);
    return Response.seeOther(URI.create(MediaService.url(item, item.width)))
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
        .build();
  }

  @GET
  @Path("{version}/{file}")
  public Response variant(
      @PathParam("key") String key,
      @PathParam("version") String version,
      @PathParam("file") String file,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    MediaItem item = item(key);
    if (!item.version.equals(version) || !file.matches("[0-9]{1,5}\\.(jpg|png)")) {
      throw new NotFoundException();
    }
    int dot = file.indexOf('.');
    if (!file.substring(dot + 1).equals(item.extension())) {
      throw new NotFoundException();
    }
    MediaVariant variant =
        MediaVariant.<MediaVariant>findByIdOptional(
                new MediaVariant.Key(item.id, Integer.parseInt(file.substring(0, dot))))
            .orElseThrow(NotFoundException::new);
    return BlobAnswer.of(
        blobs,
        variant.blobId,
        variant.size,
        item.contentType(),
        "\"" + version + "-" + variant.width + "\"",
        "public, max-age=31536000, immutable",
        ifNoneMatch,
        null);
  }

  private static MediaItem item(String key) {
    if (!key.matches(KEY)) {
      throw new NotFoundException();
    }
    return MediaItem.findByKey(key).orElseThrow(NotFoundException::new);
  }
}
