package org.stet.workflow;

/** What someone can do to an article in the editorial workflow. */
public enum WorkflowAction {
  SUBMIT,
  START_REVIEW,
  REQUEST_MINOR_REVISIONS,
  REQUEST_MAJOR_REVISIONS,
  ACCEPT,
  REJECT,
  WITHDRAW,
  SCHEDULE,
  PUBLISH,
  RETRACT
}
