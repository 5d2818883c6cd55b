package org.stet.desk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;
import org.stet.taxonomy.Category;

/** Editors add, rename, merge and delete categories; merging and deleting ask first. */
@QuarkusTest
class CategoryDeskTest {

  private static final java.util.concurrent.atomic.AtomicInteger EDITORS =
      new java.util.concurrent.atomic.AtomicInteger();

  @Inject TestAccounts accounts;
  @Inject TestContent content;

  private DeskBrowser editor() {
    String email = "categories-editor-" + EDITORS.incrementAndGet() + "@stet.test";
    accounts.create(email, Role.EDITOR);
    DeskBrowser editor = DeskBrowser.signedIn(email, TestAccounts.PASSWORD);
    editor.get("/desk/categories");
    return editor;
  }

  @Test
  void anEditorAddsACategoryWithAnAddressMadeFromItsName() {
    DeskBrowser editor = editor();
    var added = editor.post("/desk/categories", Map.of("name", "  Économie   politique "));
    assertThat(added.statusCode()).isEqualTo(303);
    Document page = Jsoup.parse(editor.get(added.header("Location")).asString());
    assertThat(page.selectFirst("[role=status]").text()).startsWith("Category added.");
    Element row = row(page, "Économie politique");
    assertThat(row.text()).contains("/categories/economie-politique").contains("none");
    assertThat(accounts.auditActions("economie-politique")).containsExactly("CATEGORY_CREATED");
  }

  @Test
  void aRefusedNewCategoryKeepsWhatWasTyped() {
    DeskBrowser editor = editor();
    editor.post("/desk/categories", Map.of("name", "Area Studies"));
    var twice = editor.post("/desk/categories", Map.of("name", "area studies", "slug", "areas"));
    assertThat(twice.statusCode()).isEqualTo(409);
    Document page = Jsoup.parse(twice.asString());
    assertThat(page.selectFirst("[role=alert]").text())
        .isEqualTo("There is already a category called “area studies”.");
    assertThat(page.selectFirst("#name").val()).isEqualTo("area studies");
    assertThat(page.selectFirst("#slug").val()).isEqualTo("areas");

    var badAddress =
        editor.post("/desk/categories", Map.of("name", "Security", "slug", "Security Studies"));
    assertThat(badAddress.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(badAddress.asString()).selectFirst("[role=alert]").text())
        .startsWith("An address may use only lower-case letters");
    var noName = editor.post("/desk/categories", Map.of("name", "   "));
    assertThat(noName.statusCode()).isEqualTo(400);
    var noAddress = editor.post("/desk/categories", Map.of("name", "Политика"));
    assertThat(Jsoup.parse(noAddress.asString()).selectFirst("[role=alert]").text())
        .startsWith("No address can be made from this name");
  }

  @Test
  void renamingKeepsTheAddressAndTheArticlePageShowsTheNewName() {
    DeskBrowser editor = editor();
    Category category = content.category("Eurasian Affairs");
    content.publish("renamed-category-article", "Text.", category, Instant.now().minusSeconds(60));
    assertThat(given().get("/articles/renamed-category-article").asString())
        .contains("Eurasian Affairs");

    var renamed =
        editor.post(
            "/desk/categories/" + category.id + "/rename", Map.of("name", "Eurasian Studies"));
    assertThat(renamed.statusCode()).isEqualTo(303);
    assertThat(given().get("/articles/renamed-category-article").asString())
        .as("the cached article page was dropped")
        .contains("Eurasian Studies")
        .doesNotContain("Eurasian Affairs");
    assertThat(given().get("/categories/eurasian-affairs").statusCode())
        .as("the address stays")
        .isEqualTo(200);
    assertThat(accounts.auditActions("eurasian-affairs")).containsExactly("CATEGORY_RENAMED");
  }

  @Test
  void aRefusedRenameShowsTheTypedNameInItsOwnRow() {
    DeskBrowser editor = editor();
    Category kept = content.category("Arctic Policy");
    content.category("Polar Policy");
    var refused =
        editor.post("/desk/categories/" + kept.id + "/rename", Map.of("name", "polar policy"));
    assertThat(refused.statusCode()).isEqualTo(409);
    Document page = Jsoup.parse(refused.asString());
    Element row = page.getElementById("category-" + kept.id);
    assertThat(row.selectFirst("details").hasAttr("open")).isTrue();
    assertThat(row.selectFirst("input[name=name]").val()).isEqualTo("polar policy");
    assertThat(row.selectFirst("th").text()).startsWith("Arctic Policy");
  }

