package org.stet.spi;

/**
 * Transforms an article's rendered, sanitised body HTML before it is shown (and cached). Implement
 * it as an {@code @ApplicationScoped} bean. Called only while the plugin is enabled, in bean order.
 * What it returns is cleaned by the article body's policy (since 0.4: the elements Markdown writes,
 * no classes, ids, forms or buttons of its own); a filter that throws is skipped (logged and
 * counted) and the others still run.
 *
 * @since 0.2
 */
public interface ContentFilter {

  /** The filtering plugin's id. */
  String pluginId();

  /** The body HTML to show for {@code article}; return {@code html} to change nothing. */
  default String filterArticleHtml(ArticleView article, String html) {
    return html;
  }
}
