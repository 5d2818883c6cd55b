package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.identity.Account;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** What cannot be undone is asked first, on a page that works without JavaScript. */
@QuarkusTest
class ConfirmationTest {

  @Inject TestAccounts accounts;

  @Test
  void withdrawingAsksFirstAndDoesNothingUntilConfirmed() {
    accounts.create("confirm-author@stet.test", Role.AUTHOR);
    DeskBrowser author = DeskBrowser.signedIn("confirm-author@stet.test", TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    String location =
        author
            .post("/desk/articles", Map.of("title", "Second thoughts", "body", "Text."))
            .header("Location");
    String article = location.replaceAll(".*(/desk/articles/\\d+).*", "$1");

    Document asked =
        Jsoup.parse(author.post(article + "/transition", Map.of("action", "WITHDRAW")).asString());
    assertThat(asked.selectFirst("h1").text()).isEqualTo("Withdraw “Second thoughts”?");
    assertThat(asked.select(".consequences li").eachText())
        .anyMatch(line -> line.contains("cannot be submitted again"));
    assertThat(asked.selectFirst(".confirm a").attr("href")).isEqualTo(article);
    assertThat(state(author, article)).as("asking changed nothing").isEqualTo("Draft");

    author.post(article + "/transition", Map.of("action", "WITHDRAW", "confirmed", "yes"));
    assertThat(state(author, article)).isEqualTo("Withdrawn");
    assertThat(
            author
                .post(article + "/transition", Map.of("action", "WITHDRAW", "confirmed", "yes"))
                .statusCode())
        .as("a second click does nothing twice")
        .isEqualTo(409);
  }

  @Test
  void disablingAnAccountAsksFirst() {
    Account account = accounts.create("confirm-target@stet.test", Role.AUTHOR);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");
    Document asked =
        Jsoup.parse(
            admin.post("/desk/admin/users/" + account.id + "/disable", Map.of()).asString());
    assertThat(asked.selectFirst("h1").text()).contains("confirm-target@stet.test");
    assertThat(accounts.find("confirm-target@stet.test").disabled).isFalse();

    admin.post("/desk/admin/users/" + account.id + "/disable", Map.of("confirmed", "yes"));
    assertThat(accounts.find("confirm-target@stet.test").disabled).isTrue();
  }

  @Test
  void theDesksScriptAsksFirstAndNothingHappensUntilTheFormIsPostedForReal() {
    accounts.create("ask-first@stet.test", Role.AUTHOR);
    DeskBrowser author = DeskBrowser.signedIn("ask-first@stet.test", TestAccounts.PASSWORD);
    author.get("/desk/articles/new");
    String article =
        author
            .post("/desk/articles", Map.of("title", "Asked first", "body", "Text."))
            .header("Location")
            .replaceAll(".*(/desk/articles/\\d+).*", "$1");

    var withdraw = author.askFirst(article + "/transition", Map.of("action", "WITHDRAW"));
    assertThat(withdraw.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(withdraw.asString()).select("section.confirm h1").text())
        .isEqualTo("Withdraw “Asked first”?");
    var submit = author.askFirst(article + "/transition", Map.of("action", "SUBMIT"));
    assertThat(submit.statusCode()).as("submitting needs no confirmation").isEqualTo(204);
    assertThat(state(author, article)).as("asking first changed nothing").isEqualTo("Draft");
    assertThat(
            author
                .askFirst(article + "/transition", Map.of("action", "SUBMIT", "_csrf", "forged"))
                .statusCode())
        .isEqualTo(403);

    author.post(article + "/transition", Map.of("action", "SUBMIT"));
    assertThat(state(author, article)).isEqualTo("Submitted");
  }

  private static String state(DeskBrowser who, String article) {
    return Jsoup.parse(who.get(article).asString()).selectFirst("#state").text();
  }
}
