package org.stet.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One thing that happened: who, when, what, to what. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(insertable = false, updatable = false)
  public Instant at;

  @Column(name = "actor_id")
  public Long actorId;

  public String actor;

  public String action;

  public String target;

  public String detail;

  public String ip;

  /** The newest events first, at most {@code limit}. */
  public static List<AuditEvent> listNewest(int limit) {
    return find("order by at desc, id desc").page(0, limit).list();
  }
}
