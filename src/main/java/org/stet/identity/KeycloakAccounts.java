package org.stet.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.stet.identity.service.AccountService;

/**
 * Links a Keycloak user to a Stet account, keyed on the token's {@code sub} (never the e-mail,
 * which people change): created on first sign-in, with its person; roles come from the token. An
 * account disabled in Stet is refused even with a valid token.
 */
@ApplicationScoped
public class KeycloakAccounts implements SecurityIdentityAugmentor {

  private final AccountService accounts;

  KeycloakAccounts(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return Uni.createFrom().item(identity);
    }
    return context.runBlocking(() -> link(identity, token));
  }

  @ActivateRequestContext
  SecurityIdentity link(SecurityIdentity identity, JsonWebToken token) {
    Account account =
        accounts.linkExternal(
            token.getSubject(),
            token.<String>getClaim("email"),
            Boolean.TRUE.equals(token.<Boolean>getClaim("email_verified")),
            displayName(token),
            identity.getRoles());
    if (account.disabled) {
      throw new AuthenticationFailedException(
          "The account " + account.email + " is disabled in Stet");
    }
    return QuarkusSecurityIdentity.builder(identity)
        .addAttribute(SessionAuthenticationMechanism.ACCOUNT_ID, account.id)
        .addAttribute(SessionAuthenticationMechanism.EMAIL, account.email)
        .addAttribute("displayName", account.displayName)
        .build();
  }

  private static String displayName(JsonWebToken token) {
    String name = token.getClaim("name");
    if (name == null || name.isBlank()) {
      name = token.getClaim("preferred_username");
    }
    return name == null || name.isBlank() ? token.getSubject() : name;
  }
}
