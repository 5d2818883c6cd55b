package org.stet.spi;

/**
 * Adds HTML to page slots. Implement it as an {@code @ApplicationScoped} bean.
 *
 * <p>The HTML returned is put on the page as it is, so it must be escaped or sanitised by the
 * plugin (Qute templates escape by default). An exception leaves the slot empty for this plugin and
 * is logged with the plugin's id; the page is still served.
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
