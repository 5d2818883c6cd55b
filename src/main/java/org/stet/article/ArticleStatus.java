package org.stet.article;

/** Where an article stands in the editorial workflow; only PUBLISHED is on the public site. */
public enum ArticleStatus {
  DRAFT,
  SUBMITTED,
  IN_REVIEW,
  REVISIONS_REQUESTED,
  ACCEPTED,
  SCHEDULED,
  PUBLISHED,
  RETRACTED,
  REJECTED,
  WITHDRAWN
}
