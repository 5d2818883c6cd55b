package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.review.ReviewAssignment;

/** The editors' queue searched by title, author and number, and filtered. */
@QuarkusTest
class QueueSearchTest {

  @Inject TestAccounts accounts;

  @Test
  void editorsFindArticlesByTitleAuthorAndNumberAndNarrowByFilters() {
    accounts.create("qs-author@stet.test", Role.AUTHOR);
    accounts.create("qs-editor@stet.test", Role.EDITOR);
    accounts.create("qs-other-editor@stet.test", Role.EDITOR);
    accounts.create("qs-reviewer@stet.test", Role.REVIEWER);
    DeskBrowser editor = DeskBrowser.signedIn("qs-editor@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/journals");
    editor.post("/desk/journals", Map.of("name", "Queue Quarterly", "reviewAnonymity", "SINGLE"));
    long pipelines = submitted("Zephyr pipelines of the Caspian");
    long draft = drafted("Zephyr drafts stay private");
    long ports = submitted("Zephyr ports and 100% tariffs");
    editor.get("/desk/articles/" + pipelines);
    editor.post("/desk/articles/" + pipelines + "/journal", Map.of("journal", "queue-quarterly"));
    editor.post(
        "/desk/articles/" + pipelines + "/reviewers",
        Map.of(
            "reviewer", "qs-reviewer@stet.test", "dueOn", LocalDate.now().plusDays(5).toString()));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ReviewAssignment.update(
                    "dueOn = ?1 where article.id = ?2", LocalDate.now().minusDays(1), pipelines));

    assertThat(titles(editor, "?q=zephyr"))
        .as("a search looks through every state (editors see every article)")
        .containsExactlyInAnyOrder(
            "Zephyr pipelines of the Caspian",
            "Zephyr drafts stay private",
            "Zephyr ports and 100% tariffs");
    assertThat(titles(editor, "?q=qs-author")).hasSize(3);
    assertThat(titles(editor, "?q=" + ports)).containsExactly("Zephyr ports and 100% tariffs");
    assertThat(titles(editor, "?q=100%")).containsExactly("Zephyr ports and 100% tariffs");
    assertThat(titles(editor, "?q=" + draft)).containsExactly("Zephyr drafts stay private");
    assertThat(titles(editor, "?q=zephyr&state=SUBMITTED"))
        .containsExactly("Zephyr ports and 100% tariffs");
    assertThat(titles(editor, "?q=zephyr&journal=queue-quarterly"))
        .containsExactly("Zephyr pipelines of the Caspian");
    assertThat(titles(editor, "?q=zephyr&overdue=yes"))
        .containsExactly("Zephyr pipelines of the Caspian");
    long me = accounts.find("qs-editor@stet.test").id;
    long other = accounts.find("qs-other-editor@stet.test").id;
    assertThat(titles(editor, "?q=zephyr&editor=" + me))
        .containsExactly("Zephyr pipelines of the Caspian");
    assertThat(titles(editor, "?q=zephyr&editor=" + other)).isEmpty();

    Document kept = Jsoup.parse(editor.get("/desk/queue?q=zephyr&overdue=yes").asString());
    assertThat(kept.selectFirst("#q").val()).isEqualTo("zephyr");
    assertThat(kept.selectFirst("input[name=overdue]").hasAttr("checked")).isTrue();
    assertThat(kept.selectFirst(".tabs a").attr("href"))
        .contains("q=zephyr")
        .contains("overdue=yes");
    assertThat(kept.select("#queue td").eachText()).contains("In review");

    Document none = Jsoup.parse(editor.get("/desk/queue?q=no-such-words-anywhere").asString());
    assertThat(none.text()).contains("Nothing matches this search");
    for (String bad :
        List.of("?journal=<script>", "?editor=abc", "?q=" + "x".repeat(201), "?state=NOPE")) {
      Response refused = editor.get("/desk/queue" + bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
    }
  }

  private static List<String> titles(DeskBrowser editor, String query) {
    Response response = editor.get("/desk/queue" + query);
    assertThat(response.statusCode()).as(query).isEqualTo(200);
    return Jsoup.parse(response.asString()).select("#queue td a").eachText();
  }

  private static long drafted(String title) {
    DeskBrowser author = DeskBrowser.signedIn("qs-author@stet.test", TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    String location =
        author.post("/desk/articles", Map.of("title", title, "body", "Text.")).header("Location");
    return Long.parseLong(location.replaceAll(".*/desk/articles/(\\d+).*", "$1"));
  }

  private static long submitted(String title) {
    long id = drafted(title);
    DeskBrowser author = DeskBrowser.signedIn("qs-author@stet.test", TestAccounts.PASSWORD);
    author.get("/desk/articles/" + id);
    author.post("/desk/articles/" + id + "/transition", Map.of("action", "SUBMIT"));
    return id;
  }
}
