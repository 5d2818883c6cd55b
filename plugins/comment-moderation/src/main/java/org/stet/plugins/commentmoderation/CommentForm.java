package org.stet.plugins.commentmoderation;

import java.util.Map;

/**
 * The comment form as shown: what was typed (kept whole when refused), the reply it answers, the
 * form stamp, and a message per field ({@code form} for the whole form).
 */
public record CommentForm(
    String name,
    String email,
    String website,
    String text,
    boolean wantsMail,
    Long parentId,
    String stamp,
    Map<String, String> errors) {

  public CommentForm {
    errors = Map.copyOf(errors);
  }

  static CommentForm blank(Long parentId, String stamp) {
    return new CommentForm("", "", "", "", false, parentId, stamp, Map.of());
  }

  /** The form as it was sent, with the reasons it was refused and a fresh stamp. */
  static CommentForm refused(
      CommentText.Typed typed,
      boolean wantsMail,
      Long parentId,
      String stamp,
      Map<String, String> errors) {
    return new CommentForm(
        typed.name(),
        typed.email(),
        typed.website(),
        typed.text(),
        wantsMail,
        parentId,
        stamp,
        errors);
  }

  /** The message for {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }
}
