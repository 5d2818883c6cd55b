package org.stet.pluginhost;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
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
        : Optional.of(PluginViews.view(article));
  }

  @Override
  public Map<Long, ArticleHeading> headings(Collection<Long> articleIds) {
    Map<Long, ArticleHeading> headings = new HashMap<>();
    if (articleIds.isEmpty()) {
      return headings;
    }
    List<Object[]> rows =
        Article.getEntityManager()
            .createQuery(
                "select a.id, a.slug, a.title, a.status from Article a where a.id in :ids",
                Object[].class)
            .setParameter("ids", articleIds)
            .getResultList();
    for (Object[] row : rows) {
      long id = (Long) row[0];
      headings.put(
          id,
          new ArticleHeading(
              id, (String) row[1], (String) row[2], row[3] == ArticleStatus.PUBLISHED));
    }
    return headings;
  }

  @Override
  public Optional<ArticleView> publishedBySlug(String slug) {
    return Article.findPublishedBySlug(slug).map(PluginViews::view);
  }
}
