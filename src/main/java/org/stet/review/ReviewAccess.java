package org.stet.review;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowEvent;

/**
 * Who reaches which review, checked the same way by every review step: a reviewer only their own
 * assignments, an editor the reviews of articles they did not write (another editor handles those),
 * an author the reviews of a round once it is decided.
 */
final class ReviewAccess {

  private ReviewAccess() {}

  /** The reviewer's own assignment; 404 for any other, so ids reveal nothing. */
  static ReviewAssignment own(Caller reviewer, long id) {
    ReviewAssignment assignment = ReviewAssignment.findById(id);
    if (assignment == null || !assignment.reviewer.id.equals(reviewer.accountId())) {
      throw new NotFoundException();
    }
    return assignment;
  }

  /**
   * An assignment the editor handles: one of an article they are not an author of (404 for none,
   * 403 for their own article, whose review another editor handles).
   */
  static ReviewAssignment handled(Caller editor, long id) {
    ReviewAssignment assignment = ReviewAssignment.findById(id);
    if (assignment == null || !editor.is(Role.EDITOR)) {
      throw new NotFoundException();
    }
    notAnAuthor(editor, assignment.article);
    return assignment;
  }

  /**
   * The article, if the editor handles its review: visible to them (404 otherwise) and not their
   * own (403: another editor handles it). {@code lock} takes the row for the transaction.
   */
  static Article handledArticle(Caller editor, long articleId, boolean lock) {
    Article article = ArticleAccess.visible(editor, articleId, lock);
    notAnAuthor(editor, article);
    return article;
  }

  private static void notAnAuthor(Caller editor, Article article) {
    if (ArticleAccess.isAuthor(editor, article)) {
      throw new WebApplicationException(
          "You are an author of this article; another editor handles its review.", 403);
    }
  }

  /** 409 for a step the assignment's state does not allow, with the {@code rule} that applies. */
  static WebApplicationException conflict(ReviewAssignment assignment, String rule) {
    return new WebApplicationException(
        "This review is " + assignment.state.words() + "; " + rule + ".", 409);
  }

  /**
   * The revisions an editor has decided on (accepted, rejected or returned for revisions): their
   * reviews are the ones an author reads.
   */
  static Set<Integer> decidedRevisions(long articleId) {
    Set<String> decisions =
        Set.of(
            WorkflowAction.ACCEPT.name(),
            WorkflowAction.REJECT.name(),
            WorkflowAction.REQUEST_MINOR_REVISIONS.name(),
            WorkflowAction.REQUEST_MAJOR_REVISIONS.name());
    return WorkflowEvent.listOfArticle(articleId).stream()
        .filter(event -> decisions.contains(event.action) && event.revision != null)
        .map(event -> event.revision)
        .collect(Collectors.toSet());
  }
}
