package org.stet.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in browser; the cookie holds a random token, the table only its SHA-256. */
@Entity
@Table(name = "account_session")
public class AccountSession extends PanacheEntityBase {

  @Id
  @Column(name = "token_hash")
  public byte[] tokenHash;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  public Account account;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "last_seen_at")
  public Instant lastSeenAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** A number the owner can name the session by (the token is never shown). */
  @Column(name = "id", insertable = false, updatable = false)
  @org.hibernate.annotations.Generated
  public Long id;

  /** The network the session was opened from. */
  public String ip;

  /** The browser's own description of itself, cut to 300 characters. */
  @Column(name = "user_agent")
  public String userAgent;

  public static long deleteAllOf(Account account) {
    return delete("account", account);
  }
}
