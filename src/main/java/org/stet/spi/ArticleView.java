package org.stet.spi;

import java.time.Instant;
import java.util.List;

/**
 * A published article as plugins see it; immutable.
 *
 * @param categorySlug the category's slug, or {@code null} when it has none
 * @param tagSlugs the tags' slugs in the article's order
 * @param authors the byline, in order
 * @since 0.1
 */
public record ArticleView(
    long id,
    String slug,
    String title,
    Instant publishedAt,
    String categorySlug,
    List<String> tagSlugs,
    List<PersonView> authors) {

  public ArticleView {
    tagSlugs = List.copyOf(tagSlugs);
    authors = List.copyOf(authors);
  }
}
