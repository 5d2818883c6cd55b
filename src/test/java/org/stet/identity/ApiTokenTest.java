package org.stet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.audit.AuditLog;
import org.stet.identity.service.AccountService;

/**
 * Personal API tokens: made once from a session (the value answered once, only its hash kept), used
 * as {@code Authorization: Bearer} with the account's roles, read tokens refused any change, no
 * token able to manage tokens, revoked or disabled ones refused at once, and the desk page that
 * makes, shows once and revokes them.
 */
@QuarkusTest
class ApiTokenTest {

  @Inject TestAccounts accounts;
  @Inject AccountService accountService;

  @Test
  void aWriteTokenActsAsItsAccountWithoutCookiesAndIsShownOnce() {
    accounts.create("token-editor@stet.test", Role.EDITOR);
    Response made = make("token-editor@stet.test", "Journal sync", "write");
    assertThat(made.statusCode()).isEqualTo(201);
    assertThat(made.header("Cache-Control")).contains("no-store");
    String token = made.jsonPath().getString("token");
    assertThat(token).startsWith("stet_").hasSize(5 + 43);
    assertThat(made.jsonPath().getString("scope")).isEqualTo("WRITE");

    Response me = bearer(token).get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.jsonPath().getString("email")).isEqualTo("token-editor@stet.test");
    assertThat(me.jsonPath().getList("roles")).containsExactly("EDITOR");
    Response created =
        bearer(token)
            .contentType("application/json")
            .body("{\"name\":\"Token Quarterly " + System.nanoTime() + "\"}")
            .post("/api/v1/journals");
    assertThat(created.statusCode()).as("no Origin, no CSRF token: none is needed").isEqualTo(201);

