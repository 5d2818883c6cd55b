package org.stet.search;

import java.time.Instant;

/**
 * One search: the words as typed (already {@link SearchText#checked checked}), what narrows it, its
 * order, where the page starts and who is searching.
 *
 * @param words the query in web-search syntax: words, "phrases", -excluded, OR
 * @param filters what narrows the results (each null or empty when it does not)
 * @param newest newest first instead of by relevance
 * @param after the position after the last hit of the previous page, or null for the first
 * @param reader whose search it is: the public site's reader or someone on the desk
 * @param size hits per page
 */
public record SearchRequest(
    String words, Filters filters, boolean newest, SearchCursor after, Reader reader, int size) {

  /**
   * What narrows a search: slugs of a category, tag, author and journal, an issue number of that
   * journal, and a span of publication times ({@code from} inclusive, {@code until} exclusive).
   */
  public record Filters(
      String category,
      String tag,
      String author,
      String journal,
      Integer issue,
      Instant from,
      Instant until) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null, null);
  }

  /**
   * Who searches. The public reader finds published articles; on the desk, editors find every
   * article, authors the ones they wrote, reviewers the ones they were asked to review (by title
   * only, and without the authors' names, when the review is anonymous to them).
   */
  public record Reader(boolean everything, Long personId, Long reviewerId, boolean desk) {

    public static final Reader PUBLIC = new Reader(false, null, null, false);

    /**
     * Someone on the desk, by their roles (the same grants as {@code ArticleAccess} and the review
     * pages): editors and admins everything, authors their own articles, reviewers the ones they
     * were asked to review and did not decline.
     */
    public static Reader of(org.stet.article.service.Caller caller) {
      boolean everything =
          caller.is(org.stet.identity.Role.EDITOR) || caller.is(org.stet.identity.Role.ADMIN);
      Long person = caller.is(org.stet.identity.Role.AUTHOR) ? caller.personId() : null;
      Long reviewer =
          caller.is(org.stet.identity.Role.REVIEWER) ? Long.valueOf(caller.accountId()) : null;
      return new Reader(everything, person, reviewer, true);
    }
  }
}
