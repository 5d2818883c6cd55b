package org.stet.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a plugin's desk pages ({@code /desk/plugins/<id>/...}) need from Stet; inject it.
 * Implemented by Stet. Plugin forms carry the desk's CSRF field: {@code <input type="hidden"
 * name="_csrf" value="{inject:csrf.token}">}.
 *
 * @since 0.2
 */
public interface DeskSupport {

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
}
