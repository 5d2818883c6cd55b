package org.stet.desk;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.stet.identity.Role;

/** Who is signed in, for the desk's header; {@code null} fields on the sign-in pages. */
public record DeskChrome(String siteName, String displayName, String email, List<String> roles) {

  public static DeskChrome of(String siteName, SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return new DeskChrome(siteName, null, null, List.of());
    }
    String name = identity.getAttribute("displayName");
    return new DeskChrome(
        siteName,
        name == null ? identity.getPrincipal().getName() : name,
        identity.getPrincipal().getName(),
        identity.getRoles().stream().sorted().toList());
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN.name());
  }
}
