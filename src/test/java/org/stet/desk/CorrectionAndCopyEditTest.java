package org.stet.desk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/**
 * Editors copy-edit an accepted article (revisions its authors see) and correct a published one
 * (the corrected text at once, a visible note with its date, JSON-LD dateModified).
 */
@QuarkusTest
class CorrectionAndCopyEditTest {

  private static final String AUTHOR = "ce-author@stet.test";
  private static final String EDITOR = "ce-editor@stet.test";

  @Inject TestAccounts accounts;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      created = true;
    }
  }

  @Test
  void editorsCopyEditAnAcceptedArticleAndItsAuthorsSeeEachChange() {
    long id = accepted("Copy editing", "Teh pipeline opened in 2019.");
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    assertThat(author.get("/desk/articles/" + id + "/edit").statusCode())
        .as("authors wait for the editors once the article is accepted")
        .isEqualTo(409);

    Document page = html(editor.get("/desk/articles/" + id));
    assertThat(page.select("a[href$=/edit]").text()).isEqualTo("Copy-edit the text");
    Document form = html(editor.get("/desk/articles/" + id + "/edit"));
    assertThat(form.selectFirst("h1").text()).isEqualTo("Copy-edit the accepted article");
    assertThat(form.select("#coAuthors")).as("authorship stays the authors'").isEmpty();
    assertThat(form.selectFirst("#editor").hasAttr("data-autosave")).isTrue();
    Response saved =
        editor.post(
            "/desk/articles/" + id + "/edit",
            Map.of(
                "version", form.selectFirst("#version").val(),
                "mode", "COPY_EDIT",
                "title", "Copy editing",
                "body", "The pipeline opened in 2019."));
    assertThat(saved.statusCode()).isEqualTo(303);

    Document history = html(author.get("/desk/articles/" + id));
    assertThat(history.select(".revisions li").last().text())
        .contains("Revision 2")
        .contains("by User ce-editor");
    Document diff = html(author.get("/desk/articles/" + id + "/diff?from=1&to=2"));
    assertThat(diff.select("del").eachText()).contains("Teh");
    assertThat(diff.select("ins").eachText()).contains("The");
  }

  @Test
  void copyEditorsChangeTheReferencesAndImportAWordVersionAsRevisions() throws Exception {
    long id = accepted("Copy-edited sources", "As Walker argued.");
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    Document page = html(editor.get("/desk/articles/" + id));
    assertThat(page.select("a[href$=/references]")).hasSize(1);
    assertThat(html(editor.get("/desk/articles/" + id + "/edit")).select("#word-version"))
        .hasSize(1);

    editor.get("/desk/articles/" + id + "/references");
    Response added =
        editor.post(
            "/desk/articles/" + id + "/references",
            Map.of(
                "action", "save",
                "type", "book",
                "key", "",
                "id", "walker2018",
                "version", version(id),
                "author", "Walker, Shaun",
                "issued", "2018",
                "title", "The Long Hangover",
                "publisher", "Oxford University Press"));
    assertThat(added.statusCode()).isEqualTo(303);
    assertThat(
            DeskBrowser.api(EDITOR)
                .get("/api/v1/articles/" + id)
                .then()
                .extract()
                .<java.util.List<?>>path("references"))
        .hasSize(1);

    Response imported =
        editor.upload(
            "/desk/articles/" + id + "/import",
            Map.of("version", version(id)),
            "file",
            "copy-edited.docx",
            java.nio.file.Files.readAllBytes(
                org.stet.SharedFixtures.require("fixtures/docx/sample-report.pandoc.docx")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(imported.statusCode()).isEqualTo(200);

    Document history =
        html(DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD).get("/desk/articles/" + id));
    assertThat(history.select(".revisions li").eachText())
        .as("the authors see both changes as the editor's revisions")
        .filteredOn(line -> line.contains("by User ce-editor"))
        .hasSize(2);
  }

  @Test
  void nobodyChangesTheReferencesWhileTheArticleIsInReview() {
    long id = accepted("Sources under review", "Text.", "SUBMIT", "START_REVIEW");
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    editor.get("/desk/articles/" + id);
    Response refused =
        editor.post(
            "/desk/articles/" + id + "/references/paste",
            Map.of("text", "@book{x, title={X}}", "version", version(id)));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(html(refused).text()).contains("editors copy-edit it once it is accepted");
  }

  @Test
  void aPublishedArticleIsCorrectedWithAVisibleNoteAndItsDate() throws Exception {
    long id = accepted("Corrections", "The treaty was signed in 1997.");
    DeskBrowser.api(EDITOR)
        .body("{\"action\":\"PUBLISH\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    String slug = DeskBrowser.api(EDITOR).get("/api/v1/articles/" + id).path("slug");
    JsonNode before = structuredData(slug);
    assertThat(before.path("dateModified").asText())
        .isEqualTo(before.path("datePublished").asText());

    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    assertThat(author.get("/desk/articles/" + id + "/edit").statusCode()).isEqualTo(409);
    assertThat(html(editor.get("/desk/articles/" + id)).select("a[href$=/edit]").text())
        .isEqualTo("Correct the published text");
    Document form = html(editor.get("/desk/articles/" + id + "/edit"));
    assertThat(form.selectFirst("h1").text()).isEqualTo("Correct the published article");
    assertThat(form.selectFirst("#editor").hasAttr("data-autosave"))
        .as("a correction publishes when saved, so it is never saved by itself")
        .isFalse();
    String version = form.selectFirst("#version").val();

    Response refused =
        editor.post(
            "/desk/articles/" + id + "/edit",
            Map.of(
                "version", version,
                "mode", "CORRECTION",
                "title", "Corrections",
                "body", "The treaty was signed in 1998.",
                "correctionNote", "x".repeat(2001)));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document kept = html(refused);
    assertThat(kept.selectFirst("#body").text()).isEqualTo("The treaty was signed in 1998.");
    assertThat(kept.selectFirst("#correctionNote").text()).hasSize(2001);
    assertThat(given().get("/articles/" + slug).asString()).contains("signed in 1997");

    Response corrected =
        editor.post(
            "/desk/articles/" + id + "/edit",
            Map.of(
                "version", version,
                "mode", "CORRECTION",
                "title", "Corrections",
                "body", "The treaty was signed in 1998.",
                "correctionNote", "An earlier version gave <the wrong year>."));
    assertThat(corrected.statusCode()).isEqualTo(303);
    assertThat(corrected.header("Location")).endsWith("/desk/articles/" + id + "?done=CORRECTED");

    Document site = Jsoup.parse(given().get("/articles/" + slug).asString());
    assertThat(site.selectFirst(".article-body").text()).contains("signed in 1998");
    assertThat(site.selectFirst(".correction").text())
        .startsWith("Corrected on ")
        .endsWith(": An earlier version gave <the wrong year>.");
    assertThat(site.selectFirst(".correction time").attr("datetime")).isNotBlank();
    JsonNode after = structuredData(slug);
    assertThat(Instant.parse(after.path("dateModified").asText()))
        .as("the correction's time is the article's dateModified")
        .isEqualTo(
            java.time.OffsetDateTime.parse(site.selectFirst(".correction time").attr("datetime"))
                .toInstant())
        .isAfterOrEqualTo(Instant.parse(after.path("datePublished").asText()));
    assertThat(site.selectFirst("script[type=application/ld+json]").data())
        .as("no text can close the script element")
        .doesNotContain("<");

    DeskBrowser.api(EDITOR)
        .body("{\"title\":\"Corrections\",\"body\":\"Quietly changed.\",\"version\":99}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(409);
    assertThat(html(author.get("/desk/articles/" + id)).select(".revisions li").last().text())
        .contains("Revision 2")
        .contains("correction");
  }

  /** An article by {@link #AUTHOR}, submitted and accepted by {@link #EDITOR}; its id. */
  private static long accepted(String title, String body) {
    return accepted(title, body, "SUBMIT", "START_REVIEW", "ACCEPT");
  }

  /** A new article by the author, taken through {@code steps} (the first the author's). */
  private static long accepted(String title, String body, String... steps) {
    int id =
        DeskBrowser.api(AUTHOR)
            .body(Map.of("title", title, "body", body))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (String step : steps) {
      DeskBrowser.api(step.equals("SUBMIT") ? AUTHOR : EDITOR)
          .body(Map.of("action", step))
          .post("/api/v1/articles/" + id + "/transitions")
          .then()
          .statusCode(200);
    }
    return id;
  }

  private static String version(long id) {
    return String.valueOf(
        DeskBrowser.api(EDITOR)
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .<Object>path("version"));
  }

  private static JsonNode structuredData(String slug) throws Exception {
    Document page = Jsoup.parse(given().get("/articles/" + slug).asString());
    return new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
  }

  private static Document html(Response response) {
    return Jsoup.parse(response.asString());
  }
}
