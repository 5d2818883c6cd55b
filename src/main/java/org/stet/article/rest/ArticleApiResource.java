package org.stet.article.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.identity.Role;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowService;

/**
 * Drafts in the JSON API. Only title, body and excerpt can be sent; anything else in the JSON
 * (state, authors, issue) is refused with 400, so no request can assign them.
 */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleApiResource {

  /** An article as the API shows it to someone allowed to see it. */
  public record ArticleJson(
      long id,
      String title,
      String slug,
      String body,
      String excerpt,
      String status,
      long version,
      List<String> authors) {

    static ArticleJson of(Article article) {
      return new ArticleJson(
          article.id,
          article.title,
          article.slug,
          article.body,
          article.excerpt,
          article.status.name(),
          article.version,
          article.authors.stream().map(person -> person.displayName).toList());
    }
  }

  private final DraftService drafts;
  private final WorkflowService workflow;
  private final SecurityIdentity identity;

  ArticleApiResource(DraftService drafts, WorkflowService workflow, SecurityIdentity identity) {
    this.drafts = drafts;
    this.workflow = workflow;
    this.identity = identity;
  }

  @POST
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public Response create(DraftText text) {
    Article article = drafts.create(Caller.of(identity), text);
    return Response.created(URI.create("/api/v1/articles/" + article.id))
        .entity(ArticleJson.of(article))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public ArticleJson read(@PathParam("id") String id) {
    return ArticleJson.of(drafts.read(Caller.of(identity), id(id)));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ArticleJson edit(@PathParam("id") String id, DraftText text) {
    Article article = drafts.edit(Caller.of(identity), id(id), text);
    Article.getEntityManager().flush();
    return ArticleJson.of(article);
  }

  /** A transition request: the action, an optional note, and for SCHEDULE the time. */
  public record TransitionJson(
      WorkflowAction action,
      String note,
      OffsetDateTime publishAt,
      String journal,
      Integer issueNumber) {}

  /** One workflow event. */
  public record EventJson(
      long id,
      String at,
      String actor,
      String action,
      String from,
      String to,
      Integer revision,
      String note) {}

  @POST
  @Path("{id}/transitions")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ArticleJson transition(@PathParam("id") String id, TransitionJson request) {
    WorkflowService.Request asked =
        request == null
            ? null
            : new WorkflowService.Request(
                request.action(),
                request.note(),
                request.publishAt(),
                request.journal(),
                request.issueNumber());
    return ArticleJson.of(workflow.apply(Caller.of(identity), id(id), asked));
  }

  @GET
  @Path("{id}/events")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public List<EventJson> events(@PathParam("id") String id) {
    return workflow.events(Caller.of(identity), id(id)).stream()
        .map(
            e ->
                new EventJson(
                    e.id,
                    e.at.toString(),
                    e.actor,
                    e.action,
                    e.fromState,
                    e.toState,
                    e.revision,
                    e.note))
        .toList();
  }

  /** Ids are positive numbers; anything else names no article. */
  private static long id(String text) {
    if (!text.matches("[1-9][0-9]{0,17}")) {
      throw new NotFoundException();
    }
    return Long.parseLong(text);
  }
}
