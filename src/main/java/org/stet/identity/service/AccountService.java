package org.stet.identity.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.audit.AuditLog.Actor;
import org.stet.identity.Account;
import org.stet.identity.Role;
import org.stet.identity.config.IdentityConfig;
import org.stet.person.Person;

/** Creates accounts (and their person), changes roles, disables and enables them. */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class);
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

  /** Serialises creating the first administrator. */
  private static final long SETUP_LOCK = 0x57e7_0002L;

  /** A refused request, with the message for the form and the field it is about. */
  public static class Refused extends RuntimeException {
    private final String field;

    public Refused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** What an admin fills in for a new account. */
  public record NewAccount(String email, String displayName, String password, Set<Role> roles) {}

  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditLog audit;
  private final IdentityConfig config;
  private final EntityManager entityManager;

  AccountService(
      PasswordHasher hasher,
      SessionService sessions,
      AuditLog audit,
      IdentityConfig config,
      EntityManager entityManager) {
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.config = config;
    this.entityManager = entityManager;
  }

  /**
   * Creates the administrator from STET_ADMIN_EMAIL / STET_ADMIN_PASSWORD on an empty install. A
   * refused pair (or only one of the two) stops Stet with the reason: starting anyway would leave
   * the open set-up page to whoever comes first.
   */
  void onStart(@Observes StartupEvent event) {
    if (config.adminEmail().isPresent() != config.adminPassword().isPresent()) {
      throw new FirstAdminRefused(
          (config.adminEmail().isPresent() ? "STET_ADMIN_PASSWORD" : "STET_ADMIN_EMAIL")
              + " is missing; set both or neither.");
    }
    if (config.adminEmail().isPresent()) {
      try {
        Optional<Account> admin =
            createFirstAdmin(
                new NewAccount(
                    config.adminEmail().get(),
                    "Administrator",
                    config.adminPassword().get(),
                    Set.of(Role.ADMIN)));
        admin.ifPresent(a -> LOG.infof("Created the first administrator %s", a.email));
      } catch (Refused e) {
        throw new FirstAdminRefused(
            (e.field().equals("password") ? "STET_ADMIN_PASSWORD" : "STET_ADMIN_EMAIL")
                + " is refused: "
                + e.getMessage());
      }
    }
  }

  /** The first administrator given in the environment cannot be created: Stet does not start. */
  public static final class FirstAdminRefused extends IllegalStateException {
    FirstAdminRefused(String reason) {
      super(
          "Stet did not start: "
              + reason
              + " Fix STET_ADMIN_EMAIL and STET_ADMIN_PASSWORD, or unset both to create the"
              + " first administrator in the browser.");
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean setupNeeded() {
    return Account.noneExist();
  }

  /** The first account, an administrator; empty when an account exists already. */
  public Optional<Account> createFirstAdmin(NewAccount request) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, SETUP_LOCK)
        .getSingleResult();
    if (!Account.noneExist()) {
      return Optional.empty();
    }
    Account admin = insert(request, Set.of(Role.ADMIN));
    audit.record(Actor.system(), AuditAction.ACCOUNT_CREATED, admin.email, "first administrator");
    return Optional.of(admin);
  }

  public Account create(Actor by, NewAccount request) {
    Account account = insert(request, request.roles());
    audit.record(by, AuditAction.ACCOUNT_CREATED, account.email, "roles " + List.of(account.roles));
    return account;
  }

  public void setRoles(Actor by, long accountId, Set<Role> roles) {
    Account account = existing(accountId);
    if (by.accountId() != null && by.accountId() == accountId && !roles.contains(Role.ADMIN)) {
      throw new Refused("roles", "You cannot remove your own administrator role.");
    }
    String before = List.of(account.roles).toString();
    account.setRoles(roles);
    audit.record(
        by, AuditAction.ROLES_CHANGED, account.email, before + " -> " + List.of(account.roles));
  }

  /**
   * Locks (or unlocks) the byline name of the account's person: while locked nobody can rename it,
   * its owner included (so nobody can take another's name and give it back).
   */
  public void setBylineLocked(Actor by, long accountId, boolean locked) {
    Account account = existing(accountId);
    if (account.person == null) {
      throw new Refused("account", "This account has no byline yet.");
    }
    account.person.nameLocked = locked;
    audit.record(
        by,
        locked ? AuditAction.BYLINE_LOCKED : AuditAction.BYLINE_UNLOCKED,
        account.email,
        "\"" + account.person.displayName + "\"");
  }

  /** Disables (and signs out everywhere) or re-enables an account. */
  public void setDisabled(Actor by, long accountId, boolean disabled) {
    Account account = existing(accountId);
    if (disabled && by.accountId() != null && by.accountId() == accountId) {
      throw new Refused("account", "You cannot disable your own account.");
    }
    account.disabled = disabled;
    if (disabled) {
      sessions.closeAll(account);
    }
    audit.record(
        by,
        disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED,
        account.email,
        null);
  }

  /**
   * The account of a Keycloak user, created on first sign-in. E-mail, name and roles follow the
   * token; the account is found by {@code subject} alone.
   */
  public Account linkExternal(
      String subject,
      String email,
      boolean emailVerified,
      String displayName,
      Set<String> roleNames) {
    Account account =
        Account.<Account>find("externalSubject", subject).firstResultOptional().orElse(null);
    String name = displayName.length() > 200 ? displayName.substring(0, 200) : displayName;
    String mail =
        email == null ? subject + "@keycloak.invalid" : email.strip().toLowerCase(Locale.ROOT);
    Account sameEmail = Account.findByEmail(mail).orElse(null);
    if (account == null
        && sameEmail != null
        && sameEmail.externalSubject == null
        && emailVerified) {
      // A built-in account moving to Keycloak keeps its history; only with a verified e-mail.
      account = sameEmail;
      account.externalSubject = subject;
    } else if (sameEmail != null && sameEmail != account) {
      mail = subject + "@keycloak.invalid";
    }
    java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (roleNames.contains(role.name())) {
        roles.add(role);
      }
    }
    if (account == null) {
      account = new Account();
      account.externalSubject = subject;
      account.email = mail;
      account.displayName = name;
      account.person = Person.create(name);
      account.setRoles(roles);
      account.persist();
      audit.record(
          Actor.system(),
          AuditAction.ACCOUNT_CREATED,
          account.email,
          "from Keycloak subject " + subject);
      return account;
    }
    if (!account.roleSet().equals(roles)) {
      String before = List.of(account.roles).toString();
      account.setRoles(roles);
      audit.record(
          Actor.system(),
          AuditAction.ROLES_CHANGED,
          account.email,
          before + " -> " + List.of(account.roles) + " (Keycloak)");
    }
    account.email = mail;
    account.displayName = name;
    return account;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Account> list() {
    return Account.find(
            "from Account a left join fetch a.person order by lower(a.displayName), a.id")
        .list();
  }

  private Account insert(NewAccount request, Set<Role> roles) {
    String email = request.email() == null ? "" : request.email().strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new Refused("email", "Enter an e-mail address such as name@example.org.");
    }
    String name = request.displayName() == null ? "" : request.displayName().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new Refused("displayName", "Enter a name of 1 to 200 characters.");
    }
    if (Account.findByEmail(email).isPresent()) {
      throw new Refused("email", "An account with this e-mail address exists already.");
    }
    PasswordPolicy.problem(request.password(), email, name)
        .ifPresent(
            problem -> {
              throw new Refused("password", problem);
            });
    Account account = new Account();
    account.email = email;
    account.displayName = name;
    account.passwordHash = hasher.hash(request.password());
    account.setRoles(roles);
    account.person = Person.create(name);
    account.persist();
    return account;
  }

  private static Account existing(long id) {
    Account account = Account.findById(id);
    if (account == null) {
      throw new jakarta.ws.rs.NotFoundException();
    }
    return account;
  }
}
