package org.stet.spi;

import java.util.List;

/**
 * Who is signed in, for a plugin's desk page: pass it to the desk layout as {@code desk} ({@code
 * {#include desk siteName=desk.siteName}}).
 *
 * @param roles role names: AUTHOR, REVIEWER, EDITOR, ADMIN
 * @since 0.2
 */
public record DeskUser(String siteName, String displayName, String email, List<String> roles) {

  public DeskUser {
    roles = List.copyOf(roles);
  }

  public boolean isAdmin() {
    return roles.contains("ADMIN");
  }

  public boolean isAuthor() {
    return roles.contains("AUTHOR");
  }

  public boolean isEditor() {
    return roles.contains("EDITOR");
  }

  public boolean isReviewer() {
    return roles.contains("REVIEWER");
  }
}