  @Test
  void mergingAsksFirstThenMovesEveryArticleAndDeletesTheCategory() {
    DeskBrowser editor = editor();
    Category from = content.category("Energy Security");
    Category into = content.category("Energy Policy");
    content.publish("merged-energy-article", "Text.", from, Instant.now().minusSeconds(60));
    accounts.create("categories-author@stet.test", Role.AUTHOR);
    long draft = content.articleInState("categories-author@stet.test", ArticleStatus.DRAFT);
    content.fileUnder(draft, from);
    String merge = "/desk/categories/" + from.id + "/merge";

    Document asked =
        Jsoup.parse(editor.post(merge, Map.of("into", String.valueOf(into.id))).asString());
    assertThat(asked.selectFirst("h1").text())
        .isEqualTo("Merge “Energy Security” into “Energy Policy”?");
    assertThat(asked.select(".consequences li").eachText())
        .anyMatch(line -> line.contains("/categories/energy-security is gone"));
    assertThat(asked.selectFirst(".confirm input[name=into]").val())
        .isEqualTo(String.valueOf(into.id));
    assertThat(content.categoryOf(draft)).as("asking changed nothing").isEqualTo("energy-security");

    var merged = editor.post(merge, Map.of("into", String.valueOf(into.id), "confirmed", "yes"));
    assertThat(merged.header("Location")).endsWith("/desk/categories?done=merged");
    assertThat(content.categoryOf(draft)).isEqualTo("energy-policy");
    assertThat(content.categoryOf(content.articleId("merged-energy-article")))
        .isEqualTo("energy-policy");
    assertThat(given().get("/categories/energy-security").statusCode()).isEqualTo(404);
    assertThat(given().get("/articles/merged-energy-article").asString()).contains("Energy Policy");
    assertThat(accounts.auditActions("energy-security")).containsExactly("CATEGORY_MERGED");
    assertThat(
            editor
                .post(merge, Map.of("into", String.valueOf(into.id), "confirmed", "yes"))
                .statusCode())
        .as("a second click finds nothing to merge")
        .isEqualTo(404);
  }

  @Test
  void mergingWithoutChoosingWhereSaysSo() {
    DeskBrowser editor = editor();
    Category from = content.category("Maritime Law");
    var refused = editor.post("/desk/categories/" + from.id + "/merge", Map.of("into", ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.asString()).selectFirst("[role=alert]").text())
        .isEqualTo("Choose the category to merge this one into.");
    var intoItself =
        editor.post(
            "/desk/categories/" + from.id + "/merge",
            Map.of("into", String.valueOf(from.id), "confirmed", "yes"));
    assertThat(intoItself.statusCode()).isEqualTo(400);
  }

  @Test
  void onlyACategoryNoArticleUsesCanBeDeletedAndDeletingAsksFirst() {
    DeskBrowser editor = editor();
    Category used = content.category("Nuclear Diplomacy");
    content.publish("used-category-article", "Text.", used, Instant.now().minusSeconds(60));
    Category unused = content.category("Cyber Norms");

    Document page = Jsoup.parse(editor.get("/desk/categories").asString());
    assertThat(row(page, "Nuclear Diplomacy").select("form[action$=/delete]")).isEmpty();
    assertThat(row(page, "Cyber Norms").select("form[action$=/delete]")).hasSize(1);

    var refused =
        editor.post("/desk/categories/" + used.id + "/delete", Map.of("confirmed", "yes"));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(refused.asString()).selectFirst("[role=alert]").text())
        .isEqualTo(
            "“Nuclear Diplomacy” is the category of 1 article."
                + " Merge it into another category instead: its articles move there.");

    String delete = "/desk/categories/" + unused.id + "/delete";
    assertThat(Jsoup.parse(editor.post(delete, Map.of()).asString()).selectFirst("h1").text())
        .isEqualTo("Delete the category “Cyber Norms”?");
    assertThat(editor.askFirst(delete, Map.of()).statusCode())
        .as("the desk's script gets the confirmation page to show in its dialog")
        .isEqualTo(200);
    assertThat(row(Jsoup.parse(editor.get("/desk/categories").asString()), "Cyber Norms"))
        .as("asking deleted nothing")
        .isNotNull();
    assertThat(editor.post(delete, Map.of("confirmed", "yes")).header("Location"))
        .endsWith("?done=deleted");
    assertThat(Jsoup.parse(editor.get("/desk/categories").asString()).text())
        .doesNotContain("Cyber Norms");
    assertThat(accounts.auditActions("cyber-norms")).containsExactly("CATEGORY_DELETED");
  }

  @Test
  void authorsCannotManageCategories() {
    accounts.create("categories-no-author@stet.test", Role.AUTHOR);
    DeskBrowser author =
        DeskBrowser.signedIn("categories-no-author@stet.test", TestAccounts.PASSWORD);
    assertThat(author.get("/desk/categories").statusCode()).isEqualTo(403);
    author.get("/desk");
    assertThat(author.post("/desk/categories", Map.of("name", "Sneaky")).statusCode())
        .isEqualTo(403);
    assertThat(author.get("/desk").asString()).doesNotContain("/desk/categories");
  }

  private static Element row(Document page, String name) {
    return page.select("table.categories tbody tr").stream()
        .filter(row -> row.selectFirst("th").ownText().strip().equals(name))
        .findFirst()
        .orElse(null);
  }
}
