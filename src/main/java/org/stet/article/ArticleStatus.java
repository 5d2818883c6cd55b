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
  WITHDRAWN;

  /**
   * The state in words for messages that finish "This article is ...": "a draft", "in review".
   * Pages use the desk's labels ({@code messages/label.properties}); these are for refusals, which
   * the JSON API sends too.
   */
  public String words() {
    return switch (this) {
      case DRAFT -> "a draft";
      case REVISIONS_REQUESTED -> "back with its authors for revisions";
      default -> name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }
}
