package org.stet.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.ZoneId;

/** The institute or journal this Stet installation publishes: one row. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

  public static final short THE_SITE = 1;

  /** The name a new installation starts with (see the first migration). */
  public static final String DEFAULT_NAME = "Stet";

  @Id public Short id = THE_SITE;

  public String name;

  public String tagline;

  /** IANA zone in which dates are shown, e.g. {@code Asia/Almaty}. */
  @Column(name = "time_zone")
  public String timeZone = "UTC";

  public String locale = "en";

  /** The CSL style of citations and reference lists, unless a journal has its own. */
  @Column(name = "citation_style")
  public String citationStyle = "apa";

  /** How many articles a feed lists, newest first (1 to {@link #MAX_FEED_ENTRIES}). */
  @Column(name = "feed_entries")
  public int feedEntries = 20;

  /** Whether feed entries carry the article's full text (else its excerpt). */
  @Column(name = "feed_full_text")
  public boolean feedFullText;

  /**
   * The language search stems words in: one of PostgreSQL's text search languages ("english",
   * "german", ...), or "simple" for none (see {@code org.stet.search.SearchLanguages}).
   */
  @Column(name = "search_language")
  public String searchLanguage = "english";

  /** The most entries a feed may list. */
  public static final int MAX_FEED_ENTRIES = 100;

  public static Site current() {
    return findById(THE_SITE);
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
