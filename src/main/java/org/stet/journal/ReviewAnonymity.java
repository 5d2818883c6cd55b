package org.stet.journal;

/**
 * Who learns whose name in a journal's peer review. Editors always see every name; this decides
 * what authors and reviewers see of each other, in pages, API responses and e-mails alike.
 */
public enum ReviewAnonymity {
  /** Authors and reviewers see each other's names. */
  OPEN,
  /** Reviewers see the authors; authors do not learn who reviewed them. */
  SINGLE,
  /** Neither side learns the other's names. */
  DOUBLE;

  /** The stricter of the two: what was promised to someone is never loosened later. */
  public ReviewAnonymity stricter(ReviewAnonymity other) {
    return other == null || compareTo(other) >= 0 ? this : other;
  }

  public boolean reviewerSeesAuthors() {
    return this != DOUBLE;
  }

  public boolean authorSeesReviewers() {
    return this == OPEN;
  }
}
