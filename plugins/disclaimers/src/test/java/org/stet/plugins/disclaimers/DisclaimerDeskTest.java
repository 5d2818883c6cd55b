package org.stet.plugins.disclaimers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/** Editors manage disclaimers on the desk; the plugin's routes exist only while it is on. */
@QuarkusTest
class DisclaimerDeskTest {

  @Inject TestAccounts accounts;
  @Inject TestContent content;
  @Inject EntityManager entityManager;

  @Test
  void editorsCreateAndReviseDisclaimersAndSeeTheVersionEachArticleWasPublishedUnder() {
    accounts.create("disclaimer-editor@stet.test", Role.EDITOR);
    DeskBrowser editor = DeskBrowser.signedIn("disclaimer-editor@stet.test", TestAccounts.PASSWORD);
    Article early =
        content.publish(
            "disclaimer-early",
            "x",
            content.category("Versioned Cat"),
            Instant.parse("2029-01-01T00:00:00Z"));
    Article late =
        content.publish("disclaimer-late", "x", null, Instant.parse("2029-06-01T00:00:00Z"));
    linkCategory(late, early);

    editor.get("/desk/plugins/disclaimers");
    Response created =
        editor.post(
            "/desk/plugins/disclaimers",
            Map.of(
                "title", "Versioned",
                "body", "First *wording*.",
                "slot", "article.footer",
                "rule", "CATEGORY",
                "ruleValue", "versioned-cat",
                "priority", "5"));
    assertThat(created.statusCode()).isEqualTo(303);
    String page =
        created.header("Location").replaceFirst("^https?://[^/]+", "").replace("?saved=1", "");
    long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
    assertThat(footer("/articles/disclaimer-early")).contains("First wording.");

    editor.post(
        page,
        Map.of(
            "title", "Versioned",
            "body", "Second wording.",
            "slot", "article.footer",
            "rule", "CATEGORY",
            "ruleValue", "versioned-cat",
            "priority", "5",
            "active", "true"));
    assertThat(footer("/articles/disclaimer-early"))
        .contains("Second wording.")
        .doesNotContain("First");
    backdate(id, 1, "2028-01-01T00:00:00Z");
    backdate(id, 2, "2029-03-01T00:00:00Z");

    Document edit = Jsoup.parse(editor.get(page).asString());
    assertThat(edit.select("ol.revisions li")).hasSize(2);
    assertThat(edit.select("#published tr:has(a[href$=disclaimer-early]) .version-then").text())
        .isEqualTo("1");
    assertThat(edit.select("#published tr:has(a[href$=disclaimer-late]) .version-then").text())
        .isEqualTo("2");

    editor.post(page + "/articles", Map.of("slug", "disclaimer-late", "mode", "OPT_OUT"));
    assertThat(footer("/articles/disclaimer-late")).doesNotContain("Second wording.");
    assertThat(footer("/articles/disclaimer-early")).contains("Second wording.");
    assertThat(
            editor
                .post(page + "/articles", Map.of("slug", "no-such-article", "mode", "ADD"))
                .statusCode())
        .isEqualTo(400);
    assertThat(accounts.auditActions("disclaimer:" + id)).contains("PLUGIN_ACTION");
  }

  @Test
  void badFormsAreRefusedWithTheTextKept() {
    accounts.create("disclaimer-careless@stet.test", Role.EDITOR);
    DeskBrowser editor =
        DeskBrowser.signedIn("disclaimer-careless@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/plugins/disclaimers");
    Response refused =
        editor.post(
            "/desk/plugins/disclaimers",
            Map.of(
                "title",
                "No value",
                "body",
                "Kept text.",
                "slot",
                "article.footer",
                "rule",
                "TAG",
                "ruleValue",
                "",
                "priority",
                "1"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document form = Jsoup.parse(refused.asString());
    assertThat(form.select(".error-box").text()).contains("(slug) of the tag");
    assertThat(form.select("#body").text()).isEqualTo("Kept text.");
    assertThat(
            editor
                .post(
                    "/desk/plugins/disclaimers",
                    Map.of(
                        "title", "x", "body", "y", "slot", "head", "rule", "ALL", "priority", "1"))
                .statusCode())
        .isEqualTo(400);
    accounts.create("disclaimer-author@stet.test", Role.AUTHOR);
    assertThat(
            DeskBrowser.signedIn("disclaimer-author@stet.test", TestAccounts.PASSWORD)
                .get("/desk/plugins/disclaimers")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void thePluginsRoutesAnswer404WhileItIsOff() {
    given().get("/plugins/disclaimers").then().statusCode(200);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/plugins");
    admin.post("/desk/admin/plugins/disclaimers/enabled", Map.of("enabled", "false"));
    try {
      given().get("/plugins/disclaimers").then().statusCode(404);
      assertThat(admin.get("/desk/plugins/disclaimers").statusCode()).isEqualTo(404);
    } finally {
      admin.post("/desk/admin/plugins/disclaimers/enabled", Map.of("enabled", "true"));
    }
    given().get("/plugins/disclaimers").then().statusCode(200);
  }

  private void linkCategory(Article late, Article early) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update article set category_id = (select category_id from article where id = ?1) where id = ?2")
                    .setParameter(1, early.id)
                    .setParameter(2, late.id)
                    .executeUpdate());
  }

  private void backdate(long id, int version, String at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update disclaimers_version set saved_at = cast(?1 as timestamptz) where disclaimer_id = ?2 and version = ?3")
                    .setParameter(1, at)
                    .setParameter(2, id)
                    .setParameter(3, version)
                    .executeUpdate());
  }

  private static String footer(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString())
        .select(".disclaimer")
        .text();
  }
}
