package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** The desk's forms, without JavaScript: the same workflow as the API, with what was typed kept. */
@QuarkusTest
class DeskWorkflowTest {

  private static final String AUTHOR = "dw-author@stet.test";
  private static final String EDITOR = "dw-editor@stet.test";
  private static final String REVIEWER = "dw-reviewer@stet.test";

  @Inject TestAccounts accounts;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(REVIEWER, Role.REVIEWER);
      created = true;
    }
  }

  @Test
  void anArticleGoesThroughTheDeskFromDraftToAnIssue() {
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    DeskBrowser reviewer = DeskBrowser.signedIn(REVIEWER, TestAccounts.PASSWORD);

    author.get("/desk/articles/new");
    Response made =
        author.post(
            "/desk/articles",
            Map.of("title", "Desk <b>article</b>", "body", "First *text*.", "tags", "Energy, Oil"));
    assertThat(made.statusCode()).isEqualTo(303);
    String edit = made.header("Location").replaceFirst("^https?://[^/]+", "");
    long id = Long.parseLong(edit.replaceAll("\\D+", " ").trim().split(" ")[0]);

    Document page = html(author.get("/desk/articles/" + id));
    assertThat(page.selectFirst("h1").text()).isEqualTo("Desk <b>article</b>");
    assertThat(page.select("h1 b")).as("the title is text, not markup").isEmpty();
    assertThat(page.selectFirst(".meta").text())
        .contains("Draft")
        .doesNotContain("DRAFT")
        .contains("Energy, Oil");
    author.post("/desk/articles/" + id + "/transition", Map.of("action", "SUBMIT"));

    Document queue = html(editor.get("/desk/queue?state=SUBMITTED"));
    assertThat(queue.select("#queue a").eachText()).contains("Desk <b>article</b>");
    assertThat(queue.selectFirst(".tabs a[aria-current=page]").text()).startsWith("Submitted");

    editor.get("/desk/articles/" + id);
    Response assigned =
        editor.post(
            "/desk/articles/" + id + "/reviewers",
            Map.of("reviewer", REVIEWER, "dueOn", LocalDate.now().plusDays(7).toString()));
    assertThat(assigned.statusCode()).isEqualTo(303);

    Document reviews = html(reviewer.get("/desk/reviews"));
    String link = reviews.selectFirst("td a").attr("href");
    reviewer.post(link + "/accept", Map.of());
    Document paper = html(reviewer.get(link));
    assertThat(paper.selectFirst(".article-text em").text()).isEqualTo("text");
    Response refused =
        reviewer.post(link + "/report", Map.of("recommendation", "ACCEPT", "toAuthor", " "));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).selectFirst(".error-box").text()).contains("comments to the author");
    reviewer.post(
        link + "/report",
        Map.of(
            "recommendation",
            "ACCEPT",
            "toAuthor",
            "Clear.",
            "toEditor",
            "Publish *it*. <b>x</b>"));
    assertThat(html(reviewer.get(link)).selectFirst("#review-state").text()).isEqualTo("Review in");

    Document decision = html(editor.get("/desk/articles/" + id));
    assertThat(decision.select(".letter-text").eachText())
        .contains("Clear.", "Publish it. <b>x</b>");
    assertThat(decision.select(".letter-text em").eachText())
        .as("reviews are Markdown letters")
        .contains("it");
    assertThat(decision.select(".letter-text b")).as("raw HTML is shown as text").isEmpty();
    Response noMessage =
        editor.post(
            "/desk/articles/" + id + "/transition",
            Map.of("action", "REJECT", "note", " ", "confirmed", "yes"));
    assertThat(noMessage.statusCode()).isEqualTo(409);
    assertThat(html(noMessage).selectFirst(".error-box").text())
        .contains("This article is in review");
    editor.post("/desk/articles/" + id + "/transition", Map.of("action", "ACCEPT"));

    editor.get("/desk/journals");
    Response journal =
        editor.post(
            "/desk/journals", Map.of("name", "Desk Quarterly", "reviewAnonymity", "DOUBLE"));
    assertThat(journal.statusCode()).isEqualTo(303);
    editor.post(
        "/desk/journals/desk-quarterly/issues",
        Map.of("number", "15", "year", "2017", "month", "3", "status", "PUBLISHED"));
    Document asked =
        html(
            editor.post(
                "/desk/articles/" + id + "/transition",
                Map.of("action", "PUBLISH", "issue", "desk-quarterly/15")));
    assertThat(asked.selectFirst("h1").text()).isEqualTo("Publish “Desk <b>article</b>” now?");
    assertThat(asked.select(".consequences li").eachText())
        .anyMatch(line -> line.contains("Desk Quarterly, March 2017 No. 15"));
    assertThat(html(editor.get("/desk/articles/" + id)).selectFirst("#state").text())
        .as("asking published nothing")
        .isEqualTo("Accepted");
    assertThat(asked.select("form input[type=hidden]").eachAttr("name"))
        .contains("_csrf", "action", "issue", "confirmed");
    Response published =
        editor.post(
            "/desk/articles/" + id + "/transition",
            Map.of("action", "PUBLISH", "issue", "desk-quarterly/15", "confirmed", "yes"));
    assertThat(published.statusCode()).isEqualTo(303);
    Document done = html(editor.get("/desk/articles/" + id + "?done=PUBLISH"));
    assertThat(done.selectFirst("#state").text()).isEqualTo("Published");
    assertThat(done.selectFirst(".notice").text()).isEqualTo("Published.");
    Document issue = html(editor.get("/desk/journals/desk-quarterly/issues/15"));
    assertThat(issue.select(".toc a").eachText()).containsExactly("Desk <b>article</b>");
  }

  @Test
  void aStaleSaveShowsBothTextsAndKeepsTheWritersOwn() {
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    String edit =
        author
            .post("/desk/articles", Map.of("title", "Conflicted", "body", "Original."))
            .header("Location")
            .replaceFirst("^https?://[^/]+", "")
            .replace("?saved", "");
    String version = html(author.get(edit)).selectFirst("#version").val();
    author.post(
        edit, Map.of("version", version, "title", "Conflicted", "body", "Saved in another tab."));

    Response stale =
        author.post(
            edit, Map.of("version", version, "title", "Conflicted", "body", "My own words."));

    assertThat(stale.statusCode()).isEqualTo(409);
    Document page = html(stale);
    assertThat(page.selectFirst("#body").text()).isEqualTo("My own words.");
    assertThat(page.selectFirst(".their-text").text()).isEqualTo("Saved in another tab.");
    String newer = page.selectFirst("#version").val();
    assertThat(Long.parseLong(newer)).isGreaterThan(Long.parseLong(version));
    Response merged =
        author.post(edit, Map.of("version", newer, "title", "Conflicted", "body", "Merged words."));
    assertThat(merged.statusCode()).isEqualTo(303);
  }

  @Test
  void anotherAuthorsArticleDoesNotExistOnTheDesk() {
    accounts.create("dw-stranger@stet.test", Role.AUTHOR);
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    String edit =
        author
            .post("/desk/articles", Map.of("title", "Private", "body", "Mine."))
            .header("Location")
            .replaceFirst("^https?://[^/]+", "")
            .replace("?saved", "");
    String article = edit.replace("/edit", "");
    DeskBrowser stranger = DeskBrowser.signedIn("dw-stranger@stet.test", TestAccounts.PASSWORD);
    assertThat(stranger.get(article).statusCode()).isEqualTo(404);
    assertThat(stranger.get(edit).statusCode()).isEqualTo(404);
    stranger.get("/desk/articles");
    assertThat(
            stranger
                .post(edit, Map.of("version", "0", "title", "Stolen", "body", "Overwritten."))
                .statusCode())
        .isEqualTo(404);
    assertThat(stranger.post(article + "/transition", Map.of("action", "WITHDRAW")).statusCode())
        .isEqualTo(404);
    assertThat(html(stranger.get("/desk/articles")).text()).doesNotContain("Private");
  }

  private static Document html(Response response) {
    return Jsoup.parse(response.asString());
  }
}
