package org.stet.journal;

/** Whether an issue is still being put together or is out. */
public enum IssueStatus {
  PLANNED,
  PUBLISHED
}
