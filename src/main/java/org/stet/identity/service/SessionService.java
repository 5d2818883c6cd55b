package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stet.identity.Account;
import org.stet.identity.AccountSession;
import org.stet.identity.Role;
import org.stet.identity.config.IdentityConfig;

/**
 * Server-side sessions: a random token in an HttpOnly cookie, its SHA-256 in the database. Ending a
 * session (sign-out, disabled account, the owner ending it from another browser) deletes the row,
 * so it ends everywhere at once.
 */
@ApplicationScoped
@Transactional
public class SessionService {

  /** The signed-in account a session belongs to, and the session's own id. */
  public record SignedIn(
      long accountId, long sessionId, String email, String displayName, Set<Role> roles) {}

  /** A session as its owner sees it in their account settings. */
  public record OpenSession(
      long id, Instant createdAt, Instant lastSeenAt, String ip, String userAgent) {}

  /** How often a session's last-seen time is written; reading it costs nothing. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final IdentityConfig config;

  SessionService(IdentityConfig config) {
    this.config = config;
  }

  /** Opens a session for {@code account} from {@code ip}; returns the token for the cookie. */
  public String open(Account account, String ip, String userAgent) {
    String token = SecretTokens.fresh();
    AccountSession session = new AccountSession();
    session.tokenHash = SecretTokens.hash(token);
    session.account = Account.findById(account.id);
    Instant now = Instant.now();
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.plus(config.sessionMaxAge());
    session.ip = ip;
    session.userAgent =
        userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
    session.persist();
    return token;
  }

  /** The account signed in with {@code token}, if the session is alive and the account enabled. */
  public Optional<SignedIn> identify(String token) {
    if (!SecretTokens.wellFormed(token)) {
      return Optional.empty();
    }
    AccountSession session = AccountSession.findById(SecretTokens.hash(token));
    Instant now = Instant.now();
    if (session == null || !alive(session, now) || session.account.disabled) {
      if (session != null) {
        session.delete();
      }
      return Optional.empty();
    }
    if (session.lastSeenAt.plus(TOUCH_EVERY).isBefore(now)) {
      session.lastSeenAt = now;
    }
    Account account = session.account;
    return Optional.of(
        new SignedIn(
            account.id, session.id, account.email, account.displayName, account.roleSet()));
  }

  /** The account's sessions that are still alive, the most recently used first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpenSession> openSessions(long accountId) {
    Instant now = Instant.now();
    return AccountSession.<AccountSession>list(
            "account.id = ?1 order by lastSeenAt desc, id desc", accountId)
        .stream()
        .filter(session -> alive(session, now))
        .map(s -> new OpenSession(s.id, s.createdAt, s.lastSeenAt, s.ip, s.userAgent))
        .toList();
  }

  /** Ends one of the account's sessions; false when it has no such session. */
  public boolean end(long accountId, long sessionId) {
    return AccountSession.delete("account.id = ?1 and id = ?2", accountId, sessionId) > 0;
  }

  /** Ends every session of the account but {@code keep}; answers how many ended. */
  public long endAllBut(long accountId, long keep) {
    return AccountSession.delete("account.id = ?1 and id <> ?2", accountId, keep);
  }

  public void close(String token) {
    if (SecretTokens.wellFormed(token)) {
      AccountSession.deleteById(SecretTokens.hash(token));
    }
  }

  public void closeAll(Account account) {
    AccountSession.deleteAllOf(account);
  }

  private boolean alive(AccountSession session, Instant now) {
    return !session.expiresAt.isBefore(now)
        && !session.lastSeenAt.plus(config.sessionIdleTimeout()).isBefore(now);
  }
}
