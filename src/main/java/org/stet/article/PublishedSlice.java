package org.stet.article;

import java.util.List;

/**
 * One page of a keyset-paginated listing, newest first, with the cursors for the links to the
 * neighbouring pages ({@code null} where there is none).
 */
public record PublishedSlice(List<Article> articles, PageCursor newer, PageCursor older) {

  public boolean isEmpty() {
    return articles.isEmpty();
  }
}
