package org.stet.operations;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged application: public pages on the public port, operations endpoints on the management
 * interface only, development tools off.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

  @Test
  void servesTheSeedArticleAndSaysItLives() {
    given()
        .get("/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration")
        .then()
        .statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/dev-ui",
        "/q/dev-ui/",
        "/q/swagger-ui",
        "/q/swagger-ui/",
        "/q/dev",
        "/q/metrics",
        "/q/health/ready",
        "/q/openapi"
      })
  void developmentToolsAndOperationsDetailAreNotOnThePublicPort(String path) {
    given().redirects().follow(false).get(path).then().statusCode(404);
  }
}
