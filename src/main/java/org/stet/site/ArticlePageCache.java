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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.stet.article.ArticleChanged;
import org.stet.settings.SiteConfig;
import org.stet.spi.FormStamps;

/**
 * Rendered article pages by slug, so a popular article costs one render, not one per request.
 *
 * <p>The view count is not baked into the cached HTML: a page is kept as the HTML before and after
 * the count, and each request splices in the current count, so counting views never invalidates a
 * page. Forms in plugin slots get a fresh form stamp per request the same way. Pages are
 * re-rendered in the background after {@code stet.site.page-refresh} while the old one is still
 * served, so readers never queue behind a render; a first request for a page renders it once,
 * however many readers ask at once.
 */
@ApplicationScoped
public class ArticlePageCache {

  /**
   * A rendered page: the HTML around the view count, the count when it was rendered, and the views
   * served since.
   */
  public static final class CachedPage {
    private static final byte[] NOTHING = new byte[0];

    private final long articleId;

    /** The page's HTML between the holes: one more part than holes. */
    private final byte[][] parts;

    /** Per hole: true for the view count, false for a form stamp. */
    private final boolean[] viewHoles;

    private final Supplier<String> stamps;
    private final long viewsAtRender;
    private final LongAdder viewsSince = new LongAdder();

    /**
     * @param viewsMarker where the view count goes (exactly once)
     * @param stamps fresh form stamps, for every {@link FormStamps#PLACEHOLDER} in the page
     */
    public CachedPage(
        long articleId,
        String html,
        String viewsMarker,
        long viewsAtRender,
        Supplier<String> stamps) {
      List<byte[]> pieces = new ArrayList<>();
      List<Boolean> holes = new ArrayList<>();
      int from = 0;
      int views = 0;
      while (true) {
        int view = html.indexOf(viewsMarker, from);
        int stamp = html.indexOf(FormStamps.PLACEHOLDER, from);
        if (view < 0 && stamp < 0) {
          break;
        }
        boolean isView = view >= 0 && (stamp < 0 || view < stamp);
        int at = isView ? view : stamp;
        pieces.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
        holes.add(isView);
        views += isView ? 1 : 0;
        from = at + (isView ? viewsMarker : FormStamps.PLACEHOLDER).length();
      }
      if (views != 1) {
        throw new IllegalArgumentException("The page needs one view count marker: " + views);
      }
      pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
      this.articleId = articleId;
      this.parts = pieces.toArray(byte[][]::new);
      this.viewHoles = new boolean[holes.size()];
      for (int i = 0; i < viewHoles.length; i++) {
        viewHoles[i] = holes.get(i);
      }
      this.stamps = stamps;
      this.viewsAtRender = viewsAtRender;
    }

    public long articleId() {
      return articleId;
    }

    /** Counts one view and returns the page showing the views before it (and fresh stamps). */
    public ByteBuf view() {
      long shown = viewsAtRender + viewsSince.sum();
      viewsSince.increment();
      byte[] count = Long.toString(shown).getBytes(StandardCharsets.US_ASCII);
      byte[] stamp = NOTHING;
      if (viewHoles.length > 1) {
        stamp = stamps.get().getBytes(StandardCharsets.US_ASCII);
      }
      byte[][] all = new byte[parts.length + viewHoles.length][];
      for (int i = 0; i < viewHoles.length; i++) {
        all[2 * i] = parts[i];
        all[2 * i + 1] = viewHoles[i] ? count : stamp;
      }
      all[all.length - 1] = parts[parts.length - 1];
      return Unpooled.wrappedBuffer(all);
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

  /** Drops every page when a citation style changed: citations and reference lists differ. */
  void onStyle(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.journal.service.CitationStyleService.StyleChanged change) {
    pages.invalidateAll();
  }

  /** Drops every page when a journal's ISSNs or publisher changed: article pages carry them. */
  void onJournalDetails(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.journal.service.JournalDetailsService.DetailsChanged change) {
    pages.invalidateAll();
  }

  /** Drops every page when a library image was replaced or deleted: it may show anywhere. */
  void onMedia(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.media.service.MediaService.MediaChanged change) {
    pages.invalidateAll();
  }

  /** Drops every page when a category was renamed or merged: pages name their category. */
  void onCategories(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.article.service.CategoryService.CategoriesChanged change) {
    pages.invalidateAll();
  }

  @PreDestroy
  void stop() {
    refresher.shutdownNow();
  }
}
