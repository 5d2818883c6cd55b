package org.stet.desk.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.identity.Account;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.mail.GreenMailServer;
import org.stet.review.ReviewAssignment;
import org.stet.review.ReviewReminders;

/**
 * Choosing reviewers as an editor would: the picker's search and what it tells about each
 * candidate, inviting someone new by e-mail, refused forms that keep what was typed, reminders by
 * hand and automatic ones (each mailed once, also when two instances look at the same moment).
 */
@QuarkusTest
class ReviewerAssignmentTest {

  private static final String DUE = LocalDate.now().plusDays(14).toString();

  @Inject TestAccounts accounts;
  @Inject ReviewReminders reminders;

  @Test
  void thePickerFindsReviewersByNameEmailAndExpertiseAndTellsWhoWroteTheArticle() {
    accounts.create("pk-author@stet.test", Role.AUTHOR, Role.REVIEWER);
    accounts.create("pk-editor@stet.test", Role.EDITOR);
    accounts.create("pk-caspian@stet.test", Role.REVIEWER);
    accounts.create("pk-busy@stet.test", Role.REVIEWER);
    DeskBrowser reviewer = DeskBrowser.signedIn("pk-caspian@stet.test", TestAccounts.PASSWORD);
    reviewer.get("/desk/account");
    reviewer.post(
        "/desk/account",
        Map.of(
            "displayName",
            "Kamila Caspian",
            "timeZone",
            "",
            "expertise",
            "energy policy, Caspian pipelines"));
    long article = submitted("pk-author@stet.test", "Pipelines and power");
    DeskBrowser editor = DeskBrowser.signedIn("pk-editor@stet.test", TestAccounts.PASSWORD);

    Document all = page(editor, article, "pk-");
    assertThat(all.select(".candidate-name").eachText())
        .contains("Kamila Caspian", "User pk-author", "User pk-busy");
    assertThat(candidate(all, "pk-author@stet.test").text())
        .contains("author of this article: cannot review it");
    assertThat(candidate(all, "pk-author@stet.test").selectFirst("input").hasAttr("disabled"))
        .isTrue();
    assertThat(candidate(all, "pk-caspian@stet.test").text())
        .contains("0 open, 0 finished reviews")
        .contains("energy policy, Caspian pipelines");

    assertThat(page(editor, article, "pipelines").select(".candidate-name").eachText())
        .containsExactly("Kamila Caspian");
    assertThat(page(editor, article, "PK-BUSY@").select(".candidate-name").eachText())
        .containsExactly("User pk-busy");
    assertThat(page(editor, article, "pk%").select(".candidate")).isEmpty();
    assertThat(page(editor, article, "nobody-like-this").text()).contains("No reviewer matches");

    Response assigned =
        editor.post(
            "/desk/articles/" + article + "/reviewers",
            Map.of("reviewer", "pk-caspian@stet.test", "dueOn", DUE, "q", "pipelines"));
    assertThat(assigned.statusCode()).isEqualTo(303);
    assertThat(assigned.getHeader("Location")).endsWith("?done=ASSIGNED");
    Document after = page(editor, article, "pk-");
    assertThat(candidate(after, "pk-caspian@stet.test").text())
        .contains("1 open, 0 finished reviews")
        .contains("asked already for this revision");
    assertThat(after.select("h1 ~ p").text()).contains("Kamila Caspian");
  }

