package org.stet.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/**
 * References through the JSON API and the desk: stored as CSL-JSON, kept when left out, refused
 * with the entry named, previewed with warnings, part of revisions, diffs and review, edited with a
 * form per type, pasted with a preview, and the submission refused while a citation has none.
 */
@QuarkusTest
class ReferencesHttpTest {

  private static final String AUTHOR = "refs-author@stet.test";
  private static final String EDITOR = "refs-editor@stet.test";
  private static final String REVIEWER = "refs-reviewer@stet.test";
  private static final String SECOND_REVIEWER = "refs-second@stet.test";

  private static final Map<String, Object> AKULOV =
      Map.of(
          "id", "akulov2017",
          "type", "webpage",
          "author", List.of(Map.of("family", "Akulov", "given", "A.")),
          "issued", Map.of("date-parts", List.of(List.of(2017))),
          "title", "Prospects for Russia-US Relations",
          "URL", "https://example.org/akulov");

  private static final Map<String, Object> MORA =
      Map.of(
          "id", "mora2017",
          "type", "webpage",
          "author", List.of(Map.of("family", "Mora", "given", "E.")),
          "issued", Map.of("date-parts", List.of(List.of(2017))),
          "title", "Backfire",
          "URL", "https://example.org/mora");

  @Inject TestAccounts accounts;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(REVIEWER, Role.REVIEWER);
      accounts.create(SECOND_REVIEWER, Role.REVIEWER);
      created = true;
    }
  }

  private static int draft(String body, List<Map<String, Object>> references) {
    Map<String, Object> json = new HashMap<>();
    json.put("title", "Draft citing " + references.size());
    json.put("body", body);
    json.put("references", references);
    return DeskBrowser.api(AUTHOR)
        .body(json)
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Map<String, Object> read(int id) {
    return DeskBrowser.api(AUTHOR)
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("$");
  }

  private static Response put(int id, Map<String, Object> changes) {
    Map<String, Object> json = new HashMap<>();
    Map<String, Object> current = read(id);
    json.put("title", current.get("title"));
    json.put("body", current.get("body"));
    json.put("version", current.get("version"));
    json.putAll(changes);
    return DeskBrowser.api(AUTHOR).body(json).put("/api/v1/articles/" + id);
  }

  @Test
  void theApiCarriesReferencesAsCslJsonAndKeepsThemWhenLeftOut() {
    int id = draft("As argued [@akulov2017].", List.of(AKULOV));

    List<Map<String, Object>> stored = (List<Map<String, Object>>) read(id).get("references");
    assertThat(stored)
        .singleElement()
        .satisfies(item -> assertThat(item).containsAllEntriesOf(AKULOV));

    put(id, Map.of("body", "Changed text [@akulov2017].")).then().statusCode(200);
    assertThat((List<?>) read(id).get("references")).hasSize(1);

    put(id, Map.of("references", List.of(MORA, AKULOV))).then().statusCode(200);
    assertThat((List<Map<String, Object>>) read(id).get("references"))
        .extracting(item -> item.get("id"))
        .containsExactly("mora2017", "akulov2017");
  }

  @Test
  void badReferencesAreRefusedNamingTheEntryAndNothingIsSaved() {
    int id = draft("Text.", List.of(AKULOV));
    Object version = read(id).get("version");

    put(id, Map.of("references", List.of(AKULOV, AKULOV)))
        .then()
        .statusCode(400)
        .body(
            "message", containsString("Reference 2 has the key \"akulov2017\", like reference 1"));
    put(id, Map.of("references", List.of(Map.of("id", "x", "type", "novel", "title", "X"))))
        .then()
        .statusCode(400)
        .body("message", containsString("Reference 1 (x) has the unknown type \"novel\""));
    List<Map<String, Object>> many = new java.util.ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(Map.of("id", "r" + i, "type", "book", "title", "Book " + i));
    }
    put(id, Map.of("references", many))
        .then()
        .statusCode(400)
        .body("message", containsString("at most 1000 references; this list has 10000"));
    assertThat(read(id).get("version")).isEqualTo(version);
    assertThat((List<?>) read(id).get("references")).hasSize(1);
  }

  @Test
  void thePreviewFormatsCitationsAndMarksTheOnesWithoutAReference() {
    int id = draft("Known [@akulov2017, p. 4], unknown [@nobody2020].", List.of(AKULOV));

    Map<String, Object> preview =
        DeskBrowser.api(AUTHOR)
            .body(
                Map.of("body", "Known [@akulov2017, p. 4], unknown [@nobody2020].", "article", id))
            .post("/api/v1/preview")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    Document html = Jsoup.parseBodyFragment((String) preview.get("html"));

    assertThat(html.select("a.citation").eachText()).containsExactly("(Akulov, 2017, p. 4)");
    assertThat(html.select("mark.citation-missing").eachText()).containsExactly("[@nobody2020]");
    assertThat(preview.get("unknownKeys")).isEqualTo(List.of("nobody2020"));
    assertThat((List<Map<String, Object>>) preview.get("references"))
        .singleElement()
        .satisfies(entry -> assertThat((String) entry.get("html")).contains("Akulov, A. (2017)"));
  }

  @Test
  void aSubmissionIsRefusedWhileACitationHasNoReference() {
    int id = draft("Cites [@akulov2017] and [@missing1999].", List.of(AKULOV));

    act(AUTHOR, id, "SUBMIT", null)
        .then()
        .statusCode(409)
        .body("message", containsString("cites [@missing1999] without a reference"));
    put(
            id,
            Map.of(
                "references",
                List.of(AKULOV, Map.of("id", "missing1999", "type", "book", "title", "Found"))))
        .then()
        .statusCode(200);
    act(AUTHOR, id, "SUBMIT", null).then().statusCode(200);
  }

  @Test
  void revisionsKeepTheirReferencesAndDiffsShowWhatChanged() {
    int id = draft("Text [@akulov2017].", List.of(AKULOV));
    Map<String, Object> changed = new HashMap<>(AKULOV);
    changed.put("title", "Prospects, revised");
    put(id, Map.of("references", List.of(changed, MORA))).then().statusCode(200);

    Map<String, Object> first =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + id + "/revisions/1")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat((List<Map<String, Object>>) first.get("references"))
        .extracting(item -> item.get("title"))
        .containsExactly("Prospects for Russia-US Relations");
    Map<String, Object> diff =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + id + "/diff?from=1&to=2")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat((List<Map<String, Object>>) diff.get("references"))
        .extracting(change -> change.get("key") + " " + change.get("change"))
        .containsExactly("akulov2017 CHANGED", "mora2017 ADDED");
    io.restassured.response.Response badDiff =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles/" + id + "/diff?from=one&to=2");
    assertThat(badDiff.statusCode())
        .as("a query number typed wrong is a bad request")
        .isEqualTo(400);
    assertThat(badDiff.jsonPath().getString("message")).contains("\"from\" as a revision number");
    io.restassured.response.Response badCursor =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles?before=yesterday");
    assertThat(badCursor.statusCode()).isEqualTo(400);
    assertThat(badCursor.jsonPath().getString("message"))
        .contains("leave it out for the first page");

    put(id, Map.of("references", List.of(MORA))).then().statusCode(200);
    Document desk =
        Jsoup.parse(
            DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD)
                .get("/desk/articles/" + id + "/diff?from=2&to=3")
                .asString());
    assertThat(desk.select("ul.reference-changes li").eachText())
        .singleElement()
        .asString()
        .startsWith("Removed akulov2017")
        .contains("Prospects, revised");
    assertThat(desk.select("ul.reference-changes del").text()).contains("revised");
  }

  @Test
  void aReviewerSeesTheReferencesOfTheRevisionUnderReview() {
    int id = draft("Text [@akulov2017].", List.of(AKULOV));
    act(AUTHOR, id, "SUBMIT", null).then().statusCode(200);
    int review = assign(id, REVIEWER);
    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
    DeskBrowser.api(REVIEWER)
        .body(
            Map.of("recommendation", "MINOR_REVISIONS", "toAuthor", "Cite Mora.", "toEditor", "-"))
        .post("/api/v1/reviews/" + review + "/report")
        .then()
        .statusCode(200);
    act(EDITOR, id, "REQUEST_MINOR_REVISIONS", "Add Mora.").then().statusCode(200);
    put(id, Map.of("body", "Text [@akulov2017] [@mora2017].", "references", List.of(AKULOV, MORA)))
        .then()
        .statusCode(200);
    act(AUTHOR, id, "SUBMIT", "Mora added.").then().statusCode(200);

    // The first round's reviewer still reads the revision they reviewed, with its references.
    Map<String, Object> paper =
        DeskBrowser.api(REVIEWER)
            .get("/api/v1/reviews/" + review)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat((List<Map<String, Object>>) paper.get("references"))
        .extracting(item -> item.get("id"))
        .containsExactly("akulov2017");
    Document page =
        Jsoup.parse(
            DeskBrowser.signedIn(REVIEWER, TestAccounts.PASSWORD)
                .get("/desk/reviews/" + review)
                .asString());
    assertThat(page.select("section.references li").eachText())
        .singleElement()
        .asString()
        .startsWith("Akulov, A. (2017).");
    assertThat(page.select(".article-text a.citation").eachText())
        .containsExactly("(Akulov, 2017)");

    // The second round's reviewer reads the new revision, with both.
    int second = assign(id, SECOND_REVIEWER);
    Map<String, Object> newer =
        DeskBrowser.api(SECOND_REVIEWER)
            .get("/api/v1/reviews/" + second)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat((List<Map<String, Object>>) newer.get("references"))
        .extracting(item -> item.get("id"))
        .containsExactly("akulov2017", "mora2017");
  }

  private static int assign(int article, String reviewer) {
    return DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", reviewer, "dueOn", LocalDate.now().plusDays(7).toString()))
        .post("/api/v1/articles/" + article + "/reviews")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void theDeskAddsEditsMovesRemovesAndUndoes() {
    int id = draft("Text.", List.of(AKULOV));
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    String path = "/desk/articles/" + id + "/references";

    Document form = Jsoup.parse(author.get(path + "?add=book").asString());
    assertThat(form.select("form input[name=type]").attr("value")).isEqualTo("book");
    assertThat(form.select("label[for=ref-publisher]").text()).startsWith("Publisher");
    author
        .post(
            path,
            Map.of(
                "action",
                "save",
                "type",
                "book",
                "key",
                "",
                "id",
                "",
                "version",
                version(id),
                "author",
                "Walker, Shaun\nWorld Health Organization",
                "issued",
                "2018",
                "title",
                "The Long Hangover",
                "publisher",
                "Oxford University Press"))
        .then()
        .statusCode(303);
    List<Map<String, Object>> references = references(id);
    assertThat(references)
        .extracting(item -> item.get("id"))
        .containsExactly("akulov2017", "walker2018");
    assertThat(references.get(1).get("author"))
        .isEqualTo(
            List.of(
                Map.of("family", "Walker", "given", "Shaun"),
                Map.of("literal", "World Health Organization")));

    Document editing = Jsoup.parse(author.get(path + "?edit=walker2018").asString());
    assertThat(editing.select("#ref-title").attr("value")).isEqualTo("The Long Hangover");
    author
        .post(
            path,
            Map.of(
                "action",
                "save",
                "type",
                "book",
                "key",
                "walker2018",
                "id",
                "walker2018",
                "version",
                version(id),
                "author",
                "Walker, Shaun",
                "issued",
                "2018-03",
                "title",
                "The Long Hangover: Putin's New Russia",
                "publisher",
                ""))
        .then()
        .statusCode(303);
    assertThat(references(id).get(1))
        .containsEntry("title", "The Long Hangover: Putin's New Russia")
        .containsEntry("issued", Map.of("date-parts", List.of(List.of(2018, 3))))
        .doesNotContainKey("publisher");

    author
        .post(path, Map.of("action", "up", "key", "walker2018", "version", version(id)))
        .then()
        .statusCode(303);
    assertThat(references(id))
        .extracting(item -> item.get("id"))
        .containsExactly("walker2018", "akulov2017");

    Response removed =
        author.post(path, Map.of("action", "remove", "key", "walker2018", "version", version(id)));
    removed.then().statusCode(303);
    assertThat(references(id)).extracting(item -> item.get("id")).containsExactly("akulov2017");
    Document notice = Jsoup.parse(author.get(removed.header("Location")).asString());
    assertThat(notice.select(".notice").text()).startsWith("Reference removed.");
    var undo = notice.selectFirst(".notice form");
    Map<String, Object> fields = new HashMap<>();
    undo.select("input[type=hidden]")
        .forEach(input -> fields.put(input.attr("name"), input.attr("value")));
    author.postRaw(path, fields).then().statusCode(303);
    assertThat(references(id))
        .extracting(item -> item.get("id"))
        .containsExactly("walker2018", "akulov2017");
  }

  @Test
  void aRefusedFormKeepsWhatWasTyped() {
    int id = draft("Text.", List.of(AKULOV));
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    Response refused =
        author.post(
            "/desk/articles/" + id + "/references",
            Map.of(
                "action",
                "save",
                "type",
                "webpage",
                "key",
                "",
                "id",
                "akulov2017",
                "version",
                version(id),
                "title",
                "A second page typed carefully",
                "URL",
                "https://example.org/second"));

    refused.then().statusCode(400);
    Document page = Jsoup.parse(refused.asString());
    assertThat(page.select(".error-box").text()).contains("Reference 2 has the key \"akulov2017\"");
    assertThat(page.select("#ref-title").attr("value")).isEqualTo("A second page typed carefully");
    assertThat(references(id)).hasSize(1);
  }

  @Test
  void aPasteIsShownBeforeItIsAddedAndABrokenOneIsNamed() {
    int id = draft("Text.", List.of(AKULOV));
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    String paste =
        """
        @article{winter1962, author = {Winter, George D.}, title = {Formation of the Scab},
          journal = {Nature}, year = 1962, volume = 193, pages = {293--294}}
        @book{akulov2017, author = {Akulov, A.}, title = {Prospects, the Book}, year = 2017}
        """;
    Response preview =
        author.post(
            "/desk/articles/" + id + "/references/paste",
            Map.of("text", paste, "version", version(id)));

    preview.then().statusCode(200);
    Document page = Jsoup.parse(preview.asString());
    assertThat(page.select("section[aria-labelledby=paste-title] [role=status]").text())
        .isEqualTo("Read 2 references from the BibTeX. Check them, then add them:");
    assertThat(page.select("section[aria-labelledby=paste-title] li").eachText())
        .anyMatch(row -> row.startsWith("winter1962 Winter, G. D. (1962). Formation of the Scab."))
        .anyMatch(row -> row.startsWith("akulov2017 replaces the reference with this key"));
    assertThat(references(id)).hasSize(1);

    author
        .post(
            "/desk/articles/" + id + "/references/paste",
            Map.of("text", paste, "version", version(id), "confirm", "yes"))
        .then()
        .statusCode(303);
    assertThat(references(id))
        .extracting(item -> item.get("id") + " " + item.get("type"))
        .containsExactly("akulov2017 book", "winter1962 article-journal");

    String broken = "@article{fine, title = {Fine}}\n@book{bad, title = {Unclosed, year = 2001}\n";
    Response refused =
        author.post(
            "/desk/articles/" + id + "/references/paste",
            Map.of("text", broken, "version", version(id)));
    refused.then().statusCode(400);
    Document again = Jsoup.parse(refused.asString());
    assertThat(again.select(".error-box").text()).contains("BibTeX entry 2 (@book{bad)");
    assertThat(again.select("#paste-text").text()).isEqualTo(broken.strip());
  }

  @Test
  void onlyTheArticlesAuthorsReachItsReferences() {
    int id = draft("Text.", List.of(AKULOV));
    accounts.create("refs-stranger@stet.test", Role.AUTHOR);
    DeskBrowser stranger = DeskBrowser.signedIn("refs-stranger@stet.test", TestAccounts.PASSWORD);

    stranger.get("/desk/articles/" + id + "/references").then().statusCode(404);
    stranger
        .post(
            "/desk/articles/" + id + "/references",
            Map.of("action", "remove", "key", "akulov2017", "version", version(id)))
        .then()
        .statusCode(404);
    assertThat(references(id)).hasSize(1);
  }

  private static String version(int id) {
    return String.valueOf(read(id).get("version"));
  }

  private static List<Map<String, Object>> references(int id) {
    return (List<Map<String, Object>>) read(id).get("references");
  }

  private static Response act(String who, int article, String action, String note) {
    Map<String, Object> body = new HashMap<>();
    body.put("action", action);
    body.put("note", note);
    return DeskBrowser.api(who).body(body).post("/api/v1/articles/" + article + "/transitions");
  }
}
