package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.Account;
import org.stet.identity.ApiToken;
import org.stet.identity.ApiToken.Scope;
import org.stet.spi.TypedText;

/**
 * Personal API tokens of built-in accounts, for scripts and integrations: {@value #PREFIX} and 32
 * random bytes, shown once when made, only their SHA-256 kept; each reads, or reads and writes, as
 * its account may; revocable at once; never able to make other tokens.
 */
@ApplicationScoped
@Transactional
public class ApiTokenService {

  /** What every token starts with, so it is recognised (and found by secret scanners). */
  public static final String PREFIX = "stet_";

  /** The most tokens an account may hold at once. */
  public static final int MAX_ACTIVE = 20;

  /** A token as its owner sees it later: never the token itself. */
  public record Listed(
      long id,
      String name,
      Scope scope,
      String hint,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  /** A new token: the only time its value is seen. */
  public record Made(Listed token, String value) {}

  /** The account a token signs in, with the token's scope. */
  public record Holder(SessionService.SignedIn account, long tokenId, Scope scope) {}

  private final EntityManager entityManager;
  private final AuditLog audit;

  ApiTokenService(EntityManager entityManager, AuditLog audit) {
    this.entityManager = entityManager;
    this.audit = audit;
  }

  /** Makes a token for the account; refuses a blank or long name and an unknown scope. */
  public Made create(AuditLog.Actor actor, long accountId, String name, String scope) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100 || TypedText.hasNonText(label)) {
      throw new BadRequestException(
          "Name the token (1 to 100 characters) after what will use it, e.g. \"Zotero sync\".");
    }
    Scope chosen = scope(scope);
    long active =
        entityManager
            .createQuery(
                "select count(t) from ApiToken t where t.account.id = :account"
                    + " and t.revokedAt is null",
                Long.class)
            .setParameter("account", accountId)
            .getSingleResult();
    if (active >= MAX_ACTIVE) {
      throw new jakarta.ws.rs.WebApplicationException(
          "This account has " + MAX_ACTIVE + " tokens already; revoke one it no longer needs.",
          409);
    }
    String value = PREFIX + SecretTokens.fresh();
    ApiToken token = new ApiToken();
    token.account = Account.findById(accountId);
    token.name = label;
    token.tokenHash = SecretTokens.hash(value);
    token.hint = value.substring(0, PREFIX.length() + 4) + "…";
    token.scope = chosen;
    token.createdAt = Instant.now();
    token.persist();
    audit.record(
        actor,
        AuditAction.API_TOKEN_CREATED,
        "account " + accountId,
        "\"" + label + "\", " + chosen.name().toLowerCase(Locale.ROOT));
    return new Made(listed(token), value);
  }

  /** The account's tokens, newest first, revoked ones last. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Listed> list(long accountId) {
    return ApiToken.<ApiToken>list(
            "account.id = ?1 order by revokedAt nulls first, createdAt desc, id desc", accountId)
        .stream()
        .map(ApiTokenService::listed)
        .toList();
  }

  /** Revokes one of the account's tokens at once; 404 for another account's. */
  public Listed revoke(AuditLog.Actor actor, long accountId, long tokenId) {
    ApiToken token = ApiToken.findById(tokenId);
    if (token == null || !token.account.id.equals(accountId)) {
      throw new NotFoundException();
    }
    if (token.revokedAt == null) {
      token.revokedAt = Instant.now();
      audit.record(
          actor, AuditAction.API_TOKEN_REVOKED, "account " + accountId, "\"" + token.name + "\"");
    }
    return listed(token);
  }

  /**
   * Who {@code value} signs in, when it is a live token of an enabled account; notes its use at
   * most once a minute.
   */
  public Optional<Holder> identify(String value) {
    if (value == null
        || !value.startsWith(PREFIX)
        || !SecretTokens.wellFormed(value.substring(PREFIX.length()))) {
      return Optional.empty();
    }
    Optional<ApiToken> found =
        ApiToken.find("tokenHash", SecretTokens.hash(value)).firstResultOptional();
    if (found.isEmpty() || found.get().revokedAt != null || found.get().account.disabled) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Instant now = Instant.now();
    if (token.lastUsedAt == null || token.lastUsedAt.plusSeconds(60).isBefore(now)) {
      token.lastUsedAt = now;
    }
    Account account = token.account;
    return Optional.of(
        new Holder(
            new SessionService.SignedIn(
                account.id, 0, account.email, account.displayName, account.roleSet()),
            token.id,
            token.scope));
  }

  private static Scope scope(String typed) {
    if (typed == null) {
      throw new BadRequestException("Choose the token's scope: \"read\" or \"write\".");
    }
    return switch (typed.strip().toLowerCase(Locale.ROOT)) {
      case "read" -> Scope.READ;
      case "write" -> Scope.WRITE;
      default -> throw new BadRequestException("A token's scope is \"read\" or \"write\".");
    };
  }

  private static Listed listed(ApiToken token) {
    return new Listed(
        token.id,
        token.name,
        token.scope,
        token.hint,
        token.createdAt,
        token.lastUsedAt,
        token.revokedAt);
  }
}
