package org.stet.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.browser.Chromium;

/**
 * Stet against a real Keycloak (started once for all these tests): browser sign-in on Keycloak's
 * own login page, bearer tokens on the API, wrong role, tampered and expired tokens, logout.
 */
@QuarkusIntegrationTest
@TestProfile(KeycloakSignInIT.WithKeycloak.class)
class KeycloakSignInIT {

  public static class WithKeycloak implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(KeycloakServer.class));
    }
  }

  private static final String PASSWORD = "Test-password-2026";

  @TestHTTPResource("/")
  URL root;

  @Test
  void browserSignsInOnKeycloaksPageAndReachesTheDeskWithItsRole() {
    WebDriver browser = Chromium.start();
    try {
      signIn(browser, "editor");

      assertThat(browser.getCurrentUrl()).startsWith(root.toString()).endsWith("/desk");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Eda Editor");
      assertThat(
              browser.findElements(By.cssSelector(".badge")).stream()
                  .map(e -> e.getText())
                  .toList())
          .containsExactly("editor");
    } finally {
      browser.quit();
    }
  }

  @Test
  void signOutEndsTheSessionAtStetAndAtKeycloak() {
    WebDriver browser = Chromium.start();
    try {
      signIn(browser, "author");
      browser.findElement(By.cssSelector("form.sign-out button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .withMessage(
              () ->
                  "after sign-out the browser is at "
                      + browser.getCurrentUrl()
                      + ": "
                      + browser.getPageSource())
          .until(driver -> driver.getCurrentUrl().equals(root.toString()));

      browser.get(root + "desk");

      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      assertThat(browser.getCurrentUrl()).startsWith(KeycloakServer.realmUrl);
    } finally {
      browser.quit();
    }
  }

  @Test
  void apiAcceptsKeycloakBearerTokensAndChecksTheRole() {
    String author = token("stet", KeycloakServer.CLIENT_SECRET, "author");
    String admin = token("stet", KeycloakServer.CLIENT_SECRET, "admin");

    given()
        .auth()
        .oauth2(author)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", org.hamcrest.Matchers.equalTo("author@stet.test"))
        .body("roles", org.hamcrest.Matchers.contains("AUTHOR"));
    given().auth().oauth2(author).get("/api/v1/accounts").then().statusCode(403);
    given().auth().oauth2(admin).get("/api/v1/accounts").then().statusCode(200);
    given().get("/desk/setup").then().statusCode(404);
  }

  @Test
  void tamperedAndMalformedTokensAre401() {
    String token = token("stet", KeycloakServer.CLIENT_SECRET, "author");
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"AUTHOR\"", "\"ADMIN\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    given().auth().oauth2(tampered).get("/api/v1/me").then().statusCode(401);
    given().auth().oauth2("not.a.token").get("/api/v1/me").then().statusCode(401);
    given()
        .header("Authorization", "Bearer " + "x".repeat(20_000))
        .get("/api/v1/me")
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(431)));
    given().get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void expiredTokenIs401() throws InterruptedException {
    String token = token("stet-short-lived", "short-lived-test-secret", "author");
    Thread.sleep(2_500);

    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
  }

  private void signIn(WebDriver browser, String user) {
    browser.get(root + "desk");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    assertThat(browser.getCurrentUrl())
        .as("Keycloak's own login page, with PKCE")
        .startsWith(KeycloakServer.realmUrl)
        .contains("code_challenge=");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("kc-login")).click();
    wait.until(driver -> driver.getCurrentUrl().startsWith(root.toString()));
  }

  private static String token(String client, String secret, String user) {
    return given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "password")
        .formParam("client_id", client)
        .formParam("client_secret", secret)
        .formParam("username", user)
        .formParam("password", PASSWORD)
        .formParam("scope", "openid")
        .post(KeycloakServer.realmUrl + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
