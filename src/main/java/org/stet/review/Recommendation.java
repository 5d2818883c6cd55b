package org.stet.review;

/** A reviewer's advice to the editor; the editor decides. */
public enum Recommendation {
  ACCEPT,
  MINOR_REVISIONS,
  MAJOR_REVISIONS,
  REJECT;

  /** In words, for mails and pages: "minor revisions". */
  public String words() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
