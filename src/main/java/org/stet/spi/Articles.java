package org.stet.spi;

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
}
