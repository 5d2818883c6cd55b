package org.stet.site.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.stet.media.ArticleFile;
import org.stet.media.BlobStore;
import org.stet.media.FileChecks;
import org.stet.media.service.FileService;
import org.stet.web.Slug;

/**
 * An article's files, where Google Scholar looks for full texts: in the article's own "directory",
 * {@code /articles/<slug>/files/<name>}. Only for articles readers can see; streamed from the store
 * chunk by chunk, with the SHA-256 as ETag.
 */
@PermitAll
@Path("/articles/{slug}/files")
public class ArticleFileResource {

  private final FileService files;
  private final BlobStore blobs;

  ArticleFileResource(FileService files, BlobStore blobs) {
    this.files = files;
    this.blobs = blobs;
  }

  @GET
  @Path("{name}")
  public Response file(
      @PathParam("slug") String slug,
      @PathParam("name") String name,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    if (!Slug.isValid(slug) || name.length() > 130) {
      throw new NotFoundException();
    }
    ArticleFile file = files.published(slug, name).orElseThrow(NotFoundException::new);
    String disposition = file.kind == FileChecks.Kind.PDF ? "inline" : "attachment";
    // Not immutable: a file removed and attached again may take the same name.
    return BlobAnswer.of(
        blobs,
        file.blobId,
        file.size,
        file.kind.contentType,
        "\"" + file.sha256 + "\"",
        "public, max-age=3600",
        ifNoneMatch,
        disposition + "; filename=\"" + file.name + "\"");
  }
}
