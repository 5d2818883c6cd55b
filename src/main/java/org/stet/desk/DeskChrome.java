package org.stet.desk;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.stet.identity.Role;
import org.stet.identity.SessionAuthenticationMechanism;

/** Who is signed in, for the desk's header; {@code null} fields on the sign-in pages. */
public record DeskChrome(String siteName, String displayName, String email, List<String> roles) {

  public static DeskChrome of(String siteName, SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return new DeskChrome(siteName, null, null, List.of());
    }
    String name = identity.getAttribute("displayName");
    String email = identity.getAttribute(SessionAuthenticationMechanism.EMAIL);
    return new DeskChrome(
        siteName,
        name == null ? identity.getPrincipal().getName() : name,
        email == null ? identity.getPrincipal().getName() : email,
        identity.getRoles().stream().sorted().toList());
  }

  /** The roles as Stet's enum, for their labels. */
  public List<Role> roleList() {
    return java.util.Arrays.stream(Role.values()).filter(r -> roles.contains(r.name())).toList();
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN.name());
  }

  public boolean isAuthor() {
    return roles.contains(Role.AUTHOR.name());
  }

  public boolean isEditor() {
    return roles.contains(Role.EDITOR.name());
  }

  public boolean isReviewer() {
    return roles.contains(Role.REVIEWER.name());
  }
}
