package org.stet.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.stet.journal.ReviewAnonymity;

/** Peer review settings ({@code stet.review.*}). */
@ConfigMapping(prefix = "stet.review")
public interface ReviewConfig {

  /** Anonymity for submissions not (yet) considered for a journal, which set their own. */
  @WithDefault("SINGLE")
  ReviewAnonymity defaultAnonymity();

  /** Longest review comment (to the author or to the editor), in characters; longer is 413. */
  @WithDefault("50000")
  int maxCommentLength();

  /** The reviewer is reminded this many days before the due date (0: no early reminder). */
  @WithDefault("3")
  int remindDaysBefore();

  /** An overdue reviewer is reminded this many days after the due date (0: no late reminder). */
  @WithDefault("2")
  int remindDaysAfter();
}
