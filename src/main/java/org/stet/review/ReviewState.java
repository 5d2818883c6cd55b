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

  /** The state in words for messages that finish "This review is ...". */
  public String words() {
    return switch (this) {
      case INVITED -> "an invitation not yet answered";
      case ACCEPTED -> "in progress";
      case SUBMITTED -> "already sent";
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
