package org.stet.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.stet.article.service.Caller;
import org.stet.settings.SearchConfig;

/** The desk's search (the desk page and the JSON API): what the caller may open, any state. */
@ApplicationScoped
public class DeskSearch {

  private final SearchIndex index;
  private final int pageSize;

  DeskSearch(SearchIndex index, SearchConfig config) {
    this.index = index;
    this.pageSize = config.pageSize();
  }

  /** A page of what {@code caller} may open matching {@code words} (already checked). */
  public SearchResults find(String words, SearchCursor after, Caller caller) {
    if (words.isEmpty()) {
      return SearchResults.NONE;
    }
    return index.search(
        new SearchRequest(
            words,
            SearchRequest.Filters.NONE,
            false,
            after,
            SearchRequest.Reader.of(caller),
            pageSize));
  }
}
