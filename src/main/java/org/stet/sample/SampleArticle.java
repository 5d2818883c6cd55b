package org.stet.sample;

import java.util.List;
import java.util.Map;

/** The front matter of a sample article fixture ({@code src/main/resources/sample/*.md}). */
record SampleArticle(
    SiteSettings site,
    String title,
    String slug,
    String publishedAt,
    String category,
    List<String> tags,
    long views,
    List<String> authors,
    String excerpt,
    JournalPlacement journal,
    List<Map<String, Object>> references) {

  /** Site settings applied while the site still has its installation defaults. */
  record SiteSettings(String name, String tagline, String timeZone) {}

  record JournalPlacement(String name, String citationStyle, Issue issue) {}

  record Issue(int number, Integer volume, int year, int month, String title, String status) {}
}
