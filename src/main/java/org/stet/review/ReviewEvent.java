package org.stet.review;

/** Something happened to a review assignment; fired inside the transaction that did it. */
public record ReviewEvent(long assignmentId, Kind kind) {

  /** What happened. */
  public enum Kind {
    ASSIGNED,
    ACCEPTED,
    DECLINED,
    SUBMITTED,
    CANCELLED,
    REMINDED
  }
}
