package org.stet.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleRevision;
import org.stet.article.ArticleStatus;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.journal.Journal;
import org.stet.journal.ReviewAnonymity;
import org.stet.review.config.ReviewConfig;
import org.stet.web.Slug;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowService;

/**
 * Peer review: editors assign reviewers to the revision under review; reviewers accept or decline,
 * then submit a recommendation with comments. A reviewer reaches only their own assignments (any
 * other id is 404), and names are shown by the article's {@link ReviewAnonymity}.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

  /** Reviewers can be assigned, and can report, while the article is in these states. */
  static final EnumSet<ArticleStatus> UNDER_REVIEW =
      EnumSet.of(ArticleStatus.SUBMITTED, ArticleStatus.IN_REVIEW);

  /** An editor's request for a review. */
  public record Assignment(String reviewer, LocalDate dueOn) {}

  /** What a reviewer sends back. */
  public record Report(Recommendation recommendation, String toAuthor, String toEditor) {}

  /** The text under review, as the reviewer may see it. */
  public record Paper(
      ReviewView review,
      ReviewAnonymity anonymity,
      List<String> authors,
      String title,
      String body,
      String excerpt,
      List<Map<String, Object>> references) {}

  private final AuditLog audit;
  private final ReviewConfig config;
  private final Event<ReviewEvent> events;
  private final WorkflowService workflow;

  ReviewService(
      AuditLog audit, ReviewConfig config, Event<ReviewEvent> events, WorkflowService workflow) {
    this.audit = audit;
    this.config = config;
    this.events = events;
    this.workflow = workflow;
  }

  /** Assigns a reviewer (by e-mail) to the current revision; the first one starts the review. */
  public ReviewView assign(Caller editor, long articleId, Assignment request) {
    if (request == null || request.reviewer() == null || request.dueOn() == null) {
      throw new BadRequestException(
          "Give the reviewer's e-mail and a due date: {\"reviewer\":\"r@example.org\","
              + "\"dueOn\":\"2027-01-31\"}.");
    }
    if (request.dueOn().isBefore(LocalDate.now(ZoneOffset.UTC))) {
      throw new BadRequestException("The due date " + request.dueOn() + " is in the past.");
    }
    Article article = ReviewAccess.handledArticle(editor, articleId, true);
    if (!UNDER_REVIEW.contains(article.status)) {
      throw new WebApplicationException(
          "This article is "
              + article.status.words()
              + "; reviewers are assigned while it is submitted or in review.",
          409);
    }
    Account reviewer =
        Account.findByEmail(request.reviewer().strip().toLowerCase(Locale.ROOT))
            .filter(account -> !account.disabled && account.roleSet().contains(Role.REVIEWER))
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "There is no active account with the REVIEWER role for "
                            + request.reviewer()
                            + "."));
    if (reviewer.person != null && article.authors.contains(reviewer.person)) {
      throw new WebApplicationException("An author cannot review their own article.", 409);
    }
    Integer revision = ArticleRevision.latestNumber(articleId);
    if (revision == null) {
      revision = ArticleRevision.record(article, null);
    }
    if (ReviewAssignment.asked(articleId, reviewer.id, revision)) {
      throw new WebApplicationException(
          reviewer.email + " was asked to review revision " + revision + " already.", 409);
    }
    if (article.status == ArticleStatus.SUBMITTED) {
      workflow.apply(
          editor,
          articleId,
          new WorkflowService.Request(
              WorkflowAction.START_REVIEW, "Reviewers assigned", null, null, null));
    }
    ReviewAssignment assignment = new ReviewAssignment();
    assignment.article = article;
    assignment.reviewer = reviewer;
    assignment.revision = revision;
    assignment.dueOn = request.dueOn();
    assignment.anonymity = anonymity(article);
    assignment.assignedBy = editor.accountId();
    assignment.persistAndFlush(); // for the id the event and the answer carry
    record(editor, AuditAction.REVIEWER_ASSIGNED, assignment, reviewer.email);
    events.fire(new ReviewEvent(assignment.id, ReviewEvent.Kind.ASSIGNED));
    return ReviewView.forEditor(assignment);
  }

  /** The reviewer accepts ({@code accept}) or declines the invitation. */
  public ReviewView respond(Caller reviewer, long id, boolean accept, String reason) {
    ReviewAssignment assignment = ReviewAccess.own(reviewer, id);
    if (assignment.state != ReviewState.INVITED) {
      throw ReviewAccess.conflict(
          assignment, "only an open invitation can be accepted or declined");
    }
    if (reason != null && (reason.length() > 2000 || reason.indexOf('\0') >= 0)) {
      throw new BadRequestException(
          "The reason is longer than 2000 characters or contains a NUL character; nothing was"
              + " done.");
    }
    assignment.state = accept ? ReviewState.ACCEPTED : ReviewState.DECLINED;
    assignment.declineReason = accept ? null : reason;
    assignment.respondedAt = Instant.now();
    record(
        reviewer,
        accept ? AuditAction.REVIEW_ACCEPTED : AuditAction.REVIEW_DECLINED,
        assignment,
        reason);
    events.fire(
        new ReviewEvent(
            assignment.id, accept ? ReviewEvent.Kind.ACCEPTED : ReviewEvent.Kind.DECLINED));
    return ReviewView.forReviewer(assignment);
  }

  /** The reviewer's recommendation and comments; final once sent. */
  public ReviewView submit(Caller reviewer, long id, Report report) {
    ReviewAssignment assignment = ReviewAccess.own(reviewer, id);
    if (report == null || report.recommendation() == null) {
      throw new BadRequestException(
          "Give a recommendation: ACCEPT, MINOR_REVISIONS, MAJOR_REVISIONS or REJECT.");
    }
    if (report.toAuthor() == null || report.toAuthor().isBlank()) {
      throw new BadRequestException("Write your comments to the author.");
    }
    for (String text : new String[] {report.toAuthor(), report.toEditor()}) {
      if (text != null && text.length() > config.maxCommentLength()) {
        throw new WebApplicationException(
            "A comment is longer than "
                + config.maxCommentLength()
                + " characters; nothing was saved.",
            413);
      }
      if (text != null && text.indexOf('\0') >= 0) {
        throw new BadRequestException("The text contains a NUL character; nothing was saved.");
      }
    }
    if (assignment.state != ReviewState.ACCEPTED) {
      throw ReviewAccess.conflict(assignment, "accept the invitation first; a review is sent once");
    }
    if (assignment.article.status != ArticleStatus.IN_REVIEW
        || !Integer.valueOf(assignment.revision)
            .equals(ArticleRevision.latestNumber(assignment.article.id))) {
      throw new WebApplicationException(
          "This article is "
              + assignment.article.status.words()
              + " and the editor has moved on from this round; the review was not recorded.",
          409);
    }
    assignment.recommendation = report.recommendation();
    assignment.toAuthor = report.toAuthor();
    assignment.toEditor =
        report.toEditor() == null || report.toEditor().isBlank() ? null : report.toEditor();
    assignment.state = ReviewState.SUBMITTED;
    assignment.submittedAt = Instant.now();
    record(reviewer, AuditAction.REVIEW_SUBMITTED, assignment, report.recommendation().name());
    events.fire(new ReviewEvent(assignment.id, ReviewEvent.Kind.SUBMITTED));
    return ReviewView.forReviewer(assignment);
  }

  /** An editor withdraws an open invitation. */
  public ReviewView cancel(Caller editor, long id) {
    ReviewAssignment assignment = ReviewAccess.handled(editor, id);
    if (!assignment.state.open()) {
      throw ReviewAccess.conflict(
          assignment, "only an open invitation or review in progress can be cancelled");
    }
    assignment.state = ReviewState.CANCELLED;
    record(editor, AuditAction.REVIEW_CANCELLED, assignment, null);
    events.fire(new ReviewEvent(assignment.id, ReviewEvent.Kind.CANCELLED));
    return ReviewView.forEditor(assignment);
  }

  /** The caller's own assignments, newest first, {@code size} per page. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReviewView> mine(Caller reviewer, Long before, int size) {
    return ReviewAssignment.pageOfReviewer(reviewer.accountId(), before, size).stream()
        .map(ReviewView::forReviewer)
        .toList();
  }

  /** The assignment and the exact revision it is about, with author names if anonymity allows. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Paper paper(Caller reviewer, long id) {
    ReviewAssignment assignment = ReviewAccess.own(reviewer, id);
    if (assignment.state == ReviewState.CANCELLED || assignment.state == ReviewState.DECLINED) {
      throw new NotFoundException(); // they said no, or were released: the text is not theirs
    }
    Article article = assignment.article;
    ArticleRevision text =
        ArticleRevision.findById(new ArticleRevision.Key(article.id, assignment.revision));
    ReviewAnonymity anonymity = anonymity(assignment);
    return new Paper(
        ReviewView.forReviewer(assignment),
        anonymity,
        anonymity.reviewerSeesAuthors()
            ? article.authors.stream().map(person -> person.displayName).toList()
            : List.of(),
        text.title,
        text.body,
        text.excerpt,
        text.references);
  }

  /**
   * The article's reviews as the caller may see them: editors all of them; authors the comments
   * addressed to them, once the editor has decided on that round.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReviewView> ofArticle(Caller caller, long articleId) {
    Article article = ArticleAccess.visible(caller, articleId, false);
    List<ReviewAssignment> all = ReviewAssignment.listOfArticle(articleId);
    // An editor who wrote the article sees its reviews as its author does.
    if (!ArticleAccess.isAuthor(caller, article)
        && (caller.is(Role.EDITOR) || caller.is(Role.ADMIN))) {
      return all.stream().map(ReviewView::forEditor).toList();
    }
    return forAuthor(article, all);
  }

  /**
   * The submitted reviews of {@code revision} as the author may see them, for the decision mail
   * (composed after the decision, so the round counts as decided).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ReviewView> forAuthorOfRevision(long articleId, int revision) {
    Article article = Article.findById(articleId);
    return forAuthor(article, ReviewAssignment.listOfArticle(articleId)).stream()
        .filter(view -> view.revision() == revision)
        .toList();
  }

  /** Sets the journal a submission is considered for (its anonymity applies), or none. */
  public Article consider(Caller editor, long articleId, String journalSlug) {
    Article article = ArticleAccess.visible(editor, articleId, true);
    if (ArticleAccess.isAuthor(editor, article)) {
      // The journal decides the review's anonymity: a step of the review like the others.
      throw new WebApplicationException(
          "You are an author of this article; another editor chooses its journal.", 403);
    }
    if (ReviewAssignment.count("article.id", articleId) > 0) {
      throw new WebApplicationException(
          "Reviewers have been asked already; the journal (and its review anonymity) stays as"
              + " it was when they were asked.",
          409);
    }
    if (journalSlug == null) {
      article.journal = null;
    } else {
      if (!Slug.isValid(journalSlug)) {
        throw new BadRequestException("There is no journal " + journalSlug + ".");
      }
      article.journal =
          Journal.findBySlug(journalSlug)
              .orElseThrow(
                  () -> new BadRequestException("There is no journal " + journalSlug + "."));
    }
    return article;
  }

  /** The anonymity that applies to the article's review now (new assignments get this one). */
  public ReviewAnonymity anonymity(Article article) {
    return article.journal == null ? config.defaultAnonymity() : article.journal.reviewAnonymity;
  }

  /**
   * The anonymity of one assignment: the stricter of what the reviewer was promised and what the
   * journal says now, so changing a journal's setting never reveals a name already hidden.
   */
  public ReviewAnonymity anonymity(ReviewAssignment assignment) {
    return assignment.anonymity.stricter(anonymity(assignment.article));
  }

  private List<ReviewView> forAuthor(Article article, List<ReviewAssignment> all) {
    java.util.Set<Integer> decided = ReviewAccess.decidedRevisions(article.id);
    Map<Long, String> letters = new LinkedHashMap<>();
    List<ReviewView> shown = new ArrayList<>();
    for (ReviewAssignment assignment : all) {
      String letter =
          letters.computeIfAbsent(
              assignment.reviewer.id, key -> "Reviewer " + (char) ('A' + letters.size() % 26));
      if (assignment.state == ReviewState.SUBMITTED && decided.contains(assignment.revision)) {
        boolean names = anonymity(assignment).authorSeesReviewers();
        shown.add(
            ReviewView.forAuthor(assignment, names ? assignment.reviewer.displayName : letter));
      }
    }
    return shown;
  }

  private void record(
      Caller caller, AuditAction action, ReviewAssignment assignment, String detail) {
    audit.record(
        caller.auditActor(),
        action,
        "article:" + assignment.article.id + " review:" + assignment.id,
        detail);
  }
}
