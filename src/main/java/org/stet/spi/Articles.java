package org.stet.spi;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Published articles for plugins that keep something about them (e.g. comments). Implemented by
 * Stet; inject it. Works outside requests too.
 *
 * @since 0.3
 */
public interface Articles {

  /** The published article with this id; empty for drafts, retracted or unknown articles. */
  Optional<ArticleView> published(long articleId);

  /** The published article with this slug. */
  Optional<ArticleView> publishedBySlug(String slug);

  /**
   * Title, slug and state of each of these articles, published or not, in one query: for lists that
   * name many articles (a moderation queue). Unknown ids are left out.
   */
  Map<Long, ArticleHeading> headings(Collection<Long> articleIds);

  /**
   * An article as a list names it.
   *
   * @param published whether readers can see it now
   */
  record ArticleHeading(long id, String slug, String title, boolean published) {}
}
