package org.stet.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A review assignment as one reader may see it: fields the reader must not see are null (and left
 * out of JSON). Built only by the {@code for...} methods, which hold the rules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(
    long id,
    long articleId,
    String articleTitle,
    int revision,
    LocalDate dueOn,
    ReviewState state,
    String reviewer,
    Recommendation recommendation,
    String toAuthor,
    String toEditor,
    String declineReason,
    Instant assignedAt,
    Instant submittedAt) {

  /** Editors see everything, including confidential comments and who the reviewer is. */
  static ReviewView forEditor(ReviewAssignment a) {
    return whole(a, a.reviewer.displayName + " <" + a.reviewer.email + ">");
  }

  /** The reviewer sees their own assignment and what they wrote. */
  static ReviewView forReviewer(ReviewAssignment a) {
    return whole(a, a.reviewer.displayName);
  }

  private static ReviewView whole(ReviewAssignment a, String reviewer) {
    return new ReviewView(
        a.id,
        a.article.id,
        a.article.title,
        a.revision,
        a.dueOn,
        a.state,
        reviewer,
        a.recommendation,
        a.toAuthor,
        a.toEditor,
        a.declineReason,
        a.assignedAt,
        a.submittedAt);
  }

  /**
   * Authors see a submitted review's comments to them, under {@code label}: the reviewer's name in
   * open review, otherwise "Reviewer A", "Reviewer B", ... Never the recommendation or the
   * confidential comments.
   */
  static ReviewView forAuthor(ReviewAssignment a, String label) {
    return new ReviewView(
        a.id,
        a.article.id,
        a.article.title,
        a.revision,
        null,
        a.state,
        label,
        null,
        a.toAuthor,
        null,
        null,
        null,
        a.submittedAt);
  }
}
