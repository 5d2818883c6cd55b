package org.stet.search;

import java.time.Instant;
import java.util.List;

/**
 * A page of hits.
 *
 * @param hits this page's hits, best first
 * @param count how many articles match in all, counted up to {@link #COUNTED}
 * @param moreThanCounted whether more than {@link #COUNTED} match
 * @param next where the next page starts, or null on the last page
 * @param suggestion a search with similar words that finds something, when this one finds nothing
 * @param onlyCommonWords whether every word was too common to search for ("the", "of")
 */
public record SearchResults(
    List<Hit> hits,
    long count,
    boolean moreThanCounted,
    SearchCursor next,
    String suggestion,
    boolean onlyCommonWords) {

  /** No search: nothing asked, nothing found. */
  public static final SearchResults NONE =
      new SearchResults(List.of(), 0, false, null, null, false);

  /** Matches are counted exactly up to this many. */
  public static final int COUNTED = 1_000;

  /** A name and the slug of its page. */
  public record Named(String name, String slug) {}

  /** A piece of a snippet: text as written, and whether it matched the search. */
  public record Fragment(String text, boolean match) {}

  /**
   * An article found: its authors are empty when its reader may not know them (an anonymous
   * review), its category and publication time null when it has none.
   */
  public record Hit(
      long id,
      String slug,
      String title,
      org.stet.article.ArticleStatus status,
      Instant publishedAt,
      List<Named> authors,
      Named category,
      List<Fragment> snippet) {}
}