  @Test
  void aRefusedChoiceKeepsTheSearchTheChoiceAndTheDate() {
    accounts.create("rf-author@stet.test", Role.AUTHOR);
    accounts.create("rf-editor@stet.test", Role.EDITOR);
    accounts.create("rf-reviewer@stet.test", Role.REVIEWER);
    long article = submitted("rf-author@stet.test", "Refusals");
    DeskBrowser editor = DeskBrowser.signedIn("rf-editor@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/articles/" + article + "/reviewers");
    String past = LocalDate.now().minusDays(2).toString();

    Response refused =
        editor.post(
            "/desk/articles/" + article + "/reviewers",
            Map.of("reviewer", "rf-reviewer@stet.test", "dueOn", past, "q", "rf-"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(refused.asString());
    assertThat(page.selectFirst("#choose-error").text()).contains("is in the past");
    assertThat(page.selectFirst("#q").val()).isEqualTo("rf-");
    assertThat(page.selectFirst("#dueOn").val()).isEqualTo(past);
    assertThat(page.selectFirst("input[name=reviewer][checked]").val())
        .isEqualTo("rf-reviewer@stet.test");

    Response nobody =
        editor.post("/desk/articles/" + article + "/reviewers", Map.of("dueOn", DUE, "q", ""));
    assertThat(nobody.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(nobody.asString()).selectFirst("#choose-error").text())
        .isEqualTo("Choose a reviewer from the list.");

    Response badEmail =
        editor.post(
            "/desk/articles/" + article + "/reviewers/new",
            Map.of("name", "Nur New", "email", "nur-at-example", "dueOn", DUE));
    assertThat(badEmail.statusCode()).isEqualTo(400);
    Document typed = Jsoup.parse(badEmail.asString());
    assertThat(typed.selectFirst("#new-error").text()).contains("Enter an e-mail address");
    assertThat(typed.selectFirst("#new-name").val()).isEqualTo("Nur New");
    assertThat(typed.selectFirst("#new-email").val()).isEqualTo("nur-at-example");
    assertThat(typed.selectFirst("#new-due").val()).isEqualTo(DUE);

    Response notAReviewer =
        editor.post(
            "/desk/articles/" + article + "/reviewers/new",
            Map.of("name", "Writer", "email", "rf-author@stet.test", "dueOn", DUE));
    assertThat(notAReviewer.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(notAReviewer.asString()).selectFirst("#new-error").text())
        .contains("has an account without the reviewer role");
  }

  @Test
  void someoneNewIsInvitedByMailGetsAnAccountAndFindsTheReview() throws Exception {
    accounts.create("nw-author@stet.test", Role.AUTHOR);
    accounts.create("nw-editor@stet.test", Role.EDITOR);
    long article = submitted("nw-author@stet.test", "Newcomers welcome");
    DeskBrowser editor = DeskBrowser.signedIn("nw-editor@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/articles/" + article + "/reviewers");

    Response invited =
        editor.post(
            "/desk/articles/" + article + "/reviewers/new",
            Map.of("name", "Nora Newcomer", "email", "Nora@Stet.test", "dueOn", DUE));
    assertThat(invited.statusCode()).isEqualTo(303);

    Account nora = accounts.find("nora@stet.test");
    assertThat(nora.roleSet()).containsExactly(Role.REVIEWER);
    MimeMessage account = GreenMailServer.awaitContaining("nora@stet.test", "Your account on");
    assertThat(GreenMailServer.text(account)).contains("User nw-editor has made an account");
    GreenMailServer.await("nora@stet.test", "Review invitation: Newcomers welcome");
    DeskBrowser owner = DeskBrowser.acceptInvitation("nora@stet.test", TestAccounts.PASSWORD);
    assertThat(owner.get("/desk/reviews").asString()).contains("Newcomers welcome");
  }

  @Test
  void editorsRemindAndCancelOpenReviewsOnceAndWithConfirmation() throws Exception {
    accounts.create("rm-author@stet.test", Role.AUTHOR);
    accounts.create("rm-editor@stet.test", Role.EDITOR);
    accounts.create("rm-reviewer@stet.test", Role.REVIEWER);
    long article = submitted("rm-author@stet.test", "Remember me");
    DeskBrowser editor = DeskBrowser.signedIn("rm-editor@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/articles/" + article + "/reviewers");
    editor.post(
        "/desk/articles/" + article + "/reviewers",
        Map.of("reviewer", "rm-reviewer@stet.test", "dueOn", DUE));
    Document page = Jsoup.parse(editor.get("/desk/articles/" + article).asString());
    String remind = page.selectFirst("form[action$=/remind]").attr("action");
    String cancel = page.selectFirst("form[action$=/cancel]").attr("action");

    Response reminded = editor.post(remind, Map.of());
    assertThat(reminded.getHeader("Location")).endsWith("?done=REMINDED");
    MimeMessage mail =
        GreenMailServer.await("rm-reviewer@stet.test", "Reminder: review of Remember me");
    assertThat(GreenMailServer.text(mail))
        .contains("is due on " + DUE)
        .contains("You have not answered the invitation yet");
    Response again = editor.post(remind, Map.of());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(again.asString()).select("[role=alert]").text())
        .contains("was reminded less than an hour ago");

    Response asked = editor.post(cancel, Map.of());
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(asked.asString()).selectFirst("h1").text())
        .isEqualTo("Cancel the review of User rm-reviewer?");
    assertThat(editor.post(cancel, Map.of("confirmed", "yes")).getHeader("Location"))
        .endsWith("?done=CANCELLED");
    assertThat(editor.post(cancel, Map.of("confirmed", "yes")).statusCode()).isEqualTo(409);
    assertThat(
            editor
                .post("/desk/articles/" + article + "/reviews/999999/remind", Map.of())
                .statusCode())
        .isEqualTo(404);
    assertThat(
            GreenMailServer.received("rm-reviewer@stet.test").stream()
                .filter(m -> subject(m).startsWith("Reminder")))
        .hasSize(1);
  }

