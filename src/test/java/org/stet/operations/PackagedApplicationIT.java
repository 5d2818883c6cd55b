package org.stet.operations;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged application: public pages and operations endpoints on, development tools off. */
@QuarkusIntegrationTest
class PackagedApplicationIT {

  @Test
  void servesTheSeedArticleAndReportsReady() {
    given()
        .get("/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration")
        .then()
        .statusCode(200);
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/q/dev-ui", "/q/dev-ui/", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev"})
  void developmentToolsAreNotPartOfTheApplication(String path) {
    given().redirects().follow(false).get(path).then().statusCode(404);
  }
}
