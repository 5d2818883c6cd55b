package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.audit.AuditLog.Actor;
import org.stet.identity.Account;
import org.stet.identity.config.IdentityConfig;

/**
 * Checks a sign-in and opens the session. Failures slow down the network they come from ({@link
 * SignInThrottle}), never lock the account; its owner is told by mail after repeated failures.
 * Unknown accounts, wrong passwords, disabled accounts and throttled attempts all get the same
 * message and cost the same bcrypt check, so the answer tells nobody whether an account exists.
 */
@ApplicationScoped
public class SignInService {

  /** What became of an attempt; {@code token} is set only on success. */
  public record Outcome(String token, String problem, Duration retryAfter) {

    public boolean succeeded() {
      return token != null;
    }
  }

  /** The one answer to every refused sign-in. */
  public static final String REFUSED =
      "The e-mail address or the password is not right. After several tries, wait a little before"
          + " the next one.";

  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditLog audit;
  private final IdentityConfig config;
  private final SignInThrottle throttle;
  private final Event<SignInMails.Failures> reports;

  SignInService(
      PasswordHasher hasher,
      SessionService sessions,
      AuditLog audit,
      IdentityConfig config,
      SignInThrottle throttle,
      Event<SignInMails.Failures> reports) {
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.config = config;
    this.throttle = throttle;
    this.reports = reports;
  }

  @Transactional
  public Outcome signIn(String rawEmail, String password, String ip, String userAgent) {
    String email = rawEmail.strip().toLowerCase(Locale.ROOT);
    Duration wait = throttle.wait(ip, email);
    if (!wait.isZero()) {
      hasher.matches(password, null); // the same work as any other answer
      audit.record(Actor.anonymous(ip), AuditAction.SIGN_IN_FAILED, email, "throttled");
      return new Outcome(null, REFUSED, wait);
    }
    Account account = Account.findByEmail(email).orElse(null);
    boolean matches = hasher.matches(password, account == null ? null : account.passwordHash);
    if (account == null || !matches || account.disabled) {
      String why =
          account == null
              ? "unknown account"
              : account.disabled ? "account disabled" : "wrong password";
      throttle.failed(ip, email);
      if (account != null && !account.disabled) {
        account.failedSignIns++;
        report(account);
      }
      audit.record(Actor.anonymous(ip), AuditAction.SIGN_IN_FAILED, email, why);
      return new Outcome(null, REFUSED, null);
    }
    throttle.succeeded(ip, email);
    account.failedSignIns = 0;
    audit.record(
        new Actor(account.id, account.email, ip), AuditAction.SIGN_IN, account.email, null);
    return new Outcome(sessions.open(account, ip, userAgent), null, null);
  }

  /** Tells the owner once the failures reach the setting, at most once a day. */
  private void report(Account account) {
    Instant now = Instant.now();
    if (account.failedSignIns >= config.signInFailuresReported()
        && (account.failuresReportedAt == null
            || account.failuresReportedAt.isBefore(now.minus(Duration.ofDays(1))))) {
      account.failuresReportedAt = now;
      reports.fire(
          new SignInMails.Failures(account.email, account.displayName, account.failedSignIns));
    }
  }
}
