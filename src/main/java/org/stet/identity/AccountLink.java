package org.stet.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use link mailed to an account's owner; only its token's SHA-256 is kept. */
@Entity
@Table(name = "account_link")
public class AccountLink extends PanacheEntityBase {

  /** What following the link lets its holder do: set the account's password, either way. */
  public enum Purpose {
    INVITATION,
    PASSWORD_RESET
  }

  @Id
  @Column(name = "token_hash")
  public byte[] tokenHash;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  public Account account;

  @Enumerated(EnumType.STRING)
  public Purpose purpose;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  public boolean usableAt(Instant now) {
    return usedAt == null && expiresAt.isAfter(now);
  }
}
