package org.stet.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void healthReportsTheDatabaseUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
  }

  @Test
  void metricsAreExposedForPrometheus() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void openApiDocumentIsPublished() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", org.hamcrest.Matchers.startsWith("3."));
  }

  @Test
  void htmlPagesCarrySecurityHeaders() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "strict-origin-when-cross-origin")
        .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
        .header(
            "Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")));
  }
}
