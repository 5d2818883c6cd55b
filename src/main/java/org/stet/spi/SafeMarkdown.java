package org.stet.spi;

/**
 * Markdown that people type (a biography, a notice) as HTML that is safe to put on a page.
 * Implemented by Stet; inject it.
 *
 * @since 0.3
 */
public interface SafeMarkdown {

  /**
   * CommonMark with any raw HTML shown as text, then cleaned to paragraphs, lists, quotes,
   * emphasis, code and http(s)/mailto links: no images, scripts, styles or event handlers.
   */
  String toHtml(String markdown);
}
