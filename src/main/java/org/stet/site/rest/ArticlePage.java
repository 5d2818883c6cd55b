package org.stet.site.rest;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.UUID;
import org.stet.site.ArticlePageCache.CachedPage;
import org.stet.site.ArticlePageRenderer;
import org.stet.site.PageModels.ArticleDetail;
import org.stet.site.PageModels.Chrome;
import org.stet.site.ViewCounter;
import org.stet.site.service.PublicSiteService;
import org.stet.spi.FormStamps;

/** The article page template and its rendering into a cacheable page. */
@ApplicationScoped
@Unremovable
public class ArticlePage implements ArticlePageRenderer {

  /**
   * Stands where the view count goes; unguessable, so no article text can contain it and split the
   * page in the wrong place.
   */
  private static final String VIEWS_MARKER = "stet-views-" + UUID.randomUUID();

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance article(Chrome chrome, ArticleDetail article, String views);
  }

  private final PublicSiteService site;
  private final ViewCounter views;
  private final FormStamps stamps;

  ArticlePage(PublicSiteService site, ViewCounter views, FormStamps stamps) {
    this.site = site;
    this.views = views;
    this.stamps = stamps;
  }

  /**
   * Loads the page's data in a transaction, then renders it after that transaction has ended:
   * plugins called from the template's slots then take a database connection one at a time, never a
   * second one while the page holds the first.
   */
  @Override
  @ActivateRequestContext
  public CachedPage render(String slug) {
    record Loaded(Chrome chrome, ArticleDetail article) {}
    return QuarkusTransaction.requiringNew()
        .call(() -> site.article(slug).map(article -> new Loaded(site.chrome(), article)))
        .map(
            loaded -> {
              long id = loaded.article().view().id();
              String html =
                  Templates.article(loaded.chrome(), loaded.article(), VIEWS_MARKER).render();
              return new CachedPage(
                  id,
                  html,
                  VIEWS_MARKER,
                  loaded.article().views() + views.pending(id),
                  stamps::issue);
            })
        .orElse(null);
  }
}