    Response listed = DeskBrowser.api("token-editor@stet.test").get("/api/v1/me/tokens");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.asString()).doesNotContain(token.substring(9));
    List<Map<String, Object>> tokens = listed.jsonPath().getList("");
    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).get("name")).isEqualTo("Journal sync");
    assertThat(tokens.get(0).get("hint")).isEqualTo(token.substring(0, 9) + "…");
    assertThat(tokens.get(0).get("lastUsedAt")).as("its use is noted").isNotNull();
    assertThat(accounts.auditActions("account " + accounts.find("token-editor@stet.test").id))
        .contains("API_TOKEN_CREATED");
  }

  @Test
  void aReadTokenOnlyReadsAndNoTokenManagesTokens() {
    accounts.create("token-reader@stet.test", Role.EDITOR);
    String token =
        make("token-reader@stet.test", "Dashboard", "READ").jsonPath().getString("token");
    assertThat(bearer(token).get("/api/v1/journals/no-such-journal/issues/1/crossref").statusCode())
        .as("reads go through to the resource (which knows no such journal)")
        .isEqualTo(404);
    Response write =
        bearer(token)
            .contentType("application/json")
            .body("{\"name\":\"Nope\"}")
            .post("/api/v1/journals");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.asString()).contains("may only read");

    String writer = make("token-reader@stet.test", "Writer", "write").jsonPath().getString("token");
    Response more =
        bearer(writer)
            .contentType("application/json")
            .body("{\"name\":\"Another\",\"scope\":\"write\"}")
            .post("/api/v1/me/tokens");
    assertThat(more.statusCode()).isEqualTo(403);
    assertThat(more.asString()).contains("not with a token");
    assertThat(bearer(writer).get("/api/v1/me/tokens").statusCode()).isEqualTo(403);
  }

  @Test
  void revokedTokensAndTokensOfDisabledAccountsAreRefusedAtOnce() {
    accounts.create("token-revoker@stet.test", Role.AUTHOR);
    accounts.create("token-other@stet.test", Role.AUTHOR);
    Response made = make("token-revoker@stet.test", "Old laptop", "read");
    String token = made.jsonPath().getString("token");
    long id = made.jsonPath().getLong("id");
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);
    assertThat(
            DeskBrowser.api("token-other@stet.test").delete("/api/v1/me/tokens/" + id).statusCode())
        .as("another account's token is not found")
        .isEqualTo(404);
    Response revoked = DeskBrowser.api("token-revoker@stet.test").delete("/api/v1/me/tokens/" + id);
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(revoked.jsonPath().getString("revokedAt")).isNotNull();
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);

    String second =
        make("token-revoker@stet.test", "New laptop", "read").jsonPath().getString("token");
    assertThat(bearer(second).get("/api/v1/me").statusCode()).isEqualTo(200);
    accountService.setDisabled(
        AuditLog.Actor.system(), accounts.find("token-revoker@stet.test").id, true);
    assertThat(bearer(second).get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void badRequestsAndBadTokensAreRefusedClearly() {
    accounts.create("token-typo@stet.test", Role.AUTHOR);
    for (String[] refused :
        new String[][] {
          {"{\"scope\":\"read\"}", "Name the token"},
          {"{\"name\":\"  \",\"scope\":\"read\"}", "Name the token"},
          {"{\"name\":\"" + "x".repeat(101) + "\",\"scope\":\"read\"}", "1 to 100"},
          {"{\"name\":\"Bot\",\"scope\":\"admin\"}", "\"read\" or \"write\""},
          {"{\"name\":\"Bot\"}", "Choose the token's scope"},
          {"{\"name\":\"Bot\\u0000\",\"scope\":\"read\"}", "Name the token"}
        }) {
      Response response =
          DeskBrowser.api("token-typo@stet.test").body(refused[0]).post("/api/v1/me/tokens");
      assertThat(response.statusCode()).as(refused[0]).isEqualTo(400);
      assertThat(response.jsonPath().getString("message")).as(refused[0]).contains(refused[1]);
    }
    for (String bad :
        List.of("stet_", "stet_short", "stet_" + "A".repeat(43), "stet_" + "A".repeat(43) + "x")) {
      assertThat(bearer(bad).get("/api/v1/me").statusCode()).as(bad).isEqualTo(401);
    }
    String token =
        make("token-typo@stet.test", "Desk probe", "write").jsonPath().getString("token");
    Response desk =
        given()
            .header("Authorization", "Bearer " + token)
            .redirects()
            .follow(false)
            .get("/desk/queue");
    assertThat(desk.statusCode()).as("tokens are for the API, not the desk").isEqualTo(303);
  }

  @Test
  void theDeskMakesATokenShowsItOnceAndRevokesItAfterAsking() {
    accounts.create("token-desk@stet.test", Role.REVIEWER);
    DeskBrowser browser = DeskBrowser.signedIn("token-desk@stet.test", TestAccounts.PASSWORD);
    assertThat(browser.get("/desk/account").asString()).contains("/desk/account/tokens");
    Document empty = Jsoup.parse(browser.get("/desk/account/tokens").asString());
    assertThat(empty.text()).contains("You have no API tokens.");

    Response refused = browser.post("/desk/account/tokens", Map.of("name", "", "scope", "write"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(refused.asString());
    assertThat(again.selectFirst("#token-error").text()).contains("Name the token");
    assertThat(again.selectFirst("input[name=scope][value=write]").hasAttr("checked")).isTrue();

    Response made =
        browser.post("/desk/account/tokens", Map.of("name", "Reviews <feed>", "scope", "read"));
    assertThat(made.statusCode()).isEqualTo(200);
    Document shown = Jsoup.parse(made.asString());
    String token = shown.selectFirst("#made-token").val();
    assertThat(token).startsWith("stet_");
    assertThat(shown.selectFirst("#made-heading").text()).contains("Reviews <feed>");
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(200);

    Document later = Jsoup.parse(browser.get("/desk/account/tokens").asString());
    assertThat(later.select("#made-token")).as("shown only once").isEmpty();
    assertThat(later.html()).doesNotContain(token);
    assertThat(later.selectFirst("tbody tr").text()).contains("Reviews <feed>").contains("read");
    String revoke = later.selectFirst("form[action$=/revoke]").attr("action");
    Response asked = browser.askFirst(revoke, Map.of());
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(asked.asString()).selectFirst("h1").text())
        .isEqualTo("Revoke the token \u201cReviews <feed>\u201d?");
    assertThat(bearer(token).get("/api/v1/me").statusCode())
        .as("asking changed nothing")
        .isEqualTo(200);
    Response done = browser.post(revoke, Map.of("confirmed", "yes"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(bearer(token).get("/api/v1/me").statusCode()).isEqualTo(401);
    String next = done.header("Location");
    assertThat(next).endsWith("/desk/account/tokens?revoked=1");
    Document after = Jsoup.parse(browser.get(next).asString());
    assertThat(after.selectFirst(".notice").text()).startsWith("Revoked.");
    assertThat(after.selectFirst("tbody tr").text()).contains("Revoked");
  }

  private static Response make(String email, String name, String scope) {
    return DeskBrowser.api(email)
        .body(Map.of("name", name, "scope", scope))
        .post("/api/v1/me/tokens");
  }

  private static io.restassured.specification.RequestSpecification bearer(String token) {
    return given().header("Authorization", "Bearer " + token).accept("application/json");
  }
}
