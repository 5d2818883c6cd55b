package org.stet.site.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the public site ({@code stet.site.*}). */
@ConfigMapping(prefix = "stet.site")
public interface SiteConfig {

  /** Articles per page on the home, category, tag and author pages. */
  @WithDefault("10")
  int pageSize();

  /** How often counted page views are written to the database in one statement. */
  @WithDefault("5s")
  Duration viewFlushInterval();

  /** How many rendered article pages are kept in memory. */
  @WithDefault("10000")
  int pageCacheSize();

  /** {@code Cache-Control: max-age} of public pages, in seconds. */
  @WithDefault("60")
  int maxAgeSeconds();
}
