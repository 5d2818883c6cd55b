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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
    name = "Files and media",
    description =
        "An article's attached files (published with it) and the images its text shows as"
            + " figures.")
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
  @Operation(
      summary = "List an article's files",
      description =
          "Editors and admins for any article, authors for their own (404 for an article the"
              + " caller may not see). Answers each file in order with its name, label, kind, size,"
              + " the address readers download it from once the article is published and a"
              + " Markdown link to it.")
  public List<FileJson> list(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    long articleId = PathNumber.id(id);
    List<ArticleFile> list = files.list(Caller.of(identity), articleId);
    String slug = Article.<Article>findById(articleId).slug;
    return list.stream().map(file -> FileJson.of(file, slug)).toList();
  }

  @POST
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Transactional
  @Operation(
      summary = "Attach a file to an article",
      description =
          "Its authors while it is a draft or revisions are requested, editors at any time (an"
              + " author gets 409 in other states, anyone else 403; 404 for an article the caller"
              + " may not see). Send a multipart form with the file as \"file\" and its label"
              + " (up to 200 characters, e.g. \"Survey data\") as \"label\"; PDF, CSV, Excel,"
              + " Word and ZIP files are taken, each checked first. 400 without a file or label,"
              + " for another kind or an unsafe file (an encrypted or scripted PDF, for one);"
              + " 413 for a file over the site's limit; 503 when too many files are being checked.")
  @APIResponse(
      responseCode = "201",
      description = "The file was attached; the answer names it as the article lists it.")
  public Response add(
      @Parameter(description = "The article's number") @PathParam("id") String id,
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
  @Operation(
      summary = "Remove a file from an article",
      description =
          "The same callers as attaching one: its authors while it is a draft or revisions are"
              + " requested (409 in other states), editors at any time, 403 for anyone else."
              + " 404 for a file the article does not have or an article the caller may not see.")
  @APIResponse(responseCode = "204", description = "The file was removed.")
  public Response remove(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @Parameter(description = "The file's name, as listed (e.g. survey-data.csv)")
          @PathParam("name")
          String name) {
    files.remove(Caller.of(identity), PathNumber.id(id), name);
    return Response.noContent().build();
  }
}
