package org.stet.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.citation.CslItem;

/**
 * The JSON-LD an article page carries for search engines: a {@code ScholarlyArticle} when it is in
 * a journal issue (part of its issue, volume and periodical with ISSNs), else a {@code
 * BlogPosting}; with its headline, authors (ORCID as {@code sameAs}, affiliation), dates (the
 * newest correction is {@code dateModified}), DOI, cited works and publisher. Safe inside {@code
 * <script>}: every {@code <}, {@code >} and {@code &} is written as a JSON escape, so no text can
 * close the element.
 */
public final class ArticleStructuredData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleStructuredData() {}

  /** The JSON-LD of {@code article}. */
  public static String of(CitableArticle article) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.put("@type", article.issue() != null ? "ScholarlyArticle" : "BlogPosting");
    data.put("headline", article.title());
    data.put("url", article.url());
    data.put("mainEntityOfPage", article.url());
    putIf(data, "description", article.excerpt());
    putIf(
        data,
        "inLanguage",
        article.language() == null ? null : article.language().replace('_', '-'));
    data.put("author", article.authors().stream().map(ArticleStructuredData::person).toList());
    String published = seconds(article.published());
    data.put("datePublished", published);
    data.put("dateModified", article.modified() == null ? published : seconds(article.modified()));
    if (!article.keywords().isEmpty()) {
      data.put("keywords", article.keywords());
    }
    putIf(data, "articleSection", article.category());
    if (article.doi() != null) {
      data.put("identifier", doi(article.doi()));
      data.put("sameAs", article.doiUrl());
    }
    if (article.issue() != null) {
      data.put("isPartOf", issue(article.issue()));
    }
    if (!article.references().isEmpty()) {
      data.put(
          "citation",
          article.references().stream()
              .map(CslItem::new)
              .map(ArticleStructuredData::cited)
              .toList());
    }
    data.put("publisher", organisation(article.publisher(), article.siteUrl()));
    return json(data);
  }

  /** The JSON-LD of an issue page: the issue, in its volume and periodical, with its contents. */
  public static String ofIssue(CitableArticle.Issue issue, List<Map<String, Object>> contents) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.putAll(issue(issue));
    data.put("hasPart", contents);
    return json(data);
  }

  /** An article of an issue's table of contents. */
  public static Map<String, Object> part(String title, String url, List<String> authors) {
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("@type", "ScholarlyArticle");
    part.put("headline", title);
    part.put("url", url);
    part.put(
        "author", authors.stream().map(name -> Map.of("@type", "Person", "name", name)).toList());
    return part;
  }

  /** JSON for a {@code <script type="application/ld+json">}: no text can close the element. */
  static String json(Map<String, Object> data) {
    try {
      return JSON.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Maps of strings always serialise", e);
    }
  }

  private static Map<String, Object> person(CitableArticle.Author author) {
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("@type", "Person");
    person.put("name", author.name());
    person.put("url", author.url());
    putIf(person, "sameAs", author.orcidUrl());
    if (author.affiliation() != null) {
      person.put("affiliation", Map.of("@type", "Organization", "name", author.affiliation()));
    }
    return person;
  }

  private static Map<String, Object> issue(CitableArticle.Issue issue) {
    Map<String, Object> periodical = new LinkedHashMap<>();
    periodical.put("@type", "Periodical");
    periodical.put("name", issue.journal());
    periodical.put("url", issue.journalUrl());
    if (!issue.issns().isEmpty()) {
      periodical.put("issn", issue.issns());
    }
    periodical.put("publisher", Map.of("@type", "Organization", "name", issue.publisher()));
    Map<String, Object> container = periodical;
    if (issue.volume() != null) {
      container = new LinkedHashMap<>();
      container.put("@type", "PublicationVolume");
      container.put("volumeNumber", issue.volume().toString());
      container.put("isPartOf", periodical);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@type", "PublicationIssue");
    data.put("issueNumber", Integer.toString(issue.number()));
    data.put("datePublished", String.format("%04d-%02d", issue.year(), issue.month()));
    data.put("url", issue.url());
    data.put("isPartOf", container);
    return data;
  }

  private static Map<String, Object> cited(CslItem item) {
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("@type", "CreativeWork");
    item.text("title").ifPresent(title -> work.put("name", title));
    List<Map<String, Object>> authors = new ArrayList<>();
    for (CslItem.Name name : item.names("author")) {
      authors.add(
          Map.of(
              "@type", name.literal() != null ? "Organization" : "Person", "name", name.natural()));
    }
    if (!authors.isEmpty()) {
      work.put("author", authors);
    }
    item.year("issued").ifPresent(year -> work.put("datePublished", year.toString()));
    item.text("container-title").ifPresent(container -> work.put("isPartOf", container));
    item.text("DOI")
        .ifPresent(
            doi -> {
              work.put("identifier", doi(doi));
              work.put("sameAs", "https://doi.org/" + doi);
            });
    if (!work.containsKey("sameAs")) {
      item.text("URL").ifPresent(url -> work.put("url", url));
    }
    return work;
  }

  private static Map<String, Object> doi(String doi) {
    return Map.of("@type", "PropertyValue", "propertyID", "DOI", "value", doi);
  }

  private static Map<String, Object> organisation(String name, String url) {
    Map<String, Object> organisation = new LinkedHashMap<>();
    organisation.put("@type", "Organization");
    organisation.put("name", name);
    organisation.put("url", url);
    return organisation;
  }

  private static void putIf(Map<String, Object> data, String key, String value) {
    if (value != null && !value.isBlank()) {
      data.put(key, value);
    }
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
