package org.stet.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes audit events. Each event commits on its own, so a refused action (whose own transaction
 * rolls back) is still on record.
 */
@ApplicationScoped
public class AuditLog {

  /** Who did something: an account (id and e-mail), or a label such as "anonymous". */
  public record Actor(Long accountId, String label, String ip) {

    public static Actor anonymous(String ip) {
      return new Actor(null, "anonymous", ip);
    }

    public static Actor system() {
      return new Actor(null, "system", null);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void record(Actor actor, AuditAction action, String target, String detail) {
    AuditEvent event = new AuditEvent();
    event.actorId = actor.accountId();
    event.actor = actor.label();
    event.ip = actor.ip();
    event.action = action.name();
    event.target = target;
    event.detail = detail;
    event.persist();
  }
}
