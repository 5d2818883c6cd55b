package org.stet.spi;

/**
 * What Stet tells a plugin about its own state; inject it. Implemented by Stet.
 *
 * @since 0.2
 */
public interface PluginContext {

  /** Whether the plugin {@code pluginId} is enabled on this site right now. */
  boolean enabled(String pluginId);

  /** The plugin's current settings, defaults filled in. */
  PluginSettings settings(String pluginId);

  /**
   * Tells Stet that what the plugin shows on pages changed (e.g. an editor edited a disclaimer):
   * cached pages are dropped, so readers see the change at once.
   */
  void pagesChanged(String pluginId);

  /**
   * Tells Stet that what the plugin shows on one article's page changed (e.g. a comment was
   * approved): only that page is re-rendered.
   *
   * @since 0.3
   */
  void articleChanged(String pluginId, long articleId);

  /**
   * The site's name, tagline, language and time zone.
   *
   * @since 0.3
   */
  SiteView site();
}
