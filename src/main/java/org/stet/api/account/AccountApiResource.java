package org.stet.api.account;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.identity.Role;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.identity.service.AccountService;

/** Who the caller is, and (for admins) the accounts: the JSON API's identity endpoints. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Accounts",
    description = "Who the caller is, and, for administrators, every account of the site.")
public class AccountApiResource {

  /** The caller as the API reports it. */
  public record Me(long accountId, String email, String displayName, List<String> roles) {}

  /** An account in the admin listing. */
  public record AccountSummary(
      long id, String email, String displayName, List<String> roles, boolean disabled) {}

  private final SecurityIdentity identity;
  private final AccountService accounts;

  AccountApiResource(SecurityIdentity identity, AccountService accounts) {
    this.identity = identity;
    this.accounts = accounts;
  }

  @GET
  @Path("me")
  @Authenticated
  @Operation(
      summary = "Find out who you are signed in as",
      description =
          "Anyone signed in may call it, with the desk's session or an API token. Answers the"
              + " caller's account number, e-mail address, display name and roles (author,"
              + " reviewer, editor, admin); a token answers for the account it belongs to.")
  public Me me() {
    Long id = identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    String name = identity.getAttribute("displayName");
    return new Me(
        id,
        identity.getAttribute(SessionAuthenticationMechanism.EMAIL),
        name,
        identity.getRoles().stream().filter(AccountApiResource::isStetRole).sorted().toList());
  }

  @GET
  @Path("accounts")
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      summary = "List every account",
      description =
          "Administrators only. Answers each account with its e-mail address, display name, roles"
              + " and whether it is disabled, sorted by name.")
  public List<AccountSummary> accounts() {
    return accounts.list().stream()
        .map(a -> new AccountSummary(a.id, a.email, a.displayName, List.of(a.roles), a.disabled))
        .toList();
  }

  private static boolean isStetRole(String role) {
    for (Role known : Role.values()) {
      if (known.name().equals(role)) {
        return true;
      }
    }
    return false;
  }
}
