package org.stet.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Search ({@code stet.search.*}); the language it stems words in is a site setting. */
@ConfigMapping(prefix = "stet.search")
public interface SearchConfig {

  /** The longest a search may run in the database before it is stopped and the reader told. */
  @WithDefault("2s")
  Duration timeout();

  /** Hits on a page of results. */
  @WithDefault("20")
  int pageSize();
}
