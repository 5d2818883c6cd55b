package org.stet.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.stet.audit.AuditEvent;
import org.stet.audit.AuditLog.Actor;
import org.stet.identity.service.AccountService;
import org.stet.identity.service.AccountService.NewAccount;

/** Accounts and audit lookups for identity tests. */
@ApplicationScoped
public class TestAccounts {

  public static final String ADMIN = "admin@stet.test";
  public static final String ADMIN_PASSWORD = "Quiet-harbour-lamp-2026";
  public static final String PASSWORD = "Amber-violin-kettle-77";

  private final AccountService accounts;

  TestAccounts(AccountService accounts) {
    this.accounts = accounts;
  }

  /** A new account with these roles and the shared test password. */
  public Account create(String email, Role... roles) {
    return accounts.create(
        Actor.system(),
        new NewAccount(email, "User " + email.split("@")[0], PASSWORD, Set.of(roles)));
  }

  @Transactional
  public Account find(String email) {
    Account account = Account.findByEmail(email).orElseThrow();
    if (account.person != null) {
      account.person.slug.length();
    }
    return account;
  }

  @Transactional
  public List<String> auditActions(String target) {
    return AuditEvent.<AuditEvent>list("target = ?1 order by id", target).stream()
        .map(event -> event.action)
        .toList();
  }

  /** Makes every mailed link of the account expire, as if its time had passed. */
  @Transactional
  public void expireLinks(String email) {
    AccountLink.update(
        "expiresAt = ?1 where account.id = (select a.id from Account a where a.email = ?2)",
        java.time.Instant.now().minusSeconds(1),
        email);
  }
}
