package org.stet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A new installation has no default credentials: the desk asks for the first administrator. */
@QuarkusTest
@TestProfile(FirstAdministratorSetupTest.NoAccounts.class)
class FirstAdministratorSetupTest {

  public static class NoAccounts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "stet.identity.admin-email", "",
          "stet.identity.admin-password", "",
          "stet.sample-content.enabled", "false");
    }
  }

  @Test
  void theDeskAsksForTheFirstAdministratorOnceAndOnlyOnce() {
    Response signIn = given().redirects().follow(false).get("/desk/sign-in");
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(signIn.getHeader("Location")).endsWith("/desk/setup");

    DeskBrowser browser = new DeskBrowser();
    Response form = browser.get("/desk/setup");
    assertThat(form.statusCode()).isEqualTo(200);

    Response weak =
        browser.post(
            "/desk/setup",
            Map.of("displayName", "Site Admin", "email", "owner@stet.test", "password", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(weak.asString()).selectFirst("#password").attr("aria-invalid"))
        .isEqualTo("true");

    Response created =
        browser.post(
            "/desk/setup",
            Map.of(
                "displayName",
                "Site Admin",
                "email",
                "owner@stet.test",
                "password",
                TestAccounts.PASSWORD));
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(browser.get("/desk").statusCode()).as("signed in right away").isEqualTo(200);
    assertThat(Jsoup.parse(browser.get("/desk").asString()).select(".badge").eachText())
        .containsExactly("Administrator");

    given().get("/desk/setup").then().statusCode(404);
    Response second =
        new DeskBrowser()
            .post(
                "/desk/setup",
                Map.of(
                    "displayName",
                    "Intruder",
                    "email",
                    "intruder@stet.test",
                    "password",
                    TestAccounts.PASSWORD));
    assertThat(second.statusCode()).isEqualTo(404);
  }
}
