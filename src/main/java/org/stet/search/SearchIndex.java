package org.stet.search;

/**
 * Finds articles by their words. PostgreSQL's full-text search answers by default ({@link
 * PostgresSearchIndex}); another engine would implement this interface.
 */
public interface SearchIndex {

  /** A page of hits of {@code request}, visible to its reader only. */
  SearchResults search(SearchRequest request);

  /**
   * Writes every article's search row afresh (after the search language changed), in small batches
   * that never block readers or writers, telling {@code progress} each batch's size; answers how
   * many articles it read.
   */
  long reindex(java.util.function.LongConsumer progress);
}
