package org.stet.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** Editors build issues and publish articles into them; the public page says where. */
@QuarkusTest
class JournalApiTest {

  private static final String JOURNAL = "asya-avrupa-haber-yorum";

  @Inject TestAccounts accounts;
  @Inject org.stet.site.TestContent content;

  @Test
  void anArticlePublishedIntoIssue15SaysSoOnItsPage() {
    accounts.create("issue-author@stet.test", Role.AUTHOR);
    accounts.create("issue-editor@stet.test", Role.EDITOR);
    RequestSpecification editor = DeskBrowser.api("issue-editor@stet.test");
    editor
        .body("{\"number\":15,\"year\":2017,\"month\":3,\"status\":\"PLANNED\"}")
        .post("/api/v1/journals/" + JOURNAL + "/issues")
        .then()
        .statusCode(201);

    int id =
        DeskBrowser.api("issue-author@stet.test")
            .body("{\"title\":\"Into issue 15\",\"body\":\"Text.\"}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String slug =
        DeskBrowser.api("issue-author@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("slug");
    DeskBrowser.api("issue-author@stet.test")
        .body("{\"action\":\"SUBMIT\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    DeskBrowser.api("issue-editor@stet.test")
        .body("{\"action\":\"ACCEPT\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    DeskBrowser.api("issue-editor@stet.test")
        .body("{\"action\":\"PUBLISH\",\"journal\":\"" + JOURNAL + "\",\"issueNumber\":15}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);

    assertThat(note(slug))
        .isEqualTo(
            "*To appear in the March 2017 No. 15 issue of the \"Asya Avrupa: Haber-Yorum\" journal.");

    DeskBrowser.api("issue-editor@stet.test")
        .body("{\"number\":15,\"year\":2017,\"month\":3,\"status\":\"PUBLISHED\"}")
        .put("/api/v1/journals/" + JOURNAL + "/issues/15")
        .then()
        .statusCode(200);

    assertThat(note(slug))
        .isEqualTo(
            "*Published in the March 2017 No. 15 issue of the \"Asya Avrupa: Haber-Yorum\" journal.");
    Document issue =
        Jsoup.parse(
            given()
                .get("/journals/" + JOURNAL + "/issues/15")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(issue.select(".toc h3 a").eachAttr("href")).containsExactly("/articles/" + slug);
  }

  @Test
  void editorsOrderTheTableOfContents() {
    accounts.create("toc-editor@stet.test", Role.EDITOR);
    RequestSpecification editor = DeskBrowser.api("toc-editor@stet.test");
    editor.body("{\"name\":\"Test Quarterly\"}").post("/api/v1/journals").then().statusCode(201);
    DeskBrowser.api("toc-editor@stet.test")
        .body("{\"number\":1,\"year\":2026,\"month\":11,\"status\":\"PUBLISHED\"}")
        .post("/api/v1/journals/test-quarterly/issues")
        .then()
        .statusCode(201);
    long first = publishedArticle("toc-a");
    long second = publishedArticle("toc-b");

    List<Integer> order =
        DeskBrowser.api("toc-editor@stet.test")
            .body("{\"articleIds\":[" + second + "," + first + "]}")
            .put("/api/v1/journals/test-quarterly/issues/1/contents")
            .then()
            .statusCode(200)
            .extract()
            .path("articleIds");
    assertThat(order).containsExactly((int) second, (int) first);
    Document page =
        Jsoup.parse(
            given()
                .get("/journals/test-quarterly/issues/1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(page.select(".toc h3 a").eachAttr("href"))
        .containsExactly("/articles/toc-b", "/articles/toc-a");

    DeskBrowser.api("toc-editor@stet.test")
        .body("{\"articleIds\":[" + first + "," + second + "]}")
        .put("/api/v1/journals/test-quarterly/issues/1/contents")
        .then()
        .statusCode(200);
    page =
        Jsoup.parse(given().get("/journals/test-quarterly/issues/1").then().extract().asString());
    assertThat(page.select(".toc h3 a").eachAttr("href"))
        .containsExactly("/articles/toc-a", "/articles/toc-b");
  }

  @Test
  void badIssueRequestsAreExplained() {
    accounts.create("careful-editor@stet.test", Role.EDITOR);
    String base = "/api/v1/journals/" + JOURNAL + "/issues";
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"number\":14,\"year\":2017,\"month\":2}")
        .post(base)
        .then()
        .statusCode(409);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"number\":99,\"year\":2017,\"month\":13}")
        .post(base)
        .then()
        .statusCode(400);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"number\":98,\"year\":17,\"month\":1}")
        .post(base)
        .then()
        .statusCode(400);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"number\":97,\"year\":2017,\"month\":1,\"id\":5}")
        .post(base)
        .then()
        .statusCode(400);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"number\":1,\"year\":2017,\"month\":1}")
        .post("/api/v1/journals/nope/issues")
        .then()
        .statusCode(404);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"articleIds\":[1,1]}")
        .put(base + "/14/contents")
        .then()
        .statusCode(400);
    DeskBrowser.api("careful-editor@stet.test")
        .body("{\"articleIds\":[999999]}")
        .put(base + "/14/contents")
        .then()
        .statusCode(400);
  }

  private long publishedArticle(String slug) {
    return content.publish(slug, "Text.", null, java.time.Instant.parse("2026-11-01T00:00:00Z")).id;
  }

  private static String note(String slug) {
    String html = given().get("/articles/" + slug).then().statusCode(200).extract().asString();
    return Jsoup.parse(html).getElementById("publication-note").text();
  }

  @Test
  void unstorableOrNamelessInputIsRefusedNeverA500() {
    accounts.create("nul-editor@stet.test", Role.EDITOR);
    accounts.create("nul-author@stet.test", Role.AUTHOR);
    DeskBrowser.api("nul-editor@stet.test")
        .body("{\"name\":\"!!!\"}")
        .post("/api/v1/journals")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("letters or digits"));
    DeskBrowser.api("nul-editor@stet.test")
        .body("{\"name\":\"Nul\\u0000Journal\"}")
        .post("/api/v1/journals")
        .then()
        .statusCode(400);
    int id =
        DeskBrowser.api("nul-author@stet.test")
            .body("{\"title\":\"Noted\",\"body\":\"x\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    DeskBrowser.api("nul-author@stet.test")
        .body("{\"action\":\"SUBMIT\",\"note\":\"a\\u0000b\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("NUL"));
  }
}
