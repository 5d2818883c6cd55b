package org.stet.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;

/**
 * The JSON-LD an article page carries for search engines: a {@code ScholarlyArticle} when it is in
 * a journal issue, else a {@code BlogPosting}, with its headline, authors, dates (the newest
 * correction is {@code dateModified}) and address. Safe inside {@code <script>}: every {@code <},
 * {@code >} and {@code &} is written as a JSON escape, so no text can close the element.
 */
public final class ArticleStructuredData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleStructuredData() {}

  /**
   * The JSON-LD of {@code article}; {@code modified} is its newest correction (null: never
   * corrected); {@code baseUrl} the site's address.
   */
  public static String of(Article article, boolean inIssue, Instant modified, String baseUrl) {
    String site = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String url = site + Links.article(article.slug);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.put("@type", inIssue ? "ScholarlyArticle" : "BlogPosting");
    data.put("headline", article.title);
    data.put("url", url);
    data.put("mainEntityOfPage", url);
    if (article.excerpt != null && !article.excerpt.isBlank()) {
      data.put("description", article.excerpt);
    }
    data.put(
        "author",
        article.authors.stream()
            .map(
                person ->
                    Map.of(
                        "@type",
                        "Person",
                        "name",
                        person.displayName,
                        "url",
                        site + Links.author(person.slug)))
            .toList());
    String published = seconds(article.publishedAt);
    data.put("datePublished", published);
    data.put("dateModified", modified == null ? published : seconds(modified));
    if (!article.tags.isEmpty()) {
      data.put("keywords", List.copyOf(article.tags.stream().map(tag -> tag.name).toList()));
    }
    try {
      return JSON.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Maps of strings always serialise", e);
    }
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
