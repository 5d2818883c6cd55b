package org.stet.site;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.stet.site.config.SiteConfig;
import org.stet.workflow.ArticleChanged;

/**
 * Rendered article pages by slug, so a popular article costs one render, not one per request.
 *
 * <p>The view count is not baked into the cached HTML: a page is kept as the HTML before and after
 * the count, and each request splices in the current count, so counting views never invalidates a
 * page. Pages are re-rendered in the background after {@code stet.site.page-refresh} while the old
 * one is still served, so readers never queue behind a render; a first request for a page renders
 * it once, however many readers ask at once.
 */
@ApplicationScoped
public class ArticlePageCache {

  /**
   * A rendered page: the HTML around the view count, the count when it was rendered, and the views
   * served since.
   */
  public static final class CachedPage {
    private final long articleId;
    private final byte[] head;
    private final byte[] tail;
    private final long viewsAtRender;
    private final LongAdder viewsSince = new LongAdder();

    public CachedPage(long articleId, String html, String viewsMarker, long viewsAtRender) {
      int at = html.indexOf(viewsMarker);
      if (at < 0) {
        throw new IllegalArgumentException("The page has no view count marker");
      }
      this.articleId = articleId;
      this.head = html.substring(0, at).getBytes(StandardCharsets.UTF_8);
      this.tail = html.substring(at + viewsMarker.length()).getBytes(StandardCharsets.UTF_8);
      this.viewsAtRender = viewsAtRender;
    }

    public long articleId() {
      return articleId;
    }

    /** Counts one view and returns the page showing the views before it. */
    public ByteBuf view() {
      long shown = viewsAtRender + viewsSince.sum();
      viewsSince.increment();
      byte[] count = Long.toString(shown).getBytes(StandardCharsets.US_ASCII);
      return Unpooled.wrappedBuffer(head, count, tail);
    }
  }

  private final ExecutorService refresher =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "stet-page-refresh");
            thread.setDaemon(true);
            return thread;
          });
  private final LoadingCache<String, CachedPage> pages;

  ArticlePageCache(SiteConfig config, ArticlePageRenderer renderer) {
    Function<String, CachedPage> render = renderer::render;
    this.pages =
        Caffeine.newBuilder()
            .maximumSize(config.pageCacheSize())
            .refreshAfterWrite(config.pageRefresh())
            .executor(refresher)
            .build(render::apply);
  }

  /** The cached page, or {@code null}; never blocks, so the event loop may call it. */
  public CachedPage getIfCached(String slug) {
    return pages.getIfPresent(slug);
  }

  /** The page, rendered now if it is not cached; {@code null} when there is no such article. */
  public CachedPage get(String slug) {
    return pages.get(slug);
  }

  /** Drops an article's page when what readers see of it changed (published, retracted...). */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    pages.invalidate(change.slug());
  }

  /** Drops every page when what plugins add to pages changed (a plugin switched on or off). */
  void onPlugins(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.pluginhost.PluginsChanged change) {
    pages.invalidateAll();
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
  }
}
