package org.stet.identity;

import io.quarkus.security.identity.SecurityIdentity;
import org.stet.audit.AuditLog;

/** Who a signed-in request acts as, for the audit trail: the account and its e-mail. */
public final class AuditActors {

  private AuditActors() {}

  public static AuditLog.Actor of(SecurityIdentity identity) {
    return new AuditLog.Actor(
        identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID),
        identity.getPrincipal().getName(),
        null);
  }
}
