package org.stet.spi;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a plugin's desk pages ({@code /desk/plugins/<id>/...}) need from Stet; inject it.
 * Implemented by Stet. Plugin forms carry the desk's CSRF field: {@code <input type="hidden"
 * name="_csrf" value="{inject:csrf.token}">}.
 *
 * @since 0.2
 */
public interface DeskSupport {

  /**
   * The form field a confirmed post carries ({@code confirmed=yes}); see {@link #confirmFirst}.
   *
   * @since 0.7
   */
  String CONFIRMED = "confirmed";

  /**
   * What the desk asks before a step that cannot be undone: the question, what will happen (one
   * plain sentence each), the desk address the confirmed form is posted to with {@code fields}
   * again, the button's words, and the desk page "No, go back" leads to. Both addresses must be
   * desk pages ({@code /desk/...}).
   *
   * @since 0.7
   */
  record Ask(
      String question,
      List<String> consequences,
      String action,
      Map<String, String> fields,
      String confirmLabel,
      String backHref) {

    public Ask {
      consequences = List.copyOf(consequences);
      fields = Map.copyOf(fields);
      if (!isDeskPage(action) || !isDeskPage(backHref)) {
        throw new IllegalArgumentException(
            "A confirmation leads only to desk pages: " + action + ", " + backHref);
      }
    }

    private static boolean isDeskPage(String address) {
      return address != null && address.startsWith("/desk/") && !address.startsWith("//");
    }
  }

  /** Refuses the request (403, with the desk's "form expired" page) unless the token matches. */
  void verifyForm(String csrfToken);

  /** Who is signed in, for the desk layout. */
  DeskUser user();

  /** The signed-in account's id, for a plugin's own records (e.g. "saved by"). */
  long accountId();

  /**
   * The person the signed-in account writes as (its byline), e.g. to edit one's own profile.
   *
   * @since 0.3
   */
  PersonView person();

  /** Records an audit event "{@code pluginId}: {@code what}" about {@code target}. */
  void audit(String pluginId, String what, String target);

  /** A published article by its slug. */
  Optional<ArticleView> publishedArticle(String slug);

  /** The most recently published articles, newest first. */
  List<ArticleView> recentlyPublished(int limit);

  /**
   * Answers the post of a form whose step cannot be undone (a delete), as Stet's own desk forms are
   * answered (decision 0018). The token is checked first. Unless {@code confirmed} is {@code "yes"}
   * (the field {@link #CONFIRMED}), nothing is done and the desk's confirmation page for {@code
   * ask} is answered (200): it works without JavaScript, and the desk's script shows its question
   * in a dialog when the form is marked {@code data-may-ask}. A confirmed post runs {@code step}
   * and redirects to the desk page the step answers; a post of the desk's script that only asks
   * first never runs it (204). Check who may take the step before calling this, so that the
   * question is not shown to someone who may not.
   *
   * @since 0.7
   */
  Response confirmFirst(String csrfToken, String confirmed, Ask ask, Supplier<String> step);
}
