package org.stet.pluginhost;

import java.util.Optional;
import org.stet.article.Article;
import org.stet.journal.IssuePlacement;
import org.stet.person.Person;
import org.stet.spi.ArticleView;
import org.stet.spi.PersonView;

/** Stet's entities as the immutable records plugins get through the SPI. */
public final class PluginViews {

  private PluginViews() {}

  /** The article as plugins see it. */
  public static ArticleView view(Article article) {
    return view(article, IssuePlacement.findByArticle(article));
  }

  public static ArticleView view(Article article, Optional<IssuePlacement> placement) {
    return new ArticleView(
        article.id,
        article.slug,
        article.title,
        article.publishedAt,
        article.category == null ? null : article.category.slug,
        article.tags.stream().map(tag -> tag.slug).toList(),
        article.authors.stream().map(PluginViews::view).toList(),
        placement
            .map(
                p ->
                    new org.stet.spi.IssueView(
                        p.issue.journal.slug,
                        p.issue.journal.name,
                        p.issue.number,
                        p.issue.year,
                        p.issue.month,
                        p.issue.status == org.stet.journal.IssueStatus.PUBLISHED))
            .orElse(null));
  }

  /** The person as plugins see them. */
  public static PersonView view(Person person) {
    return new PersonView(person.id, person.slug, person.displayName);
  }
}
