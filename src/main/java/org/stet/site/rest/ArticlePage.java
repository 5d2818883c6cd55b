package org.stet.site.rest;

import io.quarkus.arc.Unremovable;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.stet.site.ArticlePageCache.CachedPage;
import org.stet.site.ArticlePageRenderer;
import org.stet.site.PageModels.ArticleDetail;
import org.stet.site.PageModels.Chrome;
import org.stet.site.ViewCounter;
import org.stet.site.service.PublicSiteService;

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

  ArticlePage(PublicSiteService site, ViewCounter views) {
    this.site = site;
    this.views = views;
  }

  @Override
  @ActivateRequestContext
  @Transactional
  public CachedPage render(String slug) {
    return site.article(slug)
        .map(
            article -> {
              long id = article.view().id();
              String html = Templates.article(site.chrome(), article, VIEWS_MARKER).render();
              return new CachedPage(id, html, VIEWS_MARKER, article.views() + views.pending(id));
            })
        .orElse(null);
  }
}
