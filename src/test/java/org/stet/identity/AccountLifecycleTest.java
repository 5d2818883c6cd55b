package org.stet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.mail.GreenMailServer;

/**
 * An account's life after it is made: the invitation mail, "forgot password", an admin's reset
 * link, the owner's own settings and sessions. Mails arrive at a real SMTP server (GreenMail).
 */
@QuarkusTest
class AccountLifecycleTest {

  private static final String NEW_PASSWORD = "Copper-lantern-meadow-31";

  @Inject TestAccounts accounts;

  @Test
  void theInvitationLinkSetsTheFirstPasswordOnceAndSignsIn() throws Exception {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");
    admin.post(
        "/desk/admin/users",
        Map.of("email", "invited@stet.test", "displayName", "Ina Invited", "roles", "AUTHOR"));

    MimeMessage mail = GreenMailServer.awaitContaining("invited@stet.test", "Your account on");
    assertThat(GreenMailServer.text(mail))
        .contains("Hello Ina Invited")
        .contains("has made an account for you")
        .contains("works once, for 7 days");
    String link = DeskBrowser.mailedLink("invited@stet.test", "Your account on");

    DeskBrowser owner = new DeskBrowser();
    Response choose = owner.get(link);
    assertThat(choose.statusCode()).isEqualTo(200);
    assertThat(choose.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(Jsoup.parse(choose.asString()).selectFirst("h1").text())
        .isEqualTo("Welcome, Ina Invited");
    Response weak = owner.post(link, Map.of("password", "password1234"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(weak.asString()).selectFirst("#error").text()).contains("commonly used");

    Response chosen = owner.post(link, Map.of("password", NEW_PASSWORD));
    assertThat(chosen.statusCode()).isEqualTo(303);
    assertThat(chosen.getHeader("Location")).endsWith("/desk?password=set");
    assertThat(owner.get("/desk").statusCode()).isEqualTo(200);
    assertThat(accounts.auditActions("invited@stet.test")).contains("PASSWORD_SET");

    Response again = new DeskBrowser().get(link);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.asString()).contains("has expired or has been used already");
    DeskBrowser.signedIn("invited@stet.test", NEW_PASSWORD);
  }

  @Test
  void forgotPasswordAnswersTheSameForEveryAddressAndMailsOnlyRealAccounts() throws Exception {
    accounts.create("forgetful@stet.test", Role.AUTHOR);
    DeskBrowser other = DeskBrowser.signedIn("forgetful@stet.test", TestAccounts.PASSWORD);

    Document signIn = Jsoup.parse(new DeskBrowser().get("/desk/sign-in").asString());
    assertThat(signIn.select("a[href=/desk/password/forgot]").text())
        .isEqualTo("Forgot your password?");
    Response known = forgot("forgetful@stet.test");
    Response unknown = forgot("nobody-here@stet.test");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(notice(known).replace("forgetful@stet.test", "ADDRESS"))
        .isEqualTo(notice(unknown).replace("nobody-here@stet.test", "ADDRESS"))
        .contains("If an account uses ADDRESS, a link to choose a new password is on its way");

    String link = DeskBrowser.mailedLink("forgetful@stet.test", "Set a new password");
    assertThat(forgot("forgetful@stet.test").statusCode()).isEqualTo(200);
    Thread.sleep(500);
    assertThat(GreenMailServer.received("forgetful@stet.test")).hasSize(1); // once per interval
    assertThat(GreenMailServer.received("nobody-here@stet.test")).isEmpty();

    DeskBrowser.choosePassword(link, NEW_PASSWORD);
    assertThat(other.get("/desk").statusCode()).isEqualTo(303); // signed out everywhere else
    assertThat(
            new DeskBrowser()
                .signIn("forgetful@stet.test", TestAccounts.PASSWORD, "/desk")
                .statusCode())
        .isEqualTo(401);
    DeskBrowser.signedIn("forgetful@stet.test", NEW_PASSWORD);
    assertThat(accounts.auditActions("forgetful@stet.test"))
        .contains("PASSWORD_RESET_SENT", "PASSWORD_SET");
  }

  @Test
  void anExpiredLinkNoLongerWorks() throws Exception {
    accounts.create("late@stet.test", Role.AUTHOR);
    forgot("late@stet.test");
    String link = DeskBrowser.mailedLink("late@stet.test", "Set a new password");
    accounts.expireLinks("late@stet.test");

    DeskBrowser owner = new DeskBrowser();
    assertThat(owner.get(link).statusCode()).isEqualTo(410);
    owner.get("/desk/password/forgot");
    assertThat(owner.post(link, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(410);
    assertThat(new DeskBrowser().get("/desk/password/not-a-token").statusCode()).isEqualTo(410);
    DeskBrowser.signedIn("late@stet.test", TestAccounts.PASSWORD);
  }

  @Test
  void anAdminSendsAResetLinkAndSeesTheRecentSignIns() throws Exception {
    Account account = accounts.create("locked-out@stet.test", Role.REVIEWER);
    DeskBrowser.signedIn("locked-out@stet.test", TestAccounts.PASSWORD);
    new DeskBrowser().signIn("locked-out@stet.test", "Not-the-password-99", "/desk");

    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    Document page = Jsoup.parse(admin.get("/desk/admin/users/" + account.id).asString());
    assertThat(page.select("#sign-ins + table tbody tr").eachText())
        .hasSize(2)
        .first()
        .asString()
        .contains("Refused: wrong password");
    Response sent = admin.post("/desk/admin/users/" + account.id + "/reset-link", Map.of());
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(admin.get(sent.getHeader("Location")).asString())
        .contains("A link to choose a new password is on its way to locked-out@stet.test");

    String link = DeskBrowser.mailedLink("locked-out@stet.test", "Set a new password");
    DeskBrowser.choosePassword(link, NEW_PASSWORD);
    DeskBrowser.signedIn("locked-out@stet.test", NEW_PASSWORD);
    assertThat(admin.post("/desk/admin/users/" + account.id + "/invitation", Map.of()).statusCode())
        .isEqualTo(409); // a password is set: an invitation makes no sense any more
    assertThat(admin.post("/desk/admin/users/999999/reset-link", Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void everyAccountSetsItsNameZoneAndPasswordAndEndsItsOtherSessions() {
    accounts.create("settler@stet.test", Role.AUTHOR);
    DeskBrowser here = DeskBrowser.signedIn("settler@stet.test", TestAccounts.PASSWORD);
    DeskBrowser phone = DeskBrowser.signedIn("settler@stet.test", TestAccounts.PASSWORD);
    DeskBrowser laptop = DeskBrowser.signedIn("settler@stet.test", TestAccounts.PASSWORD);

    here.get("/desk/account");
    Response badZone =
        here.post(
            "/desk/account", Map.of("displayName", "Sara Settler", "timeZone", "Mars/Olympus"));
    assertThat(badZone.statusCode()).isEqualTo(400);
    Document refused = Jsoup.parse(badZone.asString());
    assertThat(refused.selectFirst("#displayName").val()).isEqualTo("Sara Settler");
    assertThat(refused.selectFirst("#profile-error").text()).contains("Choose a time zone");

    Response saved =
        here.post(
            "/desk/account", Map.of("displayName", "Sara Settler", "timeZone", "Asia/Almaty"));
    assertThat(saved.getHeader("Location")).endsWith("/desk/account?saved=profile");
    Document page = Jsoup.parse(here.get("/desk/account").asString());
    assertThat(page.select(".who").text()).isEqualTo("Sara Settler");
    assertThat(page.selectFirst("#timeZone option[selected]").val()).isEqualTo("Asia/Almaty");
    assertThat(page.select("#sessions + table tbody tr")).hasSize(3);
    assertThat(page.select("#sessions + table .badge").text()).isEqualTo("this browser");
    assertThat(page.select("time").first().attr("title")).endsWith("Almaty time");

    String phoneSession = page.select("#sessions + table form").first().attr("action");
    assertThat(here.post(phoneSession, Map.of()).statusCode()).isEqualTo(303);
    assertThat(here.post(phoneSession, Map.of()).statusCode()).isEqualTo(404);
    long stillIn =
        java.util.stream.Stream.of(phone, laptop)
            .filter(b -> b.get("/desk").statusCode() == 200)
            .count();
    assertThat(stillIn).isEqualTo(1);

    here.get("/desk/account");
    Response wrongCurrent =
        here.post(
            "/desk/account/password",
            Map.of("current", "Not-it-at-all-42", "password", NEW_PASSWORD));
    assertThat(wrongCurrent.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(wrongCurrent.asString()).selectFirst("#password-error").text())
        .isEqualTo("Your current password is not right.");
    Response changed =
        here.post(
            "/desk/account/password",
            Map.of("current", TestAccounts.PASSWORD, "password", NEW_PASSWORD));
    assertThat(changed.getHeader("Location")).endsWith("/desk/account?saved=password");
    assertThat(here.get("/desk").statusCode()).isEqualTo(200);
    assertThat(phone.get("/desk").statusCode()).isEqualTo(303);
    assertThat(laptop.get("/desk").statusCode()).isEqualTo(303);
    assertThat(accounts.auditActions("settler@stet.test"))
        .contains("ACCOUNT_UPDATED", "PASSWORD_CHANGED");
  }

  @Test
  void nobodyEndsAnotherAccountsSessions() {
    accounts.create("session-victim@stet.test", Role.AUTHOR);
    accounts.create("session-meddler@stet.test", Role.AUTHOR);
    DeskBrowser victim = DeskBrowser.signedIn("session-victim@stet.test", TestAccounts.PASSWORD);
    String action =
        Jsoup.parse(
                DeskBrowser.signedIn("session-victim@stet.test", TestAccounts.PASSWORD)
                    .get("/desk/account")
                    .asString())
            .select("#sessions + table form")
            .first()
            .attr("action");
    DeskBrowser meddler = DeskBrowser.signedIn("session-meddler@stet.test", TestAccounts.PASSWORD);
    meddler.get("/desk/account");

    assertThat(meddler.post(action, Map.of()).statusCode()).isEqualTo(404);
    assertThat(meddler.postRaw("/desk/account/sessions/end-others", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(victim.get("/desk").statusCode()).isEqualTo(200);
  }

  private static Response forgot(String email) {
    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/password/forgot");
    return browser.post("/desk/password/forgot", Map.of("email", email));
  }

  private static String notice(Response response) {
    return Jsoup.parse(response.asString()).select("[role=status]").text();
  }
}
