package org.stet.identity;

/** What a signed-in person may do; readers are anonymous and have no role. */
public enum Role {
  AUTHOR,
  REVIEWER,
  EDITOR,
  ADMIN;

  /** Role names as {@code @RolesAllowed} needs them (compile-time constants). */
  public static final class Names {
    public static final String AUTHOR = "AUTHOR";
    public static final String REVIEWER = "REVIEWER";
    public static final String EDITOR = "EDITOR";
    public static final String ADMIN = "ADMIN";

    private Names() {}
  }
}
