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

  public boolean reviewerSeesAuthors() {
    return this != DOUBLE;
  }

  public boolean authorSeesReviewers() {
    return this == OPEN;
  }
}
