package org.stet.site;

/**
 * Renders an article page for the cache; {@code null} when no published article has the slug.
 * Called on the refresh thread as well as on request threads.
 */
public interface ArticlePageRenderer {

  ArticlePageCache.CachedPage render(String slug);
}
