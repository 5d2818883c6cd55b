package org.stet.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.stet.citation.CslItem;

/**
 * The {@code <meta>} elements of an article page for those who read them: Highwire Press tags for
 * Google Scholar and Zotero ({@code citation_*}), Dublin Core ({@code DC.*}), OpenGraph and a
 * Twitter card. An article in no journal issue gets no journal tags. Values are plain text; the
 * template escapes them.
 */
public final class CitationMetaTags {

  /** One {@code <meta>}: {@code attribute} is "name" or "property", never user text. */
  public record Meta(String attribute, String key, String value) {}

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
  private static final DateTimeFormatter DASHED = DateTimeFormatter.ISO_LOCAL_DATE;

  private final List<Meta> metas = new ArrayList<>();

  private CitationMetaTags() {}

  /** Every tag for {@code article}, in the order Google Scholar documents. */
  public static List<Meta> of(CitableArticle article) {
    CitationMetaTags tags = new CitationMetaTags();
    tags.highwire(article);
    tags.dublinCore(article);
    tags.openGraph(article);
    return List.copyOf(tags.metas);
  }

  private void highwire(CitableArticle article) {
    name("citation_title", article.title());
    for (CitableArticle.Author author : article.authors()) {
      name("citation_author", author.name());
      name("citation_author_institution", author.affiliation());
      name("citation_author_orcid", author.orcidUrl());
    }
    String date = SLASHED.format(article.published().atZone(article.zone()));
    name("citation_publication_date", date);
    name("citation_online_date", date);
    CitableArticle.Issue issue = article.issue();
    if (issue != null) {
      name("citation_journal_title", issue.journal());
      name("citation_publisher", issue.publisher());
      issue.issns().forEach(issn -> name("citation_issn", issn));
      name("citation_volume", issue.volume() == null ? null : issue.volume().toString());
      name("citation_issue", Integer.toString(issue.number()));
    }
    name("citation_doi", article.doi());
    name("citation_abstract_html_url", article.url());
    name("citation_fulltext_html_url", article.url());
    name("citation_pdf_url", article.pdfUrl());
    name("citation_language", article.languageCode());
    if (!article.keywords().isEmpty()) {
      name("citation_keywords", String.join("; ", article.keywords()));
    }
    article.references().stream()
        .map(CslItem::new)
        .map(CitationMetaTags::reference)
        .forEach(reference -> name("citation_reference", reference));
  }

  private void dublinCore(CitableArticle article) {
    name("DC.title", article.title());
    article.authors().forEach(author -> name("DC.creator", author.name()));
    name("DC.date", DASHED.format(article.published().atZone(article.zone())));
    name("DC.publisher", article.publisher());
    name("DC.description", article.excerpt());
    article.keywords().forEach(keyword -> name("DC.subject", keyword));
    name("DC.type", "Text");
    name("DC.format", "text/html");
    name("DC.language", article.languageCode());
    name("DC.identifier", article.url());
    if (article.doi() != null) {
      name("DC.identifier", "doi:" + article.doi());
    }
    CitableArticle.Issue issue = article.issue();
    if (issue != null) {
      name("DC.source", issue.journal());
      issue.issns().forEach(issn -> name("DC.source.ISSN", issn));
      name("DC.source.volume", issue.volume() == null ? null : issue.volume().toString());
      name("DC.source.issue", Integer.toString(issue.number()));
    }
  }

  private void openGraph(CitableArticle article) {
    property("og:type", "article");
    property("og:title", article.title());
    property("og:url", article.url());
    property("og:site_name", article.siteName());
    property("og:description", article.excerpt());
    // OpenGraph wants language and territory ("en_GB"); a bare language is left to its default
    if (article.language() != null && article.language().matches("[a-z]{2,3}[-_][A-Z]{2}")) {
      property("og:locale", article.language().replace('-', '_'));
    }
    property("article:published_time", seconds(article.published(), article.zone()));
    property(
        "article:modified_time",
        seconds(
            article.modified() == null ? article.published() : article.modified(), article.zone()));
    article.authors().forEach(author -> property("article:author", author.url()));
    property("article:section", article.category());
    article.keywords().forEach(keyword -> property("article:tag", keyword));
    name("twitter:card", "summary");
    name("twitter:title", article.title());
    name("twitter:description", article.excerpt());
  }

  /**
   * A reference as Google Scholar reads {@code citation_reference}: {@code key=value} pairs
   * separated by "; " (so a semicolon inside a value becomes a comma).
   */
  static String reference(CslItem item) {
    StringJoiner pairs = new StringJoiner("; ");
    item.names("author").forEach(name -> pair(pairs, "citation_author", name.inverted()));
    item.text("title").ifPresent(title -> pair(pairs, "citation_title", title));
    item.text("container-title")
        .ifPresent(
            container ->
                pair(
                    pairs,
                    item.type().equals("article-journal")
                        ? "citation_journal_title"
                        : "citation_inbook_title",
                    container));
    item.text("publisher").ifPresent(publisher -> pair(pairs, "citation_publisher", publisher));
    item.year("issued")
        .ifPresent(year -> pair(pairs, "citation_publication_date", year.toString()));
    item.text("volume").ifPresent(volume -> pair(pairs, "citation_volume", volume));
    item.text("issue").ifPresent(issue -> pair(pairs, "citation_issue", issue));
    item.firstPage().ifPresent(page -> pair(pairs, "citation_firstpage", page));
    item.lastPage().ifPresent(page -> pair(pairs, "citation_lastpage", page));
    item.text("DOI").ifPresent(doi -> pair(pairs, "citation_doi", doi));
    return pairs.toString();
  }

  private static void pair(StringJoiner pairs, String key, String value) {
    pairs.add(key + "=" + value.replace(';', ','));
  }

  private void name(String key, String value) {
    add("name", key, value);
  }

  private void property(String key, String value) {
    add("property", key, value);
  }

  private void add(String attribute, String key, String value) {
    if (value != null && !value.isBlank()) {
      metas.add(new Meta(attribute, key, value.strip()));
    }
  }

  private static String seconds(Instant at, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }
}
