package org.stet.desk.article;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleCorrection;
import org.stet.article.ArticleRevision;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.identity.Bylines;
import org.stet.identity.Role;
import org.stet.journal.IssueStatus;
import org.stet.journal.JournalIssue;
import org.stet.journal.ReviewAnonymity;
import org.stet.media.service.ArticleText;
import org.stet.review.ReviewService;
import org.stet.review.ReviewView;
import org.stet.workflow.RevisionService;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowEvent;
import org.stet.workflow.WorkflowRules;
import org.stet.workflow.WorkflowService;

/** The desk's article page as data: where the article stands and what the caller may do. */
@ApplicationScoped
public class ArticleDeskPages {

  public record IssueOption(String value, String label) {}

  /** What the article page shows, to whom. */
  public record ArticleView(
      Article article,
      List<String> bylines,
      ArticleText.Shown text,
      boolean editor,
      boolean author,
      boolean canEdit,
      List<WorkflowAction> actions,
      List<WorkflowEvent> events,
      List<ArticleRevision> revisions,
      List<WorkflowEvent> rounds,
      List<ReviewView> reviews,
      ReviewAnonymity anonymity,
      List<IssueOption> issues,
      List<org.stet.journal.Journal> journals,
      List<String> zones,
      String placedIn,
      Map<Long, String> actorNames,
      boolean canCorrect,
      Map<Integer, String> corrections) {

    /** Who saved a revision, by display name (empty when unknown). */
    public String savedBy(ArticleRevision revision) {
      return revision.savedBy == null ? "" : actorNames.getOrDefault(revision.savedBy, "");
    }

    /** Whether a revision was published as a correction; {@link #corrections} has its note. */
    public boolean corrected(ArticleRevision revision) {
      return corrections.containsKey(revision.number);
    }

    /** What changing the text is called now: editing a draft, copy-editing, correcting. */
    public String editLabel() {
      if (canCorrect) {
        return "Correct the published text";
      }
      return article.status == org.stet.article.ArticleStatus.DRAFT
              || article.status == org.stet.article.ArticleStatus.REVISIONS_REQUESTED
          ? "Edit the text"
          : "Copy-edit the text";
    }

    /** Who took a step, by display name ("Stet" for the scheduler). */
    public String who(WorkflowEvent event) {
      return event.actorId == null ? "Stet" : actorNames.getOrDefault(event.actorId, event.actor);
    }

    public boolean can(String action) {
      return actions.stream().anyMatch(a -> a.name().equals(action));
    }

    public boolean decides() {
      return can("ACCEPT");
    }

    /** An editor who is not one of the authors: assigns reviewers and reads their reviews. */
    public boolean handlesReview() {
      return editor && !author;
    }
  }

  private final DraftService drafts;
  private final WorkflowService workflow;
  private final RevisionService revisions;
  private final ReviewService reviews;
  private final ArticleText articleText;
  private final SecurityIdentity identity;

  ArticleDeskPages(
      DraftService drafts,
      WorkflowService workflow,
      RevisionService revisions,
      ReviewService reviews,
      ArticleText articleText,
      SecurityIdentity identity) {
    this.drafts = drafts;
    this.workflow = workflow;
    this.revisions = revisions;
    this.reviews = reviews;
    this.articleText = articleText;
    this.identity = identity;
  }

  /** What the article page shows the caller; 404 or 403 for an article they may not see. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticleView view(long articleId) {
    Caller caller = Caller.of(identity);
    Article article = drafts.read(caller, articleId);
    boolean editor = caller.is(Role.EDITOR);
    boolean author = ArticleAccess.isAuthor(caller, article);
    article.tags.size();
    List<IssueOption> issues =
        editor
            ? JournalIssue.<JournalIssue>list("order by journal.name, number desc").stream()
                .map(
                    issue ->
                        new IssueOption(
                            issue.journal.slug + "/" + issue.number,
                            issue.journal.name
                                + " — "
                                + issue.label()
                                + (issue.status == IssueStatus.PLANNED ? " (planned)" : "")))
                .toList()
            : List.of();
    String placedIn =
        org.stet.journal.IssuePlacement.findByArticle(article)
            .map(p -> p.issue.journal.name + ", " + p.issue.label())
            .orElse(null);
    List<WorkflowEvent> events = workflow.events(caller, articleId);
    List<ArticleRevision> history = revisions.list(caller, articleId);
    Map<Long, String> names =
        Bylines.accountNames(
            java.util.stream.Stream.concat(
                    events.stream().map(e -> e.actorId),
                    history.stream().map(revision -> revision.savedBy))
                .distinct()
                .toList());
    Map<Integer, String> corrections = new java.util.HashMap<>();
    for (ArticleCorrection correction : ArticleCorrection.of(articleId)) {
      corrections.put(correction.revision, correction.note == null ? "" : correction.note);
    }
    List<Long> authorIds = article.authors.stream().map(person -> person.id).toList();
    Map<Long, String> editorsSee = editor ? Bylines.forEditors(authorIds) : Map.of();
    return new ArticleView(
        article,
        article.authors.stream()
            .map(person -> editorsSee.getOrDefault(person.id, person.displayName))
            .toList(),
        articleText.of(article),
        editor,
        author,
        ArticleAccess.canEditText(caller, article),
        possible(caller, article),
        events,
        history,
        WorkflowService.submissions(events),
        reviews.ofArticle(caller, articleId),
        reviews.anonymity(article),
        issues,
        editor ? org.stet.journal.Journal.list("order by name") : List.of(),
        editor ? ZONES : List.of(),
        placedIn,
        names,
        ArticleAccess.canCorrect(caller, article),
        corrections);
  }

  /** UTC first, then the regional zones in alphabetical order. */
  private static final List<String> ZONES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of("UTC"),
              ZoneId.getAvailableZoneIds().stream()
                  .filter(
                      zone ->
                          zone.matches(
                              "(Africa|America|Asia|Atlantic|Australia|Europe|Pacific)/.*"))
                  .sorted())
          .toList();

  /** An article and the steps the caller may take on it now. */
  public record Steps(Article article, List<WorkflowAction> possible) {}

  /**
   * The article and the caller's possible steps, without the rest of the page (its text, reviews
   * and history); 404 or 403 for an article they may not see.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Steps steps(long articleId) {
    Caller caller = Caller.of(identity);
    Article article = drafts.read(caller, articleId);
    return new Steps(article, possible(caller, article));
  }

  /**
   * "Desk Quarterly, February 2017 No. 14" for the chosen issue; null for none or no such issue.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public String issueLabel(IssueChoice chosen) {
    if (chosen == null) {
      return null;
    }
    return JournalIssue.<JournalIssue>find(
            "journal.slug = ?1 and number = ?2", chosen.journal(), chosen.number())
        .firstResultOptional()
        .map(issue -> issue.journal.name + ", " + issue.label())
        .orElse(null);
  }

  private static List<WorkflowAction> possible(Caller caller, Article article) {
    return WorkflowRules.possibleFor(
        article.status, caller.is(Role.EDITOR), ArticleAccess.isAuthor(caller, article));
  }
}
