package org.stet.audit;

/** The kinds of audit events. */
public enum AuditAction {
  SIGN_IN,
  SIGN_IN_FAILED,
  SIGN_OUT,
  ACCESS_DENIED,
  ACCOUNT_CREATED,
  ROLES_CHANGED,
  ACCOUNT_DISABLED,
  ACCOUNT_ENABLED
}
