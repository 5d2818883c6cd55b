package org.stet.api.article;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.api.article.ArticleApiResource.ArticleJson;
import org.stet.article.ArticleRevision;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.web.PathNumber;
import org.stet.workflow.RevisionService;
import org.stet.workflow.RevisionService.Comparison;

/** Revision history of an article: list, read, word diff, restore. */
@Path("/api/v1/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Revisions",
    description =
        "An article's history: every saved text is a revision, which can be read, compared"
            + " word by word with another and restored as a new one.")
public class RevisionApiResource {

  /** A revision in the history list. */
  public record RevisionSummary(int number, String savedAt, Long savedBy) {}

  /** A revision's full text, with the references saved with it. */
  public record RevisionJson(
      int number,
      String title,
      String body,
      String excerpt,
      java.util.List<java.util.Map<String, Object>> references,
      String savedAt) {}

  /** What a restore needs: the version the writer is looking at. */
  public record RestoreJson(Long version) {}

  private final RevisionService revisions;
  private final SecurityIdentity identity;

  RevisionApiResource(RevisionService revisions, SecurityIdentity identity) {
    this.revisions = revisions;
    this.identity = identity;
  }

  @GET
  @Path("revisions")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  @Operation(
      summary = "List an article's revisions",
      description =
          "Editors and admins for any article, authors for their own; for anyone else the"
              + " article does not exist (404)."
              + " Answers each revision, oldest first, with when it was saved and the number"
              + " of the account that saved it.")
  public List<RevisionSummary> list(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    return revisions.list(Caller.of(identity), PathNumber.id(id)).stream()
        .map(r -> new RevisionSummary(r.number, r.savedAt.toString(), r.savedBy))
        .toList();
  }

  @GET
  @Path("revisions/{number}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  @Operation(
      summary = "Read one revision of an article",
      description =
          "Editors and admins for any article, authors for their own; for anyone else the"
              + " article does not exist (404)."
              + " Answers the revision's title, body, excerpt and the references saved with it;"
              + " 404 for a revision the article does not have.")
  public RevisionJson get(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @Parameter(description = "The revision number, 1 for the first text saved")
          @PathParam("number")
          String number) {
    ArticleRevision r =
        revisions.get(Caller.of(identity), PathNumber.id(id), PathNumber.small(number));
    return new RevisionJson(
        r.number, r.title, r.body, r.excerpt, r.references, r.savedAt.toString());
  }

  @GET
  @Path("diff")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  @Operation(
      summary = "Compare two revisions word by word",
      description =
          "Editors and admins for any article, authors for their own; for anyone else the"
              + " article does not exist (404)."
              + " Answers the title and the body as runs of text that are the same, taken out or"
              + " put in from the one revision to the other, and each reference added, removed"
              + " or changed. 400 unless both revisions are given, 404 for a revision the"
              + " article does not have.")
  public Comparison diff(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @Parameter(description = "The earlier revision's number") @QueryParam("from") String from,
      @Parameter(description = "The later revision's number") @QueryParam("to") String to) {
    if (from == null || to == null) {
      throw new BadRequestException("Give the two revisions to compare: ?from=1&to=2.");
    }
    return revisions.compare(
        Caller.of(identity),
        PathNumber.id(id),
        PathNumber.revision(from, "from"),
        PathNumber.revision(to, "to"));
  }

  @POST
  @Path("revisions/{number}/restore")
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Restore an earlier revision",
      description =
          "Callers with the author role; the rules of saving a text apply (its own authors"
              + " while it is a draft or revisions are requested). Saves the old revision's"
              + " title, body, excerpt and references as a new revision (the history is never"
              + " rewritten) and answers the article. 400 without the"
              + " \"version\" the writer is looking at, 409 \"Edited meanwhile\" when someone"
              + " saved after it, 409 \"Not editable\" in any other state, 404 for an article the"
              + " caller may not see or a revision it does not have.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {@ExampleObject(name = "restore", value = "{\"version\":7}")}))
  public ArticleJson restore(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      @Parameter(description = "The revision number, 1 for the first text saved")
          @PathParam("number")
          String number,
      RestoreJson request) {
    ArticleJson restored =
        ArticleJson.of(
            revisions.restore(
                Caller.of(identity),
                PathNumber.id(id),
                PathNumber.small(number),
                request == null ? null : request.version()));
    return restored;
  }
}
