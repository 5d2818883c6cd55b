package org.stet.spi;

import java.util.List;
import java.util.Optional;

/**
 * The people who write for the site (the names on bylines), for plugins that keep something about
 * them. Implemented by Stet; inject it. Works outside requests too (e.g. at start).
 *
 * @since 0.3
 */
public interface People {

  /** The person with this slug (the name in {@code /authors/<slug>}). */
  Optional<PersonView> bySlug(String slug);

  /**
   * People in name order, at most {@code limit}, starting after {@code after} (keyset; {@code null}
   * for the first page).
   */
  List<PersonView> inNameOrder(PersonView after, int limit);

  /**
   * Why the person may not be renamed {@code displayName}, in words for the form; empty when they
   * may. Refused: a name an administrator has locked, and a name another account's byline has (so
   * nobody can sign as someone else).
   *
   * @since 0.4
   */
  Optional<String> renameVeto(long personId, String displayName);

  /**
   * Changes how the person is named on bylines and author pages (1 to 200 characters; the slug, and
   * so every address, stays). Cached pages are dropped. Throws {@link IllegalArgumentException}
   * with the reason when {@link #renameVeto} refuses it.
   */
  PersonView rename(long personId, String displayName);
}
