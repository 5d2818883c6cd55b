package org.stet.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sample content for a new installation ({@code stet.sample-content.*}). */
@ConfigMapping(prefix = "stet.sample-content")
public interface SampleContentConfig {

  /** Import the sample article on start when it is not there yet; off for a real site. */
  @WithDefault("true")
  boolean enabled();
}
