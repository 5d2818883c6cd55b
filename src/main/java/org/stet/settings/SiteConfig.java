package org.stet.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the public site ({@code stet.site.*}). */
@ConfigMapping(prefix = "stet.site")
public interface SiteConfig {

  /** The site's public address, for links in e-mails (no trailing slash). */
  @WithDefault("http://localhost:8080")
  String baseUrl();

  /** Articles per page on the home, category, tag and author pages. */
  @WithDefault("10")
  int pageSize();

  /** Names per page on the authors index ({@code /authors}). */
  @WithDefault("50")
  int authorsPageSize();

  /** How often counted page views are written to the database in one statement. */
  @WithDefault("5s")
  Duration viewFlushInterval();

  /** How many rendered article pages are kept in memory. */
  @WithDefault("10000")
  int pageCacheSize();

  /**
   * How long a cached article page is served before it is re-rendered in the background (views
   * counted by other instances, plugin output that depends on time).
   */
  @WithDefault("30s")
  Duration pageRefresh();

  /** {@code Cache-Control: max-age} of public pages, in seconds. */
  @WithDefault("60")
  int maxAgeSeconds();

  /**
   * How long the sitemap index ({@code /sitemap.xml}) is reused before it is read again; a
   * published or retracted article drops it at once.
   */
  @WithDefault("10m")
  Duration sitemapIndexRefresh();

  /**
   * Records per page of an OAI-PMH list (ListRecords, ListIdentifiers) before a resumption token.
   */
  @WithDefault("100")
  int oaiPageSize();

  /**
   * The address readers and harvesters may write to (OAI-PMH's {@code adminEmail}); when unset, the
   * address Stet mails from.
   */
  java.util.Optional<String> contactEmail();
}
