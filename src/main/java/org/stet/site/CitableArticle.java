package org.stet.site;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A published article as citation metadata describes it, with absolute addresses: what {@link
 * CitationMetaTags} and {@link ArticleStructuredData} write for search engines, harvesters and
 * reference managers. {@code issue} is null for an article in no journal issue (a blog post);
 * {@code modified} is its newest correction (null: never corrected); {@code doi}, {@code pdfUrl},
 * {@code excerpt} and {@code category} may be null.
 */
public record CitableArticle(
    String url,
    String title,
    String excerpt,
    Instant published,
    Instant modified,
    ZoneId zone,
    String language,
    String siteName,
    String siteUrl,
    String doi,
    String pdfUrl,
    String category,
    List<Author> authors,
    List<String> keywords,
    List<Map<String, Object>> references,
    Issue issue) {

  /** An author: byline name, author page, ORCID iD (bare) and affiliation, the last two or null. */
  public record Author(String name, String url, String orcid, String affiliation) {

    /** The ORCID iD as its address, or null. */
    public String orcidUrl() {
      return orcid == null ? null : "https://orcid.org/" + orcid;
    }
  }

  /**
   * The journal issue that holds the article: journal name, address and publisher (the site's name
   * when the journal names none), its ISSNs (print first), the issue's volume (may be null),
   * number, year, month and address.
   */
  public record Issue(
      String journal,
      String journalUrl,
      String publisher,
      List<String> issns,
      Integer volume,
      int number,
      int year,
      int month,
      String url) {}

  /** The language's primary subtag, as Highwire and Dublin Core want it ("en" of "en-GB"). */
  public String languageCode() {
    return language == null ? null : language.split("[-_]", 2)[0];
  }

  /** The DOI as its address, or null. */
  public String doiUrl() {
    return doi == null ? null : "https://doi.org/" + doi;
  }

  /** Who publishes it: the journal's publisher, or the site. */
  public String publisher() {
    return issue == null ? siteName : issue.publisher();
  }
}
