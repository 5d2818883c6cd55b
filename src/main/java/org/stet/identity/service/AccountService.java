package org.stet.identity.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * A refused request, with the message for the form and the field it is about: 409 when it is
   * about the account as it stands ({@code account}, {@code roles}), 410 for a spent {@code link},
   * else 400. The desk shows it on the form's page; the JSON API answers it as a problem.
   */
  public static class Refused extends WebApplicationException {
    private final String field;

    public Refused(String field, String message) {
      super(message, problem(statusOf(field), field, message));
      this.field = field;
    }

    public String field() {
      return field;
    }

    private static int statusOf(String field) {
      return switch (field) {
        case "account", "roles" -> 409;
        case "link" -> 410;
        default -> 400;
      };
    }

    private static Response problem(int status, String field, String message) {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("status", status, "message", message, "field", field))
          .build();
    }
  }

  /**
   * What an admin fills in for a new account; a {@code null} password leaves it to its owner, who
   * is invited by mail to set one.
   */
  public record NewAccount(String email, String displayName, String password, Set<Role> roles) {}

  /** A sign-in to an account, or a refused attempt, as the admin's account page lists them. */
  public record SignInAttempt(Instant at, boolean succeeded, String ip, String why) {}

  /** How many sign-ins the admin's account page shows. */
  private static final int RECENT_SIGN_INS = 20;

  private final PasswordHasher hasher;
  private final SessionService sessions;
  private final AuditLog audit;
  private final IdentityConfig config;
  private final EntityManager entityManager;
  private final AccountLinks links;

  AccountService(
      PasswordHasher hasher,
      SessionService sessions,
      AuditLog audit,
      IdentityConfig config,
      EntityManager entityManager,
      AccountLinks links) {
    this.links = links;
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

  /**
   * An account without a password whose owner gets an invitation mail to choose one ({@code
   * invitedBy} names the admin in it).
   */
  public Account invite(Actor by, NewAccount request, String invitedBy) {
    Account account =
        create(by, new NewAccount(request.email(), request.displayName(), null, request.roles()));
    links.invite(by, account.id, invitedBy);
    return account;
  }

  /**
   * The owner sets the name the desk shows, the zone of its dates (blank: the site's) and, for
   * reviewers, their expertise ({@code null}: unchanged).
   */
  public void updateOwn(
      Actor by, long accountId, String displayName, String timeZone, String expertise) {
    Account account = existing(accountId);
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new Refused("displayName", "Enter a name of 1 to 200 characters.");
    }
    String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    if (zone != null && !java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
      throw new Refused("timeZone", "Choose a time zone from the list.");
    }
    if (expertise != null) {
      String keywords = expertise.strip();
      if (keywords.length() > 500) {
        throw new Refused("expertise", "Keep your expertise to 500 characters.");
      }
      account.expertise = keywords.isEmpty() ? null : keywords;
    }
    account.displayName = name;
    account.timeZone = zone;
    audit.record(by, AuditAction.ACCOUNT_UPDATED, account.email, zone == null ? "site zone" : zone);
  }

  /**
   * The owner changes their password, giving the current one; every other session of theirs ends
   * ({@code keepSession} is the one they are using).
   */
  public void changePassword(
      Actor by, long accountId, long keepSession, String current, String password) {
    Account account = existing(accountId);
    if (account.passwordHash == null || !hasher.matches(current, account.passwordHash)) {
      throw new Refused("current", "Your current password is not right.");
    }
    PasswordPolicy.problem(password, account.email, account.displayName)
        .ifPresent(
            problem -> {
              throw new Refused("password", problem);
            });
    account.passwordHash = hasher.hash(password);
    long ended = sessions.endAllBut(accountId, keepSession);
    audit.record(
        by, AuditAction.PASSWORD_CHANGED, account.email, ended + " other session(s) ended");
  }

  /** The newest sign-ins and refused attempts for the account, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SignInAttempt> recentSignIns(long accountId) {
    Account account = existing(accountId);
    return org.stet.audit.AuditEvent.<org.stet.audit.AuditEvent>find(
            "target = ?1 and action in ?2 order by id desc",
            account.email,
            List.of(AuditAction.SIGN_IN.name(), AuditAction.SIGN_IN_FAILED.name()))
        .page(0, RECENT_SIGN_INS)
        .list()
        .stream()
        .map(
            e ->
                new SignInAttempt(
                    e.at, AuditAction.SIGN_IN.name().equals(e.action), e.ip, e.detail))
        .toList();
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
    if (request.password() != null) {
      PasswordPolicy.problem(request.password(), email, name)
          .ifPresent(
              problem -> {
                throw new Refused("password", problem);
              });
    }
    Account account = new Account();
    account.email = email;
    account.displayName = name;
    account.passwordHash = request.password() == null ? null : hasher.hash(request.password());
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
