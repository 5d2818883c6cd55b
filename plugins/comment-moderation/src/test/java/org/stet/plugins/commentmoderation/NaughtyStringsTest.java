package org.stet.plugins.commentmoderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stet.plugins.commentmoderation.CommentFixture.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.plugins.commentmoderation.CommentStore.Status;

/**
 * Several hundred hostile strings ({@code naughty-strings.txt}, written for these tests) in every
 * field of the comment form: never a server error, and nothing anyone typed runs on a page.
 */
@QuarkusTest
class NaughtyStringsTest {

  private static final Set<Integer> EXPECTED = Set.of(303, 400, 403, 409, 413);

  @Inject CommentFixture fixture;
  @Inject CommentStore store;
  @Inject CommentService service;
  @Inject org.stet.spi.Articles articles;

  @BeforeEach
  void defaults() {
    fixture.settings(Map.of());
  }

  @AfterEach
  void restore() {
    fixture.settings(Map.of());
  }

  @Test
  void hostileInputInEveryFieldGivesNoServerErrorAndRunsNowhere() throws IOException {
    List<String> strings = naughtyStrings();
    assertThat(strings).hasSizeGreaterThan(300);
    String slug = fixture.article();
    Document article = page("/articles/" + slug);
    String action = article.selectFirst("form.comment-form").attr("action");
    String stamp = article.selectFirst("input[name=stamp]").val();

    List<String> unexpected = new ArrayList<>();
    int stored = 0;
    for (int i = 0; i < strings.size(); i++) {
      String naughty = strings.get(i);
      for (String field : List.of("name", "email", "website", "text", "parent")) {
        Map<String, String> form = new HashMap<>();
        form.put("stamp", stamp);
        form.put("name", "Reader " + i);
        form.put("email", "reader" + i + "@example.org");
        form.put("text", "Naughty " + field + " " + i);
        form.put(field, field.equals("text") ? naughty + " #" + i : naughty);
        Response response = send(action, form);
        if (!EXPECTED.contains(response.statusCode())) {
          unexpected.add(response.statusCode() + " for " + field + " = " + naughty);
        } else if (response.statusCode() == 303) {
          stored++;
        } else {
          assertSafe(Jsoup.parse(response.asString()), field + " = " + naughty);
        }
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(stored).as("many are fine as text").isGreaterThan(strings.size());

    long articleId = articles.publishedBySlug(slug).orElseThrow().id();
    for (Status waiting : List.of(Status.PENDING, Status.SPAM)) {
      for (Comment comment :
          store.queue(new CommentStore.Filter(waiting, articleId, null), null, 5_000)) {
        service.moderate(comment.id(), Status.APPROVED, "test");
      }
    }
    Document shown = page("/articles/" + slug);

    assertThat(shown.select("#comments .comment"))
        .as("every approved comment is parsed (no character ends the page early)")
        .hasSize(
            store
                .queue(new CommentStore.Filter(Status.APPROVED, articleId, null), null, 5_000)
                .size());
    assertSafe(shown, "the article page");
    String queue =
        fixture
            .editor()
            .get("/desk/plugins/comment-moderation?status=APPROVED&article=" + slug)
            .asString();
    assertSafe(Jsoup.parse(queue), "the moderation queue");
  }

  private static Response send(String action, Map<String, String> form) {
    return RestAssured.given()
        .config(DeskBrowser.leavingFrom(CommentFixture.newReader()))
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParams(form)
        .post(action);
  }

  /** No element or attribute on the page could run what a commenter typed. */
  private static void assertSafe(Document page, String what) {
    assertThat(
            page.select(
                "script:not([type=application/ld+json]):not([src^=/assets/]), iframe, object, embed, svg, math, base, meta[http-equiv], style, link:not([rel=stylesheet]):not([rel=icon])"))
        .as(what)
        .allMatch(
            element ->
                element.tagName().equals("link")
                    && element.parent() == page.head()
                    && (element.attr("rel").equals("canonical")
                        || element.attr("rel").equals("schema.DC")
                        || (element.attr("rel").equals("search")
                            && element.attr("href").equals("/opensearch.xml"))
                        || (element.attr("rel").equals("alternate")
                            && element.attr("href").startsWith("/"))),
            "only the head's canonical, Dublin Core, feed and site-search links");
    for (Element element : page.getAllElements()) {
      element
          .attributes()
          .forEach(
              attribute -> {
                assertThat(attribute.getKey()).as(what).doesNotStartWith("on");
                assertThat(attribute.getKey()).as(what).isNotEqualTo("style");
                if (attribute.getKey().equals("href")
                    || attribute.getKey().equals("src")
                    || attribute.getKey().equals("action")) {
                  assertThat(attribute.getValue().strip().toLowerCase())
                      .as(what + ": " + element.tagName())
                      .doesNotStartWith("javascript:")
                      .doesNotStartWith("data:")
                      .doesNotStartWith("//");
                }
              });
    }
    assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
        .as(what)
        .allMatch(href -> href.startsWith("/assets/"));
    assertThat(page.select("form").eachAttr("action"))
        .as(what)
        .allMatch(action -> action.startsWith("/"));
  }

  /** The strings, with {@code \\uXXXX}, {@code \\n}, {@code \\r} and {@code \\t} decoded. */
  static List<String> naughtyStrings() throws IOException {
    List<String> strings = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                NaughtyStringsTest.class.getResourceAsStream("/naughty-strings.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#! ")) {
          strings.add(decode(line));
        }
      }
    }
    return strings;
  }

  private static String decode(String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        if (next == 'u'
            && i + 5 < line.length()
            && line.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
          out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
          i += 5;
          continue;
        }
        if (next == 'n' || next == 'r' || next == 't') {
          out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : '\t');
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
