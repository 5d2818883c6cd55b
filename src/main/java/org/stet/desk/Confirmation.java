package org.stet.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The page that asks before a step that cannot be undone (withdraw, reject, retract, publish now,
 * disable an account, delete): it says what will happen and sends the same form again with {@code
 * confirmed=yes}. It works without JavaScript; a form posted without the field gets this page
 * instead of the step, so no click does the irreversible thing at once.
 */
public final class Confirmation {

  /** The form field a confirmed post carries. */
  public static final String FIELD = "confirmed";

  /** A field of the original form, sent again unchanged. */
  public record Field(String name, String value) {}

  /**
   * What the page shows: the question, what will happen, where the confirmed form goes with which
   * fields, the button's words and where "No, go back" leads.
   */
  public record Ask(
      String question,
      List<String> consequences,
      String action,
      List<Field> fields,
      String confirmLabel,
      String backHref) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance confirm(DeskChrome desk, Ask ask);
  }

  private Confirmation() {}

  /** Whether the post carries the confirmation. */
  public static boolean given(String value) {
    return "yes".equals(value);
  }

  /** The confirmation page (200: nothing has happened yet). */
  public static Response ask(DeskChrome desk, Ask ask) {
    return Response.ok(Templates.confirm(desk, ask).render(), MediaType.TEXT_HTML_TYPE).build();
  }
}
