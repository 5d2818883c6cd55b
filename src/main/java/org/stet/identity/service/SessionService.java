package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.stet.identity.Account;
import org.stet.identity.AccountSession;
import org.stet.identity.Role;
import org.stet.identity.config.IdentityConfig;

/**
 * Server-side sessions: a random token in an HttpOnly cookie, its SHA-256 in the database. Ending a
 * session (sign-out, disabled account) deletes the row, so it ends everywhere at once.
 */
@ApplicationScoped
@Transactional
public class SessionService {

  /** The signed-in account a session belongs to. */
  public record SignedIn(long accountId, String email, String displayName, Set<Role> roles) {}

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** How often a session's last-seen time is written; reading it costs nothing. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final SecureRandom random = new SecureRandom();
  private final IdentityConfig config;

  SessionService(IdentityConfig config) {
    this.config = config;
  }

  /** Opens a session for {@code account}; returns the token for the cookie. */
  public String open(Account account) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    AccountSession session = new AccountSession();
    session.tokenHash = hash(token);
    session.account = Account.findById(account.id);
    Instant now = Instant.now();
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.plus(config.sessionMaxAge());
    session.persist();
    return token;
  }

  /** The account signed in with {@code token}, if the session is alive and the account enabled. */
  public Optional<SignedIn> identify(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    AccountSession session = AccountSession.findById(hash(token));
    Instant now = Instant.now();
    if (session == null
        || session.expiresAt.isBefore(now)
        || session.lastSeenAt.plus(config.sessionIdleTimeout()).isBefore(now)
        || session.account.disabled) {
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
        new SignedIn(account.id, account.email, account.displayName, account.roleSet()));
  }

  public void close(String token) {
    if (token != null && TOKEN.matcher(token).matches()) {
      AccountSession.deleteById(hash(token));
    }
  }

  public void closeAll(Account account) {
    AccountSession.deleteAllOf(account);
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
