package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;

/** The seed article page, element by element (PRODUCT.md, "The page it must produce"). */
@QuarkusTest
class ArticlePageResourceTest {

  static final String SEED =
      "/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @Inject TestContent content;
  @Inject ViewCounter views;

  @Test
  void skipLinkLeadsToTheMainContent() {
    Document page = get(SEED);

    Element skip = page.body().child(0);
    assertThat(skip.text()).isEqualTo("Skip to main content");
    assertThat(page.getElementById(skip.attr("href").substring(1)).tagName()).isEqualTo("main");
  }

  @Test
  void titleHasAnAsteriskPointingToThePublicationNote() {
    Element title = get(SEED).selectFirst("article h1");

    assertThat(title.text())
        .isEqualTo("Russia-US Relations on the Doorstep of the Incoming Trump Administration*");
    Element asterisk = title.selectFirst("a");
    assertThat(asterisk.text()).isEqualTo("*");
    assertThat(asterisk.attr("href")).isEqualTo("#publication-note");
  }

  @Test
  void metaLineShowsDateCommentsCategoryViewsAndAuthor() {
    Document page = get(SEED);
    Element meta = page.selectFirst("article header .meta");

    assertThat(meta.selectFirst("time").text()).isEqualTo("18.01.2017");
    assertThat(meta.selectFirst("time").attr("datetime")).isEqualTo("2017-01-18T10:00:00+06:00");
    Element comments = meta.selectFirst("a[href=#comments]");
    assertThat(comments.text()).isEqualTo("Comments");
    assertThat(page.getElementById("comments")).isNotNull();
    Element category = meta.selectFirst("a[href^=/categories/]");
    assertThat(category.text()).isEqualTo("International Relations");
    assertThat(category.attr("href")).isEqualTo("/categories/international-relations");
    long shown = Long.parseLong(meta.selectFirst(".views").ownText());
    long counted = content.viewCount(seedId()) + views.pending(seedId());
    assertThat(shown).as("the imported 309 views, plus any counted since").isBetween(309L, counted);
    Element author = meta.selectFirst("a[rel=author]");
    assertThat(author.text()).isEqualTo("Lidiya Parkhomchik");
    assertThat(author.attr("href")).isEqualTo("/authors/lidiya-parkhomchik");
    assertThat(meta.text())
        .matches(
            "18\\.01\\.2017 \\| Comments \\| International Relations \\| Views: \\d+ Lidiya Parkhomchik");
  }

  @Test
  void bodyHasTheParagraphsAndLinkedInTextCitations() {
    Document page = get(SEED);
    Element body = page.selectFirst(".article-body");

    assertThat(body.select("> p")).hasSize(9);
    assertThat(body.selectFirst("p").text())
        .startsWith("The first official reaction that came from Russia");
    List<String> citations = body.select("a[href^=#ref-]").eachText();
    assertThat(citations)
        .containsExactly(
            "(Akulov, 2017)",
            "(Mora, 2017)",
            "(Harding, 2016)",
            "(Walker & Addley, 2016)",
            "(Mora, 2017)");
    for (Element citation : body.select("a[href^=#ref-]")) {
      assertThat(page.getElementById(citation.attr("href").substring(1))).isNotNull();
    }
    assertThat(body.text()).contains("improvement process. (Akulov, 2017) Moreover");
  }

  @Test
  void referenceListIsApaWithRetrievedFromLinks() {
    List<Element> references = get(SEED).select("section.references li");

    assertThat(references).hasSize(4);
    assertThat(references.get(0).text())
        .startsWith(
            "Akulov, A. (2017). Prospects for Russia-US Relations: Serious Assessment Requires"
                + " Realistic Approach. Retrieved from https://");
    assertThat(references.get(3).text())
        .startsWith("Walker, S., & Addley, E. (2016). Trump praises 'very smart' Putin");
    for (Element reference : references) {
      Element link = reference.selectFirst("a");
      assertThat(link.attr("href")).startsWith("https://").isEqualTo(link.text());
    }
  }

  @Test
  void footnoteAndItsMarkerLinkToEachOther() {
    Document page = get(SEED);
    Element marker = page.selectFirst(".article-body sup a");

    assertThat(marker.text()).isEqualTo("[1]");
    Element note = page.getElementById(marker.attr("href").substring(1));
    assertThat(note.text())
        .isEqualTo(
            "[1] Five GRU’s employee, namely, Vladimir Alexeyev, Sergei Gizunov, Yevgeny Bogachev,"
                + " Igor Korobov and Igor Kostyukov, were put on the sanctions’ blacklist.");
    assertThat(note.selectFirst("a").attr("href")).isEqualTo("#" + marker.id());
    assertThat(page.select("section.references ~ section.footnotes"))
        .as("footnotes follow the references, as on the seed page")
        .hasSize(1);
  }

  @Test
  void publicationNoteIsGeneratedFromTheIssuePlacement() {
    Document page = get(SEED);
    Element note = page.getElementById("publication-note");

    assertThat(note.text())
        .isEqualTo(
            "*Published in the February 2017 No. 14 issue of the \"Asya Avrupa: Haber-Yorum\" journal.");
    assertThat(note.selectFirst("a").attr("href"))
        .isEqualTo("/journals/asya-avrupa-haber-yorum/issues/14");
    assertThat(page.selectFirst(".article-body").text()).doesNotContain("Published in the");
  }

  @Test
  void tagsAreListedInTheirOrder() {
    Element tags = get(SEED).selectFirst("article .tags");

    assertThat(tags.text()).isEqualTo("Tags: US, Russia, International Relations");
    assertThat(tags.select("a").eachAttr("href"))
        .containsExactly("/tags/us", "/tags/russia", "/tags/international-relations");
  }

  @Test
  void articleWithoutIssuePlacementHasNoAsteriskOrNote() {
    content.publish("no-issue-article", "Plain text.", null, Instant.parse("2020-01-01T00:00:00Z"));

    Document page = get("/articles/no-issue-article");

    assertThat(page.selectFirst("article h1").text()).isEqualTo("Title of no-issue-article");
    assertThat(page.getElementById("publication-note")).isNull();
    assertThat(page.select("section.references, section.footnotes, .tags")).isEmpty();
  }

  @Test
  void pluginSlotsRenderAndABrokenPluginLeavesTheRestOfThePage() {
    Article article =
        content.publish(
            "slot-test-article", "Body text.", null, Instant.parse("2020-01-02T00:00:00Z"));

    Document page = get("/articles/slot-test-article");

    assertThat(page.select("article .test-marker").text()).isEqualTo("marker for " + article.id);
    assertThat(page.select(".article-body p").text()).isEqualTo("Body text.");
    assertThat(page.getElementById("comments")).isNotNull();
  }

  @Test
  void hostileBodyNeverReachesThePageAsMarkup() {
    content.publish(
        "xss-article",
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[link](javascript:alert(3))",
        null,
        Instant.parse("2020-01-03T00:00:00Z"));

    Document page = get("/articles/xss-article");

    assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
    assertThat(page.select("script[type=application/ld+json]").first().data()).doesNotContain("<");
    assertThat(page.select("[onerror], img")).isEmpty();
    assertThat(page.select(".article-body a").eachAttr("href"))
        .noneMatch(href -> href.contains("javascript"));
    assertThat(page.selectFirst(".article-body").text()).contains("<script>alert(1)</script>");
  }

  private long seedId() {
    return content.articleId(SEED.substring("/articles/".length()));
  }

  static Document get(String path) {
    String html =
        given().get(path).then().statusCode(200).contentType("text/html").extract().asString();
    return Jsoup.parse(html);
  }
}
