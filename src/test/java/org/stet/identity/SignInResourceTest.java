package org.stet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.identity.service.SignInService;

/** Built-in accounts: sign-in, sign-out, CSRF, redirects, bad input. */
@QuarkusTest
class SignInResourceTest {

  @Inject TestAccounts accounts;

  @Test
  void signingInReachesTheDeskWithTheAccountsRoles() {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

    Response desk = admin.get("/desk");

    assertThat(desk.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(desk.asString()).select(".badge").eachText())
        .containsExactly("Administrator");
    assertThat(desk.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(accounts.auditActions(TestAccounts.ADMIN)).contains("SIGN_IN");
  }

  @Test
  void anonymousDeskRequestsAreSentToSignInAndBack() {
    Response response = given().redirects().follow(false).get("/desk/admin/users");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.getHeader("Location"))
        .endsWith("/desk/sign-in?next=%2Fdesk%2Fadmin%2Fusers");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() {
    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/sign-in");
    Response response =
        browser.post(
            "/desk/sign-in",
            Map.of(
                "email",
                TestAccounts.ADMIN,
                "password",
                TestAccounts.ADMIN_PASSWORD,
                "next",
                "/desk"));

    Cookie session = response.getDetailedCookie(SessionCookie.NAME);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
    assertThat(session.getValue()).hasSize(43);
  }

  @Test
  void wrongPasswordIsRefusedWithAMessageAndAudited() {
    accounts.create("wrong-password@stet.test", Role.AUTHOR);
    Response response =
        new DeskBrowser()
            .from("127.0.0.2")
            .signIn("wrong-password@stet.test", "not-the-password-at-all", "/desk");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Jsoup.parse(response.asString()).selectFirst(".error").text())
        .isEqualTo(SignInService.REFUSED);
    assertThat(response.getDetailedCookie(SessionCookie.NAME)).isNull();
    assertThat(accounts.auditActions("wrong-password@stet.test"))
        .containsExactly("ACCOUNT_CREATED", "SIGN_IN_FAILED");
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    DeskBrowser browser = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    String token = browser.cookie(SessionCookie.NAME);

    Response out = browser.post("/desk/sign-out", Map.of());

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(accounts.auditActions(TestAccounts.ADMIN)).contains("SIGN_OUT");
    Response replay =
        given().redirects().follow(false).cookie(SessionCookie.NAME, token).get("/desk");
    assertThat(replay.statusCode()).as("the old cookie no longer signs in").isEqualTo(303);
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() {
    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/sign-in");

    Response missing =
        browser.postRaw(
            "/desk/sign-in",
            Map.of("email", TestAccounts.ADMIN, "password", TestAccounts.ADMIN_PASSWORD));
    Response forged =
        browser.postRaw(
            "/desk/sign-in",
            Map.of(
                "email",
                TestAccounts.ADMIN,
                "password",
                TestAccounts.ADMIN_PASSWORD,
                "_csrf",
                "x".repeat(43)));

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(missing.getDetailedCookie(SessionCookie.NAME)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "/\\evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "/\r\nLocation: https://evil.example"
      })
  void signInNeverRedirectsOffTheSite(String next) {
    Response response =
        new DeskBrowser().signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, next);

    assertThat(response.statusCode()).isEqualTo(303);
    String location = response.getHeader("Location");
    assertThat(location).matches("https?://[^/]+/desk|/desk");
  }

  @Test
  void signInReturnsToTheLocalPageAskedFor() {
    Response response =
        new DeskBrowser()
            .signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, "/desk/admin/users");

    assertThat(response.getHeader("Location")).endsWith("/desk/admin/users");
  }

  @Test
  void badInputGetsA400NotA500() {
    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/sign-in");

    assertThat(
            browser
                .post("/desk/sign-in", Map.of("email", "a".repeat(300) + "@x.org", "password", "x"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            browser
                .post("/desk/sign-in", Map.of("email", "admin\u0000@stet.test", "password", "x"))
                .statusCode())
        .isEqualTo(400);
    assertThat(browser.post("/desk/sign-in", Map.of("email", TestAccounts.ADMIN)).statusCode())
        .isEqualTo(400);
  }

  static java.util.stream.Stream<String> malformedSessionCookies() {
    return java.util.stream.Stream.of(
        "garbage", "", "x".repeat(43), "%00%00", "a-b_c", "x".repeat(4000));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("malformedSessionCookies")
  void malformedSessionCookiesCountAsSignedOut(String value) {
    Response response =
        given().redirects().follow(false).cookie(SessionCookie.NAME, value).get("/desk");

    assertThat(response.statusCode()).isEqualTo(303);
  }

  @Test
  void setupPageIsGoneOnceAnAccountExists() {
    given().get("/desk/setup").then().statusCode(404);
  }
}
