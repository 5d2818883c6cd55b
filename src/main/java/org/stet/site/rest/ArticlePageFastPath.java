package org.stet.site.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.stet.site.ArticlePageCache;
import org.stet.site.ArticlePageCache.CachedPage;
import org.stet.site.ViewCounter;

/**
 * Serves cached article pages straight from the event loop, before the REST layer; a miss falls
 * through to {@link ArticlePageResource}, which renders and caches the page.
 */
@ApplicationScoped
public class ArticlePageFastPath {

  private static final String PREFIX = "/articles/";

  private final ArticlePageCache cache;
  private final ViewCounter views;
  private final PublicCaching caching;

  ArticlePageFastPath(ArticlePageCache cache, ViewCounter views, PublicCaching caching) {
    this.cache = cache;
    this.views = views;
    this.caching = caching;
  }

  void register(@Observes Router router) {
    router.get(PREFIX + ":slug").order(SecurityHeaders.ORDER + 1).handler(this::serve);
  }

  private void serve(RoutingContext context) {
    CachedPage page = cache.getIfCached(context.pathParam("slug"));
    if (page == null) {
      context.next();
      return;
    }
    views.record(page.articleId());
    context
        .response()
        .putHeader(HttpHeaders.CONTENT_TYPE, PublicCaching.HTML)
        .putHeader(HttpHeaders.CACHE_CONTROL, caching.cacheControl())
        .end(Buffer.buffer(page.view()));
  }
}
