package org.stet.identity;

import io.quarkus.security.identity.SecurityIdentity;
import org.stet.audit.AuditLog;

/** Who a signed-in request acts as, for the audit trail: the account and its e-mail. */
public final class AuditActors {

  private AuditActors() {}

  public static AuditLog.Actor of(SecurityIdentity identity) {
    return of(identity, null);
  }

  /** The same, from the network {@code ip}. */
  public static AuditLog.Actor of(SecurityIdentity identity, String ip) {
    return new AuditLog.Actor(
        identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID),
        identity.getPrincipal().getName(),
        ip);
  }
}
