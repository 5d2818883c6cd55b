package org.stet.spi;

/**
 * Adds HTML to page slots. Implement it as an {@code @ApplicationScoped} bean.
 *
 * <p>The HTML returned must be escaped or sanitised by the plugin (write it with Qute templates,
 * which escape by default, or jsoup's element API). Stet cleans it once more with the slot's policy
 * (since 0.4): list items and links in {@code desk.nav}, plain text in {@code
 * article.comment-count}, {@code meta}/{@code link} in {@code head}, document elements and forms
 * elsewhere; never scripts (but JSON-LD data blocks), styles, frames or event handlers. An
 * exception leaves the slot empty for this plugin and is logged with the plugin's id; the page is
 * still served.
 *
 * @since 0.1
 */
public interface SlotContributor {

  /** The contributing plugin's id, kebab-case, e.g. {@code disclaimers}. */
  String pluginId();

  /** HTML for a slot on every public page ({@code head}); empty for nothing. */
  default String renderSiteSlot(Slot slot) {
    return "";
  }

  /** HTML for {@code slot} on the page of {@code article}; empty for nothing. */
  default String renderArticleSlot(Slot slot, ArticleView article) {
    return "";
  }

  /** HTML for {@code slot} on the page of {@code person}; empty for nothing. */
  default String renderPersonSlot(Slot slot, PersonView person) {
    return "";
  }

  /**
   * HTML for a desk slot ({@code desk.nav}) shown to {@code user}; empty for nothing.
   *
   * @since 0.2
   */
  default String renderDeskSlot(Slot slot, DeskUser user) {
    return "";
  }
}
