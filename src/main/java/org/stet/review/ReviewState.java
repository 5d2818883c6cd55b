package org.stet.review;

/** Where a review assignment stands; DECLINED, SUBMITTED and CANCELLED are final. */
public enum ReviewState {
  INVITED,
  ACCEPTED,
  DECLINED,
  SUBMITTED,
  CANCELLED;

  /** The reviewer still owes a review. */
  public boolean open() {
    return this == INVITED || this == ACCEPTED;
  }
}
