package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.audit.AuditLog.Actor;
import org.stet.identity.Account;
import org.stet.identity.config.IdentityConfig;

/** Checks a sign-in, locks accounts after repeated failures, opens the session. */
@ApplicationScoped
public class SignInService {

  /** What became of an attempt; {@code token} is set only on success. */
  public record Outcome(String token, String problem, Duration retryAfter) {

    public boolean succeeded() {
      return token != null;
    }
  }

  private static final String WRONG = "The e-mail address or the password is not right.";

  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditLog audit;
  private final IdentityConfig config;

  SignInService(
      PasswordHasher hasher, SessionService sessions, AuditLog audit, IdentityConfig config) {
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.config = config;
  }

  @Transactional
  public Outcome signIn(String rawEmail, String password, String ip) {
    String email = rawEmail.strip().toLowerCase(Locale.ROOT);
    Account account = Account.findByEmail(email).orElse(null);
    Instant now = Instant.now();
    if (account != null && account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
      audit.record(Actor.anonymous(ip), AuditAction.SIGN_IN_FAILED, email, "account locked");
      Duration wait = Duration.between(now, account.lockedUntil);
      return new Outcome(null, locked(wait), wait);
    }
    boolean matches = hasher.matches(password, account == null ? null : account.passwordHash);
    if (account == null || !matches || account.disabled) {
      String why =
          account == null
              ? "unknown account"
              : account.disabled ? "account disabled" : "wrong password";
      if (account != null
          && !account.disabled
          && ++account.failedSignIns >= config.maxFailedSignIns()) {
        account.lockedUntil = now.plus(config.lockDuration());
        account.failedSignIns = 0;
        why += "; account locked for " + config.lockDuration().toMinutes() + " min";
      }
      audit.record(Actor.anonymous(ip), AuditAction.SIGN_IN_FAILED, email, why);
      return new Outcome(null, WRONG, null);
    }
    account.failedSignIns = 0;
    account.lockedUntil = null;
    audit.record(
        new Actor(account.id, account.email, ip), AuditAction.SIGN_IN, account.email, null);
    return new Outcome(sessions.open(account), null, null);
  }

  private static String locked(Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return "Too many failed attempts. This account is locked; try again in "
        + minutes
        + (minutes == 1 ? " minute." : " minutes.");
  }
}
