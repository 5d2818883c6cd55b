package org.stet.desk.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Keycloak configured but down: the public site works, the desk says sign-in is unavailable. */
@QuarkusTest
@TestProfile(KeycloakUnavailableTest.KeycloakDown.class)
class KeycloakUnavailableTest {

  public static class KeycloakDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/stet",
          "quarkus.oidc.credentials.secret", "unused",
          "quarkus.oidc.connection-delay", "0S");
    }
  }

  @Inject KeycloakAvailability availability;

  @Test
  void publicSiteWorksAndTheDeskExplainsThatSignInIsUnavailable() {
    availability.probe();

    given().get("/").then().statusCode(200);
    given()
        .get("/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration")
        .then()
        .statusCode(200);
    Response desk = given().redirects().follow(false).get("/desk");
    assertThat(desk.statusCode()).isEqualTo(503);
    assertThat(desk.getHeader("Retry-After")).isEqualTo("30");
    assertThat(Jsoup.parse(desk.asString()).selectFirst("h1").text())
        .isEqualTo("Sign-in is unavailable");
    given()
        .accept("application/json")
        .auth()
        .oauth2("some.token.value")
        .get("/api/v1/me")
        .then()
        .statusCode(503)
        .body("title", org.hamcrest.Matchers.equalTo("Sign-in is unavailable"));
  }

  @Test
  void noDeskPageFallsBackToBuiltInSignIn() {
    availability.probe();

    for (String path : new String[] {"/desk/setup", "/desk/sign-in", "/desk/admin/users"}) {
      given().redirects().follow(false).get(path).then().statusCode(503);
    }
  }
}
