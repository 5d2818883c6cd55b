package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.article.Article;

/** Listings, journal pages, pagination and error pages of the public site. */
@QuarkusTest
class PublicPagesTest {

  @Inject TestContent content;
  @Inject org.stet.identity.TestAccounts accounts;

  @Test
  void homeListsTheSeedArticle() {
    Document home = ArticlePageResourceTest.get("/");
    assertThat(home.title()).isEqualTo("Eurasian Research Institute");

    // Other tests publish newer articles, so the 2017 seed may be a few pages back.
    List<String> listed = new java.util.ArrayList<>();
    Document page = home;
    for (int pages = 0; pages < 100 && page != null; pages++) {
      listed.addAll(page.select(".article-list h2 a").eachAttr("href"));
      var older = page.selectFirst("a[rel=next]");
      page = older == null ? null : ArticlePageResourceTest.get(older.attr("href"));
    }
    assertThat(listed).contains(ArticlePageResourceTest.SEED).doesNotHaveDuplicates();
  }

  @Test
  void categoryTagAndAuthorPagesListTheSeedArticle() {
    for (String path :
        List.of(
            "/categories/international-relations", "/tags/russia", "/authors/lidiya-parkhomchik")) {
      Document page = ArticlePageResourceTest.get(path);
      assertThat(page.select(".article-list h2 a").eachAttr("href"))
          .as(path)
          .containsExactly(ArticlePageResourceTest.SEED);
    }
    assertThat(ArticlePageResourceTest.get("/tags/us").selectFirst("h1").text()).isEqualTo("US");
  }

  @Test
  void journalPageListsItsIssuesAndTheIssueItsContents() {
    Document journals = ArticlePageResourceTest.get("/journals");
    assertThat(journals.select("main li a").eachText()).contains("Asya Avrupa: Haber-Yorum");

    Document journal = ArticlePageResourceTest.get("/journals/asya-avrupa-haber-yorum");
    assertThat(journal.selectFirst("h1").text()).isEqualTo("Asya Avrupa: Haber-Yorum");
    // Other tests add issues to this journal; the sample issue must be among them.
    assertThat(journal.select("main li a").eachText()).contains("February 2017 No. 14");

    Document issue = ArticlePageResourceTest.get("/journals/asya-avrupa-haber-yorum/issues/14");
    assertThat(issue.selectFirst("h1").text()).isEqualTo("February 2017 No. 14");
    assertThat(issue.select(".toc h3 a").eachAttr("href"))
        .containsExactly(ArticlePageResourceTest.SEED);
  }

  @Test
  void paginatesWithKeysetLinksAcrossPageBoundaries() {
    List<Article> articles =
        content.publishMany("Pagination Twenty Five", 25, Instant.parse("2019-06-01T12:00:00Z"));
    List<String> newestFirst = new ArrayList<>();
    for (int i = articles.size() - 1; i >= 0; i--) {
      newestFirst.add("/articles/" + articles.get(i).slug);
    }

    Document first = ArticlePageResourceTest.get("/categories/pagination-twenty-five");
    assertThat(hrefs(first)).isEqualTo(newestFirst.subList(0, 10));
    assertThat(first.select("a[rel=prev]")).isEmpty();

    Document second = ArticlePageResourceTest.get(first.selectFirst("a[rel=next]").attr("href"));
    assertThat(hrefs(second)).isEqualTo(newestFirst.subList(10, 20));
    assertThat(second.select("a[rel=prev]")).hasSize(1);

    Document third = ArticlePageResourceTest.get(second.selectFirst("a[rel=next]").attr("href"));
    assertThat(hrefs(third)).isEqualTo(newestFirst.subList(20, 25));
    assertThat(third.select("a[rel=next]")).as("no page after the last").isEmpty();

    Document backToSecond =
        ArticlePageResourceTest.get(third.selectFirst("a[rel=prev]").attr("href"));
    assertThat(hrefs(backToSecond)).isEqualTo(newestFirst.subList(10, 20));
    Document backToFirst =
        ArticlePageResourceTest.get(backToSecond.selectFirst("a[rel=prev]").attr("href"));
    assertThat(hrefs(backToFirst)).isEqualTo(newestFirst.subList(0, 10));
    assertThat(backToFirst.select("a[rel=prev]")).as("no page before the first").isEmpty();
  }

  @Test
  void exactlyFullLastPageHasNoOlderLink() {
    content.publishMany("Pagination Twenty", 20, Instant.parse("2018-06-01T12:00:00Z"));

    Document first = ArticlePageResourceTest.get("/categories/pagination-twenty");
    Document second = ArticlePageResourceTest.get(first.selectFirst("a[rel=next]").attr("href"));

    assertThat(second.select(".article-list > li")).hasSize(10);
    assertThat(second.select("a[rel=next]")).isEmpty();
  }

  @Test
  void aCategoryWithoutPublishedArticlesHasNoPage() {
    content.category("Empty Shelf");

    given().get("/categories/empty-shelf").then().statusCode(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/articles/no-such-article",
        "/articles/Not%20A%20Slug",
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/categories/no-such-category",
        "/tags/no-such-tag",
        "/authors/nobody",
        "/journals/no-such-journal",
        "/journals/asya-avrupa-haber-yorum/issues/999",
        "/journals/asya-avrupa-haber-yorum/issues/abc",
        "/journals/asya-avrupa-haber-yorum/issues/99999999999999999999",
        "/no/such/route"
      })
  void unknownAddressesGetTheNotFoundPage(String path) {
    String html =
        given()
            .urlEncodingEnabled(false)
            .get(path)
            .then()
            .statusCode(404)
            .contentType("text/html")
            .body(not(containsString("Exception")))
            .extract()
            .asString();

    Document page = Jsoup.parse(html);
    assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
    assertThat(page.selectFirst("a.skip-link")).isNotNull();
  }

  @Test
  void apiClientsGetErrorsAsJson() {
    // The API has no public endpoint: who is not signed in learns nothing of its routes.
    given().accept("application/json").get("/api/v1/no-such-thing").then().statusCode(401);
    accounts.create("json-errors@stet.test", org.stet.identity.Role.AUTHOR);
    org.stet.identity.DeskBrowser.api("json-errors@stet.test")
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("status", org.hamcrest.Matchers.equalTo(404))
        .body("title", org.hamcrest.Matchers.equalTo("Page not found"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"?older=garbage", "?newer=1.2.3", "?older=1.1&newer=1.1", "?older=%00"})
  void mangledPageLinksAreABadRequestWithAMessage(String query) {
    String html =
        given()
            .urlEncodingEnabled(false)
            .get("/" + query)
            .then()
            .statusCode(400)
            .extract()
            .asString();

    Element message = Jsoup.parse(html).selectFirst("main p");
    assertThat(message.text()).containsAnyOf("not valid", "either 'older' or 'newer'");
  }

  private static List<String> hrefs(Document page) {
    return page.select(".article-list h2 a").eachAttr("href");
  }
}
