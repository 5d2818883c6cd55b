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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
    name = "Articles",
    description =
        "Drafts and articles: writing and saving them, moving them through the editorial"
            + " workflow, their history of events and review rounds, the journal they are"
            + " considered for, and their DOI.")
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
  @Operation(
      summary = "Set an article's DOI by hand",
      description =
          "Editors only. Sets the DOI typed (a doi.org address or \"doi:\" before it is taken"
              + " off); null or blank takes the DOI away, and the same DOI again changes nothing."
              + " Answers the DOI and when it was registered with Crossref. 400 when Crossref would"
              + " refuse it (no prefix such as 10.5555, an empty suffix, a character Crossref does"
              + " not accept), 409 once the article's DOI is registered with Crossref (it never"
              + " changes then) and when another article has this DOI, 404 for no such article.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(name = "set a DOI", value = "{\"doi\":\"10.5555/jpe.2017.12\"}"),
                @ExampleObject(name = "take the DOI away", value = "{\"doi\":null}")
              }))
  public DoiJson setDoi(
      @Parameter(description = "The article's number") @PathParam("id") String id, DoiJson body) {
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
  @Operation(
      summary = "Download an article's Crossref deposit file",
      description =
          "Editors only. Answers the Crossref deposit XML (schema 5.3.1) of one published article"
              + " of a journal issue, as a file to upload at Crossref. 409 when the article is in"
              + " no journal issue, when its journal has no DOI prefix or no depositor's name and"
              + " e-mail, and when the article cannot be deposited (not published yet, no DOI, an"
              + " invalid ORCID iD; the message says which); 404 for no such article.")
  @APIResponse(
      responseCode = "200",
      description = "The deposit file, to upload at Crossref.",
      content = @Content(mediaType = "application/xml"))
  public Response crossref(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    return CrossrefExports.download(crossref.ofArticle(PathNumber.id(id)));
  }

  @POST
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Create a draft",
      description =
          "Authors only; the caller becomes its first author, and the text is saved as revision"
              + " 1. Only the text (title, body, excerpt, references as CSL-JSON) and its metadata"
              + " (category by address name, tags by name, co-authors by the e-mail of their author"
              + " accounts) can be sent; any other field is refused with 400. 400 also for a"
              + " missing title, a title over 300 or an excerpt over 1,000 characters, a bad"
              + " reference, an unknown category, more than 20 tags or co-authors, or a co-author"
              + " without an author account; 413 for a body over the site's limit; 409 when the"
              + " caller's account has no byline yet.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a title and a body",
                    value =
                        "{\"title\":\"Grazing commons in the Pamir\","
                            + "\"body\":\"Herders share the high pastures.\"}"),
                @ExampleObject(
                    name = "with metadata and a reference",
                    value =
                        "{\"title\":\"Grazing commons in the Pamir\","
                            + "\"body\":\"Herders share the high pastures [@ostrom1990].\","
                            + "\"excerpt\":\"How herders share pastures without fences.\","
                            + "\"category\":\"ecology\","
                            + "\"tags\":[\"commons\",\"pastoralism\"],"
                            + "\"coAuthors\":[\"aylin@example.org\"],"
                            + "\"references\":[{\"id\":\"ostrom1990\",\"type\":\"book\","
                            + "\"title\":\"Governing the Commons\","
                            + "\"author\":[{\"family\":\"Ostrom\",\"given\":\"Elinor\"}],"
                            + "\"issued\":{\"date-parts\":[[1990]]}}]}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The draft was made; its address is in the Location header.")
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
  @Operation(
      summary = "Read an article",
      description =
          "Editors and admins read any article, authors the articles they are an author of."
              + " Answers its text, state, version (send it back when saving), authors, category,"
              + " tags and references. An article the caller may not see answers 404, exactly as"
              + " one that does not exist; reviewers read the text under review through their"
              + " review assignment instead.")
  public ArticleJson read(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    return ArticleJson.of(drafts.read(Caller.of(identity), PathNumber.id(id)));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Save a new text of an article",
      description =
          "Its authors save while it is a draft or revisions are requested; editors copy-edit it"
              + " while it is accepted or scheduled. Each save is a new revision; category, tags,"
              + " co-authors and references left out stay as they are, and only the first author"
              + " changes the co-authors (403 for anyone else). 400 without the \"version\" the"
              + " writer started from, and for the same faults as creating a draft; 409 \"Edited"
              + " meanwhile\" when someone saved after that version (the answer carries both"
              + " texts to merge), 409 \"Not editable\" in any other state (a published article"
              + " changes only by a correction) and when a new co-author reviews the article; 404"
              + " for an article the caller may not see.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "save the text",
                    value =
                        "{\"title\":\"Grazing commons in the Pamir\","
                            + "\"body\":\"Herders share the high pastures in summer.\","
                            + "\"excerpt\":\"How herders share pastures without fences.\","
                            + "\"version\":3}"),
                @ExampleObject(
                    name = "change the tags too",
                    value =
                        "{\"title\":\"Grazing commons in the Pamir\","
                            + "\"body\":\"Herders share the high pastures in summer.\","
                            + "\"version\":4,\"tags\":[\"commons\",\"Central Asia\"]}")
              }))
  public ArticleJson edit(
      @Parameter(description = "The article's number") @PathParam("id") String id, DraftText text) {
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
  @Operation(
      summary = "Move an article through the workflow",
      description =
          "Takes one step of the editorial workflow, recorded in the article's events, and answers"
              + " the article in its new state. Authors and editors call it; who may take which"
              + " action, and from which state:\n\n"
              + "- `SUBMIT`: one of its authors, while it is a draft or revisions are requested."
              + " The text needs a body, a description (alt text) for every image and a"
              + " reference for every citation; a resubmission also needs a response letter in"
              + " `note`.\n"
              + "- `WITHDRAW`: one of its authors, while it is a draft, submitted, in review or"
              + " revisions are requested.\n"
              + "- `START_REVIEW`: an editor who is not one of its authors, once it is submitted"
              + " (assigning its first reviewer does this too).\n"
              + "- `REQUEST_MINOR_REVISIONS`, `REQUEST_MAJOR_REVISIONS`: an editor who is not one"
              + " of its authors, while it is submitted or in review, with a message to the authors"
              + " in `note`.\n"
              + "- `ACCEPT`: an editor who is not one of its authors, while it is submitted or in"
              + " review.\n"
              + "- `REJECT`: an editor who is not one of its authors, while it is submitted or in"
              + " review, with a message to the authors in `note`.\n"
              + "- `SCHEDULE`: an editor, once it is accepted, with `publishAt`, a future time with"
              + " its time zone; it is published then.\n"
              + "- `PUBLISH`: an editor, once it is accepted or scheduled; it is published now.\n"
              + "- `RETRACT`: an editor, once it is published.\n\n"
              + "With `PUBLISH` or `SCHEDULE`, `journal` (its address name) and `issueNumber` put"
              + " the article at the end of that issue, and give it a DOI when the journal assigns"
              + " them. Refusals: 404 for an article the caller may not see (or no such issue);"
              + " 403 \"Not allowed\" when the caller is not who takes this action; 409 \"Not"
              + " possible now\" when the article's state does not allow it or what the action"
              + " needs is missing (the message names the state and what is possible now); 409"
              + " \"Stopped by a plugin\" when a plugin of the site vetoes it; 409 when the article"
              + " is in another issue already; 400 without an action, for a note over 10,000"
              + " characters, for a missing or past `publishAt` when scheduling, and for an issue"
              + " given with another action or without both `journal` and `issueNumber`.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(name = "submit", value = "{\"action\":\"SUBMIT\"}"),
                @ExampleObject(
                    name = "resubmit with a response letter",
                    value =
                        "{\"action\":\"SUBMIT\",\"note\":\"Section 3 now answers both"
                            + " reviewers on the sample size.\"}"),
                @ExampleObject(
                    name = "ask for minor revisions",
                    value =
                        "{\"action\":\"REQUEST_MINOR_REVISIONS\",\"note\":\"Please shorten"
                            + " the introduction and add page numbers to the quotations.\"}"),
                @ExampleObject(name = "accept", value = "{\"action\":\"ACCEPT\"}"),
                @ExampleObject(
                    name = "schedule",
                    value =
                        "{\"action\":\"SCHEDULE\","
                            + "\"publishAt\":\"2027-02-01T09:00:00+06:00\"}"),
                @ExampleObject(
                    name = "publish into an issue",
                    value =
                        "{\"action\":\"PUBLISH\",\"journal\":\"journal-of-pastoral-ecology\","
                            + "\"issueNumber\":15}"),
                @ExampleObject(
                    name = "retract",
                    value =
                        "{\"action\":\"RETRACT\",\"note\":\"The survey data were found to be"
                            + " duplicated.\"}")
              }))
  public ArticleJson transition(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      TransitionJson request) {
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
  @Operation(
      summary = "List an article's workflow events",
      description =
          "Editors and admins for any article, authors for their own (404 for an article the"
              + " caller may not see). Answers every step the article took, oldest first: when,"
              + " who, the action, the states before and after, the revision it was at and the"
              + " note written with it. Events are never changed or deleted.")
  public List<EventJson> events(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
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
  @Operation(
      summary = "Choose the journal a submission is considered for",
      description =
          "Editors who are not among the article's authors (403 for an author who is an editor)."
              + " The journal decides the review's anonymity; null takes the journal away. Answers"
              + " the journal and the anonymity that now applies. 409 once reviewers have been"
              + " asked (the anonymity promised to them stays), 400 for a journal that does not"
              + " exist, 404 for no such article.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "choose a journal",
                    value = "{\"journal\":\"journal-of-pastoral-ecology\"}"),
                @ExampleObject(name = "no journal", value = "{\"journal\":null}")
              }))
  public AnonymityJson consider(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      JournalChoiceJson choice) {
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
  @Operation(
      summary = "List your own articles",
      description =
          "Authors only. Answers the articles the caller is an author of, newest first, 50 per"
              + " page, each with its state, since when it is in it, its authors and its"
              + " publication time; \"next\" is the cursor of the following page (null on the"
              + " last).")
  public OwnPageJson own(
      @Parameter(
              description =
                  "The cursor of the page: \"next\" of the page before; left out for the first"
                      + " page")
          @QueryParam("before")
          String before) {
    QueueService.Page page = queue.own(Caller.of(identity), PathNumber.cursor(before), 50);
    return new OwnPageJson(page.items(), page.next());
  }

  /** The submissions of the article, oldest first; round diffs compare their revisions. */
  @GET
  @Path("{id}/rounds")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  @Operation(
      summary = "List an article's review rounds",
      description =
          "Editors and admins for any article, authors for their own (404 for an article the"
              + " caller may not see). Answers each submission, oldest first: its round number,"
              + " the revision submitted, when, and the author's response letter; compare two"
              + " rounds' revisions with the revision diff.")
  public List<RoundJson> rounds(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    List<WorkflowEvent> submissions = workflow.rounds(Caller.of(identity), PathNumber.id(id));
    List<RoundJson> rounds = new java.util.ArrayList<>();
    for (WorkflowEvent event : submissions) {
      rounds.add(new RoundJson(rounds.size() + 1, event.revision, event.at.toString(), event.note));
    }
    return rounds;
  }
}
