package org.stet.pluginhost;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.site.service.PublicSiteService;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;

/** Stet's published articles for plugins, as immutable views. */
@ApplicationScoped
@Transactional(SUPPORTS)
public class PluginArticles implements Articles {

  @Override
  public Optional<ArticleView> published(long articleId) {
    Article article = Article.findById(articleId);
    return article == null || article.status != ArticleStatus.PUBLISHED
        ? Optional.empty()
        : Optional.of(PublicSiteService.view(article));
  }

  @Override
  public Optional<ArticleView> publishedBySlug(String slug) {
    return Article.findPublishedBySlug(slug).map(PublicSiteService::view);
  }
}
