package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;

@QuarkusTest
class ViewCountingTest {

  @Inject TestContent content;
  @Inject ViewCounter views;
  @Inject ArticlePageCache cache;

  @Test
  void everyPageViewIsCountedAndTheCountShownCatchesUp() {
    Article article =
        content.publish("counted-article", "Counted.", null, Instant.parse("2020-02-01T00:00:00Z"));

    for (int i = 0; i < 25; i++) {
      given().get("/articles/counted-article").then().statusCode(200);
    }
    views.flush();

    assertThat(content.viewCount(article.id)).isEqualTo(25);
    String shown =
        ArticlePageResourceTest.get("/articles/counted-article").selectFirst(".views").ownText();
    assertThat(shown).as("the page shows every view before this one").isEqualTo("25");
  }

  @Test
  void cachedPagesAreServedAndCountedToo() {
    Article article =
        content.publish("cached-article", "Cached.", null, Instant.parse("2020-02-02T00:00:00Z"));
    String first =
        given().get("/articles/cached-article").then().statusCode(200).extract().asString();
    assertThat(cache.getIfCached("cached-article"))
        .as("the first view renders and caches")
        .isNotNull();

    String second =
        given()
            .get("/articles/cached-article")
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=60")
            .header(
                "Content-Security-Policy",
                org.hamcrest.Matchers.containsString("script-src 'self'"))
            .extract()
            .asString();
    views.flush();

    assertThat(views(second)).isEqualTo(views(first) + 1);
    assertThat(withoutViews(second)).isEqualTo(withoutViews(first));
    assertThat(content.viewCount(article.id)).isEqualTo(2);
  }

  private static long views(String html) {
    return Long.parseLong(org.jsoup.Jsoup.parse(html).selectFirst(".views").ownText());
  }

  /** The page without its live parts: the view count and the comment form's time stamp. */
  private static String withoutViews(String html) {
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
    page.selectFirst(".views").remove();
    page.select("input[name=stamp]").remove();
    return page.html();
  }
}
