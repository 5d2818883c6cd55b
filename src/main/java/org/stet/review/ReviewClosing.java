package org.stet.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.stet.workflow.Transitioned;

/** Closes the open part of a review round when its article leaves review. */
@ApplicationScoped
@Transactional
class ReviewClosing {

  /**
   * When an article leaves review (a decision, or the author withdraws), invitations nobody
   * answered and reviews nobody sent are closed: the reviewer no longer reads the text. Runs in the
   * transition's transaction.
   */
  void onTransition(@Observes Transitioned event) {
    if (ReviewService.UNDER_REVIEW.contains(event.from())
        && !ReviewService.UNDER_REVIEW.contains(event.to())) {
      for (ReviewAssignment open :
          ReviewAssignment.<ReviewAssignment>list(
              "article.id = ?1 and state in ?2",
              event.articleId(),
              List.of(ReviewState.INVITED, ReviewState.ACCEPTED))) {
        open.state = ReviewState.CANCELLED;
      }
    }
  }
}
