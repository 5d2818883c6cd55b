package org.stet.desk.article;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.desk.DeskProblem;
import org.stet.desk.article.ArticleDeskPages.ArticleView;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.media.service.ArticleText;
import org.stet.review.ReviewReminders;
import org.stet.review.ReviewService;
import org.stet.web.PathNumber;
import org.stet.workflow.QueueService;
import org.stet.workflow.RevisionService;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowService;

/**
 * The desk's article pages: an author's list, and the article page where authors submit and editors
 * assign reviewers, decide and publish (the editor itself is {@link ArticleEditorResource}). Every
 * action goes through the same services, and so the same rules, as the JSON API.
 */
@Path("/desk/articles")
@Produces(MediaType.TEXT_HTML)
public class ArticleDeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance mine(DeskChrome desk, QueueService.Page page, boolean more);

    static native TemplateInstance article(
        DeskChrome desk, ArticleView view, String error, String done, String note);

    static native TemplateInstance diff(
        DeskChrome desk, Article article, RevisionService.Comparison comparison);
  }

  private final DraftService drafts;
  private final WorkflowService workflow;
  private final RevisionService revisions;
  private final ReviewService reviews;
  private final ReviewReminders reminders;
  private final QueueService queue;
  private final ArticleText articleText;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final ArticleDeskPages pages;

  ArticleDeskResource(
      DraftService drafts,
      WorkflowService workflow,
      RevisionService revisions,
      ReviewService reviews,
      ReviewReminders reminders,
      QueueService queue,
      ArticleText articleText,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header,
      ArticleDeskPages pages) {
    this.drafts = drafts;
    this.workflow = workflow;
    this.revisions = revisions;
    this.reviews = reviews;
    this.reminders = reminders;
    this.queue = queue;
    this.articleText = articleText;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
    this.pages = pages;
  }

  @GET
  @RolesAllowed(Role.Names.AUTHOR)
  @Transactional
  public TemplateInstance mine(@QueryParam("before") String before) {
    QueueService.Page page = queue.own(Caller.of(identity), PathNumber.cursor(before), 25);
    return Templates.mine(desk(), page, page.next() != null);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public String show(@PathParam("id") String id, @QueryParam("done") String done) {
    long articleId = PathNumber.id(id);
    return Templates.article(desk(), pages.view(articleId), null, doneMessage(done), null).render();
  }

  @POST
  @Path("{id}/transition")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR})
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response transition(
      @PathParam("id") String id,
      @FormParam("action") String action,
      @FormParam("note") String note,
      @FormParam("publishAt") String publishAt,
      @FormParam("zone") String zone,
      @FormParam("issue") String issue,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    if (!Confirmation.given(confirmed)) {
      Optional<Confirmation.Ask> ask = ask(articleId, action, note, issue);
      if (ask.isPresent()) {
        return forms.ask(token, desk(), ask.get());
      }
    }
    return forms.submit(
        token,
        () -> {
          WorkflowAction chosen = action(action);
          IssueChoice into = IssueChoice.parse(issue);
          workflow.apply(
              Caller.of(identity),
              articleId,
              new WorkflowService.Request(
                  chosen,
                  note == null || note.isBlank() ? null : note,
                  chosen == WorkflowAction.SCHEDULE ? when(publishAt, zone) : null,
                  into == null ? null : into.journal(),
                  into == null ? null : into.number()));
          return "/desk/articles/" + articleId + "?done=" + chosen;
        },
        problem -> refusedAction(problem, articleId, note));
  }

  @POST
  @Path("{id}/reviews/{review}/remind")
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response remind(
      @PathParam("id") String id,
      @PathParam("review") String review,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    long reviewId = ownReview(articleId, review);
    return forms.submit(
        token,
        () -> {
          reminders.remind(Caller.of(identity), reviewId);
          return "/desk/articles/" + articleId + "?done=REMINDED";
        },
        problem -> refusedAction(problem, articleId, null));
  }

  @POST
  @Path("{id}/reviews/{review}/cancel")
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response cancelReview(
      @PathParam("id") String id,
      @PathParam("review") String review,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    long reviewId = ownReview(articleId, review);
    if (!Confirmation.given(confirmed)) {
      org.stet.review.ReviewAssignment assignment =
          org.stet.review.ReviewAssignment.findById(reviewId);
      return forms.ask(
          token,
          desk(),
          new Confirmation.Ask(
              "Cancel the review of " + assignment.reviewer.displayName + "?",
              java.util.List.of(
                  "They are no longer asked to review \"" + assignment.article.title + "\".",
                  "Anything they have written and not sent is lost; you can invite them again for"
                      + " the next revision only."),
              "/desk/articles/" + articleId + "/reviews/" + reviewId + "/cancel",
              java.util.List.of(),
              "Yes, cancel the review",
              "/desk/articles/" + articleId));
    }
    return forms.submit(
        token,
        () -> {
          reviews.cancel(Caller.of(identity), reviewId);
          return "/desk/articles/" + articleId + "?done=CANCELLED";
        },
        problem -> refusedAction(problem, articleId, null));
  }

  /** The id of a review of this article (404 for a review of another). */
  private static long ownReview(long articleId, String review) {
    long reviewId = PathNumber.id(review);
    org.stet.review.ReviewAssignment assignment =
        org.stet.review.ReviewAssignment.findById(reviewId);
    if (assignment == null || !assignment.article.id.equals(articleId)) {
      throw new jakarta.ws.rs.NotFoundException();
    }
    return reviewId;
  }

  @POST
  @Path("{id}/journal")
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response consider(
      @PathParam("id") String id,
      @FormParam("journal") String journal,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    return forms.submit(
        token,
        () -> {
          reviews.consider(
              Caller.of(identity),
              articleId,
              journal == null || journal.isEmpty() ? null : journal);
          return "/desk/articles/" + articleId + "?done=JOURNAL";
        },
        problem -> refusedAction(problem, articleId, null));
  }

  @POST
  @Path("{id}/revisions/{number}/restore")
  @RolesAllowed(Role.Names.AUTHOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response restore(
      @PathParam("id") String id,
      @PathParam("number") String number,
      @FormParam("version") String version,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    return forms.submit(
        token,
        () -> {
          revisions.restore(
              Caller.of(identity),
              articleId,
              PathNumber.small(number),
              org.stet.web.FormVersion.parse(version));
          return "/desk/articles/" + articleId + "/edit?saved";
        },
        problem -> refusedAction(problem, articleId, null));
  }

  @GET
  @Path("{id}/diff")
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public String diff(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    long articleId = PathNumber.id(id);
    Caller caller = Caller.of(identity);
    RevisionService.Comparison comparison =
        revisions.compare(
            caller, articleId, PathNumber.revision(from, "from"), PathNumber.revision(to, "to"));
    return Templates.diff(desk(), drafts.read(caller, articleId), comparison).render();
  }

  /**
   * What to ask before the step, if it cannot be undone and is possible now; nothing for a step or
   * an issue the form could not have sent, which the step itself then refuses with the reason.
   */
  private Optional<Confirmation.Ask> ask(long articleId, String action, String note, String issue) {
    IssueChoice into;
    try {
      into = IssueChoice.parse(issue);
    } catch (WebApplicationException e) {
      return Optional.empty();
    }
    ArticleDeskPages.Steps steps = pages.steps(articleId);
    return StepConfirmations.of(
        steps.article(), steps.possible(), action, note, issue, pages.issueLabel(into));
  }

  private String refusedAction(DeskProblem problem, long articleId, String note) {
    return Templates.article(desk(), pages.view(articleId), problem.message(), null, note).render();
  }

  private static WorkflowAction action(String name) {
    try {
      return WorkflowAction.valueOf(name == null ? "" : name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Choose an action.");
    }
  }

  private static java.time.OffsetDateTime when(String local, String zone) {
    if (local == null || local.isEmpty()) {
      throw new BadRequestException("Give the date and time of publication.");
    }
    try {
      return LocalDateTime.parse(local)
          .atZone(ZoneId.of(zone == null ? "UTC" : zone))
          .toOffsetDateTime();
    } catch (DateTimeException e) {
      throw new BadRequestException(
          "Give the publication time as a date and time with a time zone from the list.");
    }
  }

  /** A fixed confirmation per action: nothing from the address is echoed into the page. */
  private static String doneMessage(String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "SUBMIT" -> "Submitted. The editors have been told.";
      case "WITHDRAW" -> "Withdrawn.";
      case "START_REVIEW" -> "Review started.";
      case "ACCEPT" -> "Accepted. The authors have been told.";
      case "REQUEST_MINOR_REVISIONS", "REQUEST_MAJOR_REVISIONS" ->
          "Revisions requested. The authors have been told.";
      case "REJECT" -> "Rejected. The authors have been told.";
      case "SCHEDULE" -> "Scheduled.";
      case "PUBLISH" -> "Published.";
      case "RETRACT" -> "Retracted; the article shows the notice.";
      case "CORRECTED" -> "The correction is published; readers see the corrected text now.";
      case "ASSIGNED" -> "Reviewer assigned and invited by e-mail.";
      case "REMINDED" -> "The reviewer has been reminded by e-mail.";
      case "CANCELLED" -> "The review is cancelled.";
      case "JOURNAL" -> "Journal set; its review anonymity applies.";
      default -> null;
    };
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
