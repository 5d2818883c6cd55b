package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.journal.IssueStatus;
import org.stet.journal.ReviewAnonymity;
import org.stet.review.Recommendation;
import org.stet.review.ReviewAssignment;
import org.stet.review.ReviewState;
import org.stet.workflow.WorkflowAction;

/** Every desk page each role reaches speaks in words: no enum names, no ISO time stamps. */
@QuarkusTest
class DeskWordsTest {

  private static final String AUTHOR = "words-author@stet.test";
  private static final String EDITOR = "words-editor@stet.test";
  private static final String REVIEWER = "words-reviewer@stet.test";

  /** Every constant the desk used to print, as a whole word in upper case. */
  private static final Pattern ENUM_NAME =
      Pattern.compile(
          "\\b("
              + String.join(
                  "|",
                  Stream.of(
                          ArticleStatus.values(),
                          WorkflowAction.values(),
                          ReviewState.values(),
                          Recommendation.values(),
                          ReviewAnonymity.values(),
                          IssueStatus.values(),
                          Role.values())
                      .flatMap(Stream::of)
                      .map(Enum::name)
                      .distinct()
                      .toList())
              + ")\\b");

  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");

  @Inject TestAccounts accounts;

  @Test
  void noDeskPageShowsAnEnumNameOrATimeStamp() {
    accounts.create(AUTHOR, Role.AUTHOR);
    accounts.create(EDITOR, Role.EDITOR);
    accounts.create(REVIEWER, Role.REVIEWER);
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    DeskBrowser reviewer = DeskBrowser.signedIn(REVIEWER, TestAccounts.PASSWORD);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

    author.get("/desk/articles/new");
    String location =
        author
            .post("/desk/articles", Map.of("title", "Worded article", "body", "Some text."))
            .header("Location");
    long id = Long.parseLong(location.replaceAll(".*/desk/articles/(\\d+).*", "$1"));
    String article = "/desk/articles/" + id;
    author.post(article + "/transition", Map.of("action", "SUBMIT"));
    editor.get(article);
    editor.post(
        article + "/reviewers",
        Map.of("reviewer", REVIEWER, "dueOn", LocalDate.now().plusDays(7).toString()));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ReviewAssignment.update(
                    "dueOn = ?1 where article.id = ?2", LocalDate.now().minusDays(2), id));
    editor.get("/desk/journals");
    editor.post("/desk/journals", Map.of("name", "Worded Review", "reviewAnonymity", "DOUBLE"));
    editor.post(
        "/desk/journals/worded-review/issues",
        Map.of("number", "1", "year", "2017", "month", "2", "status", "PLANNED"));
    String review =
        Jsoup.parse(reviewer.get("/desk/reviews").asString()).selectFirst("td a").attr("href");

    List<String> found = new ArrayList<>();
    check(found, author, "/desk", "/desk/articles", article, "/desk/account");
    check(found, reviewer, "/desk", "/desk/reviews", review);
    check(found, editor, "/desk", article, "/desk/journals", "/desk/journals/worded-review");
    check(found, editor, "/desk/journals/worded-review/issues/1");
    for (ArticleStatus state : ArticleStatus.values()) {
      check(found, editor, "/desk/queue?state=" + state.name());
    }
    check(found, admin, "/desk", "/desk/admin/users", "/desk/admin/plugins", "/desk/admin/site");
    check(found, admin, "/desk/admin/users/1", "/desk/account");
    assertThat(found).isEmpty();

    Document reviews = Jsoup.parse(reviewer.get("/desk/reviews").asString());
    assertThat(reviews.select(".overdue").eachText())
        .as("a review past its due date says so in words")
        .contains("overdue");
    Document history = Jsoup.parse(editor.get(article).asString());
    assertThat(history.select("#history-title ~ table td").eachText())
        .contains("Submitted", "Draft → Submitted")
        .anyMatch(cell -> cell.equals("User words-author"));
  }

  @Test
  void theStartPageListsWhatWaitsWithCountsAndTheQueueOpensWhereSomethingWaits() {
    accounts.create("todo-author@stet.test", Role.AUTHOR);
    accounts.create("todo-reviewer@stet.test", Role.REVIEWER);
    accounts.create("todo-editor@stet.test", Role.EDITOR);
    DeskBrowser author = DeskBrowser.signedIn("todo-author@stet.test", TestAccounts.PASSWORD);
    DeskBrowser reviewer = DeskBrowser.signedIn("todo-reviewer@stet.test", TestAccounts.PASSWORD);
    DeskBrowser editor = DeskBrowser.signedIn("todo-editor@stet.test", TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    author.post("/desk/articles", Map.of("title", "Still a draft", "body", "Text."));
    String location =
        author
            .post("/desk/articles", Map.of("title", "Sent in", "body", "Text."))
            .header("Location");
    long id = Long.parseLong(location.replaceAll(".*/desk/articles/(\\d+).*", "$1"));
    author.post("/desk/articles/" + id + "/transition", Map.of("action", "SUBMIT"));
    editor.get("/desk/articles/" + id);
    editor.post(
        "/desk/articles/" + id + "/reviewers",
        Map.of(
            "reviewer",
            "todo-reviewer@stet.test",
            "dueOn",
            LocalDate.now().plusDays(3).toString()));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                ReviewAssignment.update(
                    "dueOn = ?1 where article.id = ?2", LocalDate.now().minusDays(1), id));
    author.get("/desk/articles/new");
    String waiting =
        author.post("/desk/articles", Map.of("title", "Waits", "body", "Text.")).header("Location");
    author.post(
        waiting.replaceAll(".*(/desk/articles/\\d+).*", "$1") + "/transition",
        Map.of("action", "SUBMIT"));

    Document writing = Jsoup.parse(author.get("/desk").asString());
    assertThat(writing.select("#writing-title ~ .counts li").eachText())
        .contains("1 draft", "2 with the editors", "0 scheduled", "0 published");
    assertThat(writing.select("#editing-title")).as("authors see no editors' list").isEmpty();

    Document reviewing = Jsoup.parse(reviewer.get("/desk").asString());
    assertThat(reviewing.select("#reviewing-title ~ .counts li").eachText())
        .contains("1 invitation to answer", "0 reviews to write", "1 overdue");

    Document editing = Jsoup.parse(editor.get("/desk").asString());
    assertThat(editing.select("#editing-title ~ .counts li").eachText())
        .anyMatch(line -> line.matches("[1-9]\\d* new submissions?"))
        .anyMatch(line -> line.matches("[1-9]\\d* reviews? overdue"));
    Document queue = Jsoup.parse(editor.get("/desk/queue").asString());
    assertThat(queue.selectFirst(".tabs a[aria-current=page] .count").text()).isNotEqualTo("0");
  }

  private static void check(List<String> found, DeskBrowser who, String... paths) {
    for (String path : paths) {
      Response page = who.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      Document html = Jsoup.parse(page.asString());
      html.select("script, style").remove();
      String text = html.body().text();
      var enumName = ENUM_NAME.matcher(text);
      while (enumName.find()) {
        found.add(
            path + ": " + enumName.group() + " in \"" + around(text, enumName.start()) + "\"");
      }
      var stamp = ISO_INSTANT.matcher(text);
      while (stamp.find()) {
        found.add(path + ": time stamp in \"" + around(text, stamp.start()) + "\"");
      }
    }
  }

  private static String around(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
  }
}
