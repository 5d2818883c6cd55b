package org.stet.site.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.stet.article.Article;
import org.stet.citation.CitationProcessor;
import org.stet.journal.IssuePlacement;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.pluginhost.ExtensionHost;
import org.stet.pluginhost.PluginViews;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;
import org.stet.site.ArticleStructuredData;
import org.stet.site.CitableArticle;
import org.stet.site.CitationFormats;
import org.stet.site.Links;
import org.stet.spi.AuthorDetails;

/**
 * Published articles and issues as citation metadata describes them: absolute addresses, the
 * journal's ISSNs and publisher, and what enabled plugins know of the authors. Called inside the
 * page's read transaction.
 */
@ApplicationScoped
public class CitableArticles {

  private final ExtensionHost extensions;
  private final SiteConfig config;
  private final CitationProcessor processor;

  CitableArticles(ExtensionHost extensions, SiteConfig config, CitationProcessor processor) {
    this.extensions = extensions;
    this.config = config;
    this.processor = processor;
  }

  /** How to cite {@code article} in citation style {@code style}, as sanitised HTML. */
  public String formatted(CitableArticle article, String style) {
    List<CitationProcessor.Entry> entries =
        processor.process(style, List.of(CitationFormats.csl(article)), List.of()).entries();
    return entries.isEmpty() ? "" : entries.get(0).html();
  }

  /** The article's references as plain text in citation style {@code style}, in order. */
  public List<String> referenceTexts(CitableArticle article, String style) {
    if (article.references() == null || article.references().isEmpty()) {
      return List.of();
    }
    java.util.Map<String, String> byKey = new java.util.HashMap<>();
    for (CitationProcessor.Entry entry :
        processor.process(style, article.references(), List.of()).entries()) {
      byKey.put(entry.key(), org.jsoup.Jsoup.parseBodyFragment(entry.html()).text());
    }
    return article.references().stream()
        .map(item -> byKey.getOrDefault(org.stet.citation.References.key(item), ""))
        .toList();
  }

  /**
   * {@code article}, in the issue of {@code placement} if any; {@code modified} is its newest
   * correction (null: none), {@code pdfPath} the address of its first PDF (null: none).
   */
  public CitableArticle of(
      Article article,
      Optional<IssuePlacement> placement,
      Instant modified,
      String pdfPath,
      ZoneId zone) {
    String site = siteUrl();
    Site settings = Site.current();
    LocalDate day = article.publishedAt.atZone(zone).toLocalDate();
    List<CitableArticle.Author> authors =
        article.authors.stream()
            .map(
                person -> {
                  AuthorDetails.Details known =
                      extensions.authorDetails(PluginViews.view(person), day);
                  return new CitableArticle.Author(
                      person.displayName,
                      site + Links.author(person.slug),
                      known.orcid(),
                      known.affiliation());
                })
            .toList();
    return new CitableArticle(
        site + Links.article(article.slug),
        article.title,
        article.excerpt,
        article.publishedAt,
        modified,
        zone,
        settings.locale,
        settings.name,
        site + "/",
        article.doi,
        pdfPath == null ? null : site + pdfPath,
        article.category == null ? null : article.category.name,
        authors,
        article.tags.stream().map(tag -> tag.name).toList(),
        article.references,
        placement.map(p -> issue(p.issue)).orElse(null));
  }

  /** The issue as its articles' metadata names it. */
  public CitableArticle.Issue issue(JournalIssue issue) {
    Journal journal = issue.journal;
    String site = siteUrl();
    return new CitableArticle.Issue(
        journal.name,
        site + Links.journal(journal.slug),
        journal.publisher != null ? journal.publisher : Site.current().name,
        Stream.of(journal.printIssn, journal.onlineIssn).filter(Objects::nonNull).toList(),
        issue.volume,
        issue.number,
        issue.year,
        issue.month,
        site + Links.issue(journal.slug, issue.number));
  }

  /** The JSON-LD of an issue's page: the issue and its published {@code articles}, in order. */
  public String issueStructuredData(JournalIssue issue, List<Article> articles) {
    String site = siteUrl();
    return ArticleStructuredData.ofIssue(
        issue(issue),
        articles.stream()
            .map(
                article ->
                    ArticleStructuredData.part(
                        article.title,
                        site + Links.article(article.slug),
                        article.authors.stream().map(person -> person.displayName).toList()))
            .toList());
  }

  /** The site's address without a trailing slash. */
  public String siteUrl() {
    return Links.site(config);
  }
}
