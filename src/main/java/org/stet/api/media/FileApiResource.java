package org.stet.api.media;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.article.Article;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.media.ArticleFile;
import org.stet.media.FileJson;
import org.stet.media.Uploads;
import org.stet.media.service.FileService;
import org.stet.web.PathNumber;

/**
 * An article's files in the JSON API: list, attach (multipart: {@code file}, {@code label}) and
 * remove, with the same object checks and refusals as the desk.
 */
@Path("/api/v1/articles/{id}/files")
@Produces(MediaType.APPLICATION_JSON)
public class FileApiResource {

  private final FileService files;
  private final SecurityIdentity identity;

  FileApiResource(FileService files, SecurityIdentity identity) {
    this.files = files;
    this.identity = identity;
  }

  @GET
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public List<FileJson> list(@PathParam("id") String id) {
    long articleId = PathNumber.id(id);
    List<ArticleFile> list = files.list(Caller.of(identity), articleId);
    String slug = Article.<Article>findById(articleId).slug;
    return list.stream().map(file -> FileJson.of(file, slug)).toList();
  }

  @POST
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  public Response add(
      @PathParam("id") String id,
      @RestForm("file") FileUpload file,
      @RestForm("label") String label) {
    long articleId = PathNumber.id(id);
    ArticleFile added = files.add(Caller.of(identity), articleId, Uploads.of(file), label);
    FileJson json = FileJson.of(added, Article.<Article>findById(articleId).slug);
    return Response.created(URI.create("/api/v1/articles/" + articleId + "/files/" + added.name))
        .entity(json)
        .build();
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Transactional
  public Response remove(@PathParam("id") String id, @PathParam("name") String name) {
    files.remove(Caller.of(identity), PathNumber.id(id), name);
    return Response.noContent().build();
  }
}
