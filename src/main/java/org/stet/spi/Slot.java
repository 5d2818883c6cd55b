package org.stet.spi;

/**
 * A named place on a public page where plugins may add HTML. The list is fixed so themes and
 * plugins agree on it; {@code docs/plugins.md} shows where each one appears.
 *
 * @since 0.1
 */
public enum Slot {
  /** Inside {@code <head>}, after Stet's own links. */
  HEAD("head"),
  /** Article page: between the meta line and the body. */
  ARTICLE_BEFORE_BODY("article.before-body"),
  /** Article page: right after the body text, before references and footnotes. */
  ARTICLE_AFTER_BODY("article.after-body"),
  /** Article page: after the publication note, before the tags (e.g. disclaimers). */
  ARTICLE_FOOTER("article.footer"),
  /** Article page: after the article, in a complementary region (e.g. author boxes). */
  ARTICLE_ASIDE("article.aside"),
  /** Article page: the comments section, the target of the meta line's comment link. */
  ARTICLE_COMMENTS("article.comments"),
  /**
   * Article page: the text of the meta line's link to the comments, e.g. {@code 3 comments};
   * nothing keeps "Comments".
   *
   * @since 0.3
   */
  ARTICLE_COMMENT_COUNT("article.comment-count"),
  /** Author page: under the author's name, above the list of their articles. */
  AUTHOR_PROFILE("author.profile"),
  /**
   * Desk: the navigation bar, after Stet's own links; list items ({@code <li><a ...></li>}).
   *
   * @since 0.2
   */
  DESK_NAV("desk.nav"),
  /**
   * Desk start page: what waits for the signed-in person, after Stet's own to-dos; list items
   * ({@code <li><a ...>3 comments wait for moderation</a></li>}), nothing when nothing waits.
   *
   * @since 0.6
   */
  DESK_TODOS("desk.todos");

  private final String id;

  Slot(String id) {
    this.id = id;
  }

  /** The slot's name as documentation and templates write it, e.g. {@code article.footer}. */
  public String id() {
    return id;
  }
}
