package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.audit.AuditLog.Actor;
import org.stet.identity.Account;
import org.stet.identity.AccountLink;
import org.stet.identity.AccountLink.Purpose;
import org.stet.identity.config.IdentityConfig;
import org.stet.identity.service.AccountService.Refused;

/**
 * The links that let an account's owner set their password: an invitation for a new account, a
 * reset when they forgot it (asked for on the sign-in page or sent by an admin). Each link works
 * once and expires; setting the password spends every open link of the account and ends its
 * sessions. Asking for a reset answers the same whether or not the address has an account.
 */
@ApplicationScoped
@Transactional
public class AccountLinks {

  /** Whom a usable link belongs to, for the page that sets the password. */
  public record Holder(String email, String displayName, Purpose purpose) {}

  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditLog audit;
  private final IdentityConfig config;
  private final Event<AccountMails.LinkMail> mails;

  AccountLinks(
      PasswordHasher hasher,
      SessionService sessions,
      AuditLog audit,
      IdentityConfig config,
      Event<AccountMails.LinkMail> mails) {
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.config = config;
    this.mails = mails;
  }

  /** Mails the owner of a new (or not yet used) account a link to set their first password. */
  public void invite(Actor by, long accountId, String invitedBy) {
    Account account = builtIn(accountId);
    if (account.passwordHash != null) {
      throw new Refused(
          "account", account.displayName + " has set a password already; send a reset link.");
    }
    mail(account, Purpose.INVITATION, config.invitationValid(), invitedBy);
    audit.record(by, AuditAction.INVITATION_SENT, account.email, null);
  }

  /** An admin mails an account's owner a reset link. */
  public void sendReset(Actor by, long accountId) {
    Account account = builtIn(accountId);
    if (account.disabled) {
      throw new Refused("account", "This account is disabled; enable it first.");
    }
    mail(account, Purpose.PASSWORD_RESET, config.passwordResetValid(), null);
    audit.record(by, AuditAction.PASSWORD_RESET_SENT, account.email, "sent by an administrator");
  }

  /**
   * Someone on the sign-in page forgot their password. An enabled built-in account gets a link, at
   * most one per interval; nothing tells the asker whether it did.
   */
  public void requestReset(String rawEmail, String ip) {
    String email = rawEmail.strip().toLowerCase(Locale.ROOT);
    Account account = Account.findByEmail(email).orElse(null);
    if (account == null || account.disabled || account.externalSubject != null) {
      audit.record(Actor.anonymous(ip), AuditAction.PASSWORD_RESET_REQUESTED, email, "no link");
      return;
    }
    Instant recent = Instant.now().minus(config.passwordResetInterval());
    long sentLately =
        AccountLink.count(
            "account = ?1 and purpose = ?2 and createdAt > ?3",
            account,
            Purpose.PASSWORD_RESET,
            recent);
    if (sentLately > 0) {
      audit.record(Actor.anonymous(ip), AuditAction.PASSWORD_RESET_REQUESTED, email, "too soon");
      return;
    }
    mail(account, Purpose.PASSWORD_RESET, config.passwordResetValid(), null);
    audit.record(Actor.anonymous(ip), AuditAction.PASSWORD_RESET_SENT, email, "asked for");
  }

  /** Whom the link belongs to while it can be used. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Holder> holder(String token) {
    return usable(token)
        .map(link -> new Holder(link.account.email, link.account.displayName, link.purpose));
  }

  /**
   * Sets the password through the link and spends it (and every other open link of the account);
   * every session of the account ends. Answers the account, to sign its owner in.
   */
  public Account setPassword(String token, String password, String ip) {
    AccountLink link =
        usable(token)
            .orElseThrow(
                () ->
                    new Refused(
                        "link",
                        "This link has expired or has been used already. Ask for a new one."));
    Account account = link.account;
    PasswordPolicy.problem(password, account.email, account.displayName)
        .ifPresent(
            problem -> {
              throw new Refused("password", problem);
            });
    Instant now = Instant.now();
    account.passwordHash = hasher.hash(password);
    account.failedSignIns = 0;
    AccountLink.update("usedAt = ?1 where account = ?2 and usedAt is null", now, account);
    sessions.closeAll(account);
    audit.record(
        new Actor(account.id, account.email, ip),
        AuditAction.PASSWORD_SET,
        account.email,
        link.purpose == Purpose.INVITATION ? "from the invitation" : "from a reset link");
    return account;
  }

  private Optional<AccountLink> usable(String token) {
    if (!SecretTokens.wellFormed(token)) {
      return Optional.empty();
    }
    AccountLink link = AccountLink.findById(SecretTokens.hash(token));
    if (link == null || !link.usableAt(Instant.now()) || link.account.disabled) {
      return Optional.empty();
    }
    return Optional.of(link);
  }

  private void mail(Account account, Purpose purpose, Duration valid, String invitedBy) {
    String token = SecretTokens.fresh();
    AccountLink link = new AccountLink();
    link.tokenHash = SecretTokens.hash(token);
    link.account = account;
    link.purpose = purpose;
    link.createdAt = Instant.now();
    link.expiresAt = link.createdAt.plus(valid);
    link.persist();
    mails.fire(
        new AccountMails.LinkMail(
            account.email, account.displayName, purpose, token, valid, invitedBy));
  }

  private static Account builtIn(long accountId) {
    Account account = Account.findById(accountId);
    if (account == null) {
      throw new jakarta.ws.rs.NotFoundException();
    }
    if (account.externalSubject != null) {
      throw new Refused(
          "account", "This account signs in through Keycloak; its password is set there.");
    }
    return account;
  }
}
