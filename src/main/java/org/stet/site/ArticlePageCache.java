package org.stet.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.stet.site.config.SiteConfig;

/**
 * Rendered article pages by slug, so a popular article costs one render, not one per request.
 * Entries go when the article's data changes (including its view count, after each flush).
 */
@ApplicationScoped
public class ArticlePageCache {

  /** A rendered page and the article it shows. */
  public record CachedPage(long articleId, byte[] html) {}

  private final Cache<String, CachedPage> pages;

  ArticlePageCache(SiteConfig config) {
    this.pages = Caffeine.newBuilder().maximumSize(config.pageCacheSize()).build();
  }

  public CachedPage get(String slug) {
    return pages.getIfPresent(slug);
  }

  public void put(String slug, CachedPage page) {
    pages.put(slug, page);
  }

  /** Drops the pages of these articles; the next request renders them afresh. */
  public void invalidateArticles(Collection<Long> articleIds) {
    if (!articleIds.isEmpty()) {
      pages.asMap().values().removeIf(page -> articleIds.contains(page.articleId()));
    }
  }

  public void invalidateAll() {
    pages.invalidateAll();
  }
}
