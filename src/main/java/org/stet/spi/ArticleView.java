package org.stet.spi;

import java.time.Instant;
import java.util.List;

/**
 * A published article as plugins see it; immutable.
 *
 * @param categorySlug the category's slug, or {@code null} when it has none
 * @param tagSlugs the tags' slugs in the article's order
 * @param authors the byline, in order
 * @param issue the journal issue the article is placed in, or {@code null} (since 0.2)
 * @since 0.1
 */
public record ArticleView(
    long id,
    String slug,
    String title,
    Instant publishedAt,
    String categorySlug,
    List<String> tagSlugs,
    List<PersonView> authors,
    IssueView issue) {

  public ArticleView {
    tagSlugs = List.copyOf(tagSlugs);
    authors = List.copyOf(authors);
  }
}
