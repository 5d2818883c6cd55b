package org.stet.article.service;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.EnumSet;
import java.util.Set;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.identity.SessionAuthenticationMechanism;

/** The signed-in person a request acts for: their account, their person (byline) and roles. */
public record Caller(long accountId, String label, Long personId, Set<Role> roles) {

  /** Reads the caller from the security identity; must run in a transaction. */
  public static Caller of(SecurityIdentity identity) {
    Long accountId = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    Account account = Account.findById(accountId);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (identity.hasRole(role.name())) {
        roles.add(role);
      }
    }
    return new Caller(
        accountId, account.email, account.person == null ? null : account.person.id, roles);
  }

  /** The caller as the audit trail records them. */
  public org.stet.audit.AuditLog.Actor auditActor() {
    return new org.stet.audit.AuditLog.Actor(accountId, label, null);
  }

  public boolean is(Role role) {
    return roles.contains(role);
  }
}
