package org.stet.api.article;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.identity.Role;
import org.stet.journal.ReviewAnonymity;
import org.stet.journal.service.DoiService;
import org.stet.review.ReviewService;
import org.stet.site.service.CrossrefExports;
import org.stet.web.PathNumber;
import org.stet.workflow.QueueService;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowEvent;
import org.stet.workflow.WorkflowService;

/**
 * Drafts in the JSON API. Only the text (title, body, excerpt, references) and its metadata
 * (category, tags, co-authors) can be sent; anything else in the JSON (state, authors, issue) is
 * refused with 400, so no request can assign them.
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
      List<String> authors,
      String category,
      List<String> tags,
      List<Map<String, Object>> references) {

    public static ArticleJson of(Article article) {
      return new ArticleJson(
          article.id,
          article.title,
          article.slug,
          article.body,
          article.excerpt,
          article.status.name(),
          article.version,
          article.authors.stream().map(person -> person.displayName).toList(),
          article.category == null ? null : article.category.slug,
          article.tags.stream().map(tag -> tag.name).toList(),
          article.references);
    }
  }

  /** An article's DOI ("10.5555/jpe.2017.12") and when it was deposited with Crossref. */
  public record DoiJson(String doi, java.time.Instant depositedAt) {}

  private final DraftService drafts;
  private final WorkflowService workflow;
  private final QueueService queue;
  private final ReviewService reviews;
  private final SecurityIdentity identity;
  private final DoiService dois;
  private final CrossrefExports crossref;

  ArticleApiResource(
      DraftService drafts,
      WorkflowService workflow,
      QueueService queue,
      ReviewService reviews,
      SecurityIdentity identity,
      DoiService dois,
      CrossrefExports crossref) {
    this.drafts = drafts;
    this.workflow = workflow;
    this.queue = queue;
    this.reviews = reviews;
    this.identity = identity;
    this.dois = dois;
    this.crossref = crossref;
  }

  /**
   * Sets the article's DOI by hand ({@code null} or blank takes it away); refused (409) once it is
   * deposited with Crossref or when another article has it, (400) when Crossref would refuse it.
   */
  @PUT
  @Path("{id}/doi")
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public DoiJson setDoi(@PathParam("id") String id, DoiJson body) {
    Article article =
        dois.set(
            org.stet.identity.AuditActors.of(identity),
            PathNumber.id(id),
            body == null ? null : body.doi());
    return new DoiJson(article.doi, article.doiDepositedAt);
  }

  /** The Crossref deposit XML (schema 5.3.1) of one published article of a journal issue. */
  @GET
  @Path("{id}/crossref.xml")
  @RolesAllowed(Role.Names.EDITOR)
  @Produces(MediaType.APPLICATION_XML)
  public Response crossref(@PathParam("id") String id) {
    return CrossrefExports.download(crossref.ofArticle(PathNumber.id(id)));
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
    return ArticleJson.of(drafts.read(Caller.of(identity), PathNumber.id(id)));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ArticleJson edit(@PathParam("id") String id, DraftText text) {
    Article article = drafts.edit(Caller.of(identity), PathNumber.id(id), text);
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
    return ArticleJson.of(workflow.apply(Caller.of(identity), PathNumber.id(id), asked));
  }

  @GET
  @Path("{id}/events")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.REVIEWER, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public List<EventJson> events(@PathParam("id") String id) {
    return workflow.events(Caller.of(identity), PathNumber.id(id)).stream()
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

  /** One review round: the revision an author submitted, and their response letter. */
  public record RoundJson(int round, Integer revision, String submittedAt, String response) {}

  /** The journal a submission is considered for; null for none. */
  public record JournalChoiceJson(String journal) {}

  /** The result of choosing a journal: which review anonymity now applies. */
  public record AnonymityJson(String journal, ReviewAnonymity anonymity) {}

  /** Sets the journal the submission is considered for; its review anonymity then applies. */
  @PUT
  @Path("{id}/journal")
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public AnonymityJson consider(@PathParam("id") String id, JournalChoiceJson choice) {
    Article article =
        reviews.consider(
            Caller.of(identity), PathNumber.id(id), choice == null ? null : choice.journal());
    return new AnonymityJson(
        article.journal == null ? null : article.journal.slug, reviews.anonymity(article));
  }

  /** A page of the caller's own articles. */
  public record OwnPageJson(List<QueueService.Item> items, String next) {}

  @GET
  @RolesAllowed(Role.Names.AUTHOR)
  @Transactional
  public OwnPageJson own(@QueryParam("before") String before) {
    QueueService.Page page =
        queue.own(Caller.of(identity), before == null ? null : PathNumber.id(before), 50);
    return new OwnPageJson(page.items(), page.next());
  }

  /** The submissions of the article, oldest first; round diffs compare their revisions. */
  @GET
  @Path("{id}/rounds")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public List<RoundJson> rounds(@PathParam("id") String id) {
    List<WorkflowEvent> submissions = workflow.rounds(Caller.of(identity), PathNumber.id(id));
    List<RoundJson> rounds = new java.util.ArrayList<>();
    for (WorkflowEvent event : submissions) {
      rounds.add(new RoundJson(rounds.size() + 1, event.revision, event.at.toString(), event.note));
    }
    return rounds;
  }
}
