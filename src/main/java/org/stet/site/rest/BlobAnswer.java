package org.stet.site.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.stet.media.BlobStore;

/**
 * How stored bytes are answered (article files, library images): 304 when the client has them
 * ({@code If-None-Match}), else streamed from the store chunk by chunk, outside any transaction,
 * with their size, type, ETag and caching.
 */
final class BlobAnswer {

  private BlobAnswer() {}

  static Response of(
      BlobStore blobs,
      long blobId,
      long size,
      String contentType,
      String etag,
      String cacheControl,
      String ifNoneMatch,
      String disposition) {
    if (etag.equals(ifNoneMatch)) {
      return Response.notModified()
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, cacheControl)
          .build();
    }
    StreamingOutput body = out -> blobs.copy(blobId, out);
    Response.ResponseBuilder answer =
        Response.ok(body, contentType)
            .header(HttpHeaders.CONTENT_LENGTH, size)
            .header(HttpHeaders.ETAG, etag)
            .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    return disposition == null
        ? answer.build()
        : answer.header("Content-Disposition", disposition).build();
  }
}
