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
  public List<RevisionSummary> list(@PathParam("id") String id) {
    return revisions.list(Caller.of(identity), PathNumber.id(id)).stream()
        .map(r -> new RevisionSummary(r.number, r.savedAt.toString(), r.savedBy))
        .toList();
  }

  @GET
  @Path("revisions/{number}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public RevisionJson get(@PathParam("id") String id, @PathParam("number") String number) {
    ArticleRevision r =
        revisions.get(Caller.of(identity), PathNumber.id(id), PathNumber.small(number));
    return new RevisionJson(
        r.number, r.title, r.body, r.excerpt, r.references, r.savedAt.toString());
  }

  @GET
  @Path("diff")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public Comparison diff(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    if (from == null || to == null) {
      throw new BadRequestException("Give the two revisions to compare: ?from=1&to=2.");
    }
    return revisions.compare(
        Caller.of(identity), PathNumber.id(id), PathNumber.small(from), PathNumber.small(to));
  }

  @POST
  @Path("revisions/{number}/restore")
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ArticleJson restore(
      @PathParam("id") String id, @PathParam("number") String number, RestoreJson request) {
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
