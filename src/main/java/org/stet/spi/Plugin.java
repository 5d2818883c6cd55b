package org.stet.spi;

/**
 * A plugin: one {@code @ApplicationScoped} bean per plugin implements this and says who it is.
 * Everything else a plugin does goes through the other SPI interfaces, which Stet calls only while
 * the plugin is enabled.
 *
 * @since 0.2
 */
public interface Plugin {

  /** The plugin's identity card and settings schema; must not change while Stet runs. */
  PluginDescriptor descriptor();

  /**
   * The plugin's Flyway migrations, as classpath resources in order, e.g. {@code
   * db/plugins/disclaimers/V1__disclaimers.sql} (named {@code V<n>__<words>.sql}). Stet applies
   * them at start with a schema history table of the plugin's own, so plugin versions never collide
   * with the core's or another plugin's. Tables a plugin creates start with its id (dashes as
   * underscores), e.g. {@code disclaimers_rule}.
   */
  default java.util.List<String> migrations() {
    return java.util.List.of();
  }
}