  @Test
  void automaticRemindersAreMailedOnceEvenWhenTwoInstancesLookAtOnce() throws Exception {
    accounts.create("au-author@stet.test", Role.AUTHOR);
    accounts.create("au-editor@stet.test", Role.EDITOR);
    accounts.create("au-soon@stet.test", Role.REVIEWER);
    accounts.create("au-late@stet.test", Role.REVIEWER);
    long article = submitted("au-author@stet.test", "Due dates");
    DeskBrowser editor = DeskBrowser.signedIn("au-editor@stet.test", TestAccounts.PASSWORD);
    editor.get("/desk/articles/" + article + "/reviewers");
    for (String reviewer : List.of("au-soon@stet.test", "au-late@stet.test")) {
      editor.post(
          "/desk/articles/" + article + "/reviewers", Map.of("reviewer", reviewer, "dueOn", DUE));
    }
    Instant weeksAgo = Instant.now().minus(20, ChronoUnit.DAYS);
    // The reminders count days in the site's zone, which another test may have moved far from UTC.
    LocalDate today =
        QuarkusTransaction.requiringNew()
            .call(() -> LocalDate.now(org.stet.settings.Site.current().zone()));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ReviewAssignment.update(
                  "dueOn = ?1, assignedAt = ?2 where reviewer.email = ?3",
                  today.plusDays(2),
                  weeksAgo,
                  "au-soon@stet.test");
              ReviewAssignment.update(
                  "dueOn = ?1, assignedAt = ?2 where reviewer.email = ?3",
                  today.minusDays(3),
                  weeksAgo,
                  "au-late@stet.test");
            });

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reminders::sendDue);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reminders::sendDue);
    first.get();
    second.get();
    reminders.sendDue();

    GreenMailServer.await("au-soon@stet.test", "Reminder: review of Due dates");
    MimeMessage late = GreenMailServer.await("au-late@stet.test", "Overdue review: Due dates");
    assertThat(GreenMailServer.text(late)).contains("was due on");
    Thread.sleep(1000);
    for (String reviewer : List.of("au-soon@stet.test", "au-late@stet.test")) {
      assertThat(
              GreenMailServer.received(reviewer).stream()
                  .map(ReviewerAssignmentTest::subject)
                  .filter(s -> s.startsWith("Reminder") || s.startsWith("Overdue")))
          .as(reviewer)
          .hasSize(1);
    }
  }

  private static long submitted(String author, String title) {
    DeskBrowser writer = DeskBrowser.signedIn(author, TestAccounts.PASSWORD);
    writer.get("/desk/articles/new");
    String location =
        writer.post("/desk/articles", Map.of("title", title, "body", "Text.")).header("Location");
    long id = Long.parseLong(location.replaceAll(".*/desk/articles/(\\d+).*", "$1"));
    writer.post("/desk/articles/" + id + "/transition", Map.of("action", "SUBMIT"));
    return id;
  }

  private static Document page(DeskBrowser editor, long article, String query) {
    Response response =
        editor.get(
            "/desk/articles/" + article + "/reviewers?q=" + query); // encoded by REST Assured
    assertThat(response.statusCode()).isEqualTo(200);
    return Jsoup.parse(response.asString());
  }

  private static org.jsoup.nodes.Element candidate(Document page, String email) {
    return page.selectFirst(".candidate:has(input[value=" + email + "])");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
