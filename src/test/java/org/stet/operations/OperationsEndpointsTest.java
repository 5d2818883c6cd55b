package org.stet.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and the OpenAPI document are on the management interface (127.0.0.1, a port of
 * its own); the public port answers only a bare liveness check.
 */
@QuarkusTest
class OperationsEndpointsTest {

  /** The management interface's root for operations, {@code http://127.0.0.1:PORT/q/}. */
  @TestHTTPResource(value = "/", management = true)
  URL management;

  private String manage(String path) {
    return java.net.URI.create(management.toString() + "/").resolve(path).toString();
  }

  @Test
  void healthReportsTheDatabaseUpOnTheManagementInterface() {
    given()
        .get(manage("health/ready"))
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    assertThat(management.getHost()).isIn("127.0.0.1", "localhost");
  }

  @Test
  void metricsAreExposedForPrometheusOnTheManagementInterface() {
    given()
        .get(manage("metrics"))
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void openApiDocumentIsPublishedOnTheManagementInterface() {
    given()
        .accept("application/json")
        .get(manage("openapi"))
        .then()
        .statusCode(200)
        .body("openapi", org.hamcrest.Matchers.startsWith("3."));
  }

  /** The adversarial test read per-route counts (sign-in failures too) and the version here. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/q/metrics",
        "/q/health",
        "/q/health/ready",
        "/q/health/started",
        "/q/openapi",
        "/q/openapi?format=json"
      })
  void thePublicPortHasNoOperationsDetail(String path) {
    given().redirects().follow(false).get(path).then().statusCode(404);
  }

  @Test
  void thePublicPortSaysOnlyThatItLives() {
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body(equalTo("{\"status\":\"UP\"}"))
        .header("Cache-Control", "no-store");
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
