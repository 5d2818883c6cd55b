package org.stet.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what authors write ({@code stet.articles.*}). */
@ConfigMapping(prefix = "stet.articles")
public interface ArticleConfig {

  /** Longest article body, in characters; a longer one is refused (413), never cut. */
  @WithDefault("1000000")
  int maxBodyLength();

  /** How often the desk's editor saves a changed draft by itself. */
  @WithDefault("30s")
  java.time.Duration autosaveInterval();
}
