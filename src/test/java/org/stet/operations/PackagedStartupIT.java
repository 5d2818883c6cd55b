package org.stet.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stet.database.EmbeddedDatabase;

/**
 * The packaged application as operators start it. The adversarial test's findings: the operations
 * endpoints were public, and a refused {@code STET_ADMIN_EMAIL}/{@code STET_ADMIN_PASSWORD} only
 * logged an error and left the open set-up page to the first visitor. The packaged application now
 * stops with the reason and a non-zero status.
 */
class PackagedStartupIT {

  @Test
  void operationsDetailIsOnlyOnTheManagementInterface() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        PackagedInstance instance =
            PackagedInstance.start(
                    Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl()), Map.of())
                .awaitReady()) {
      for (String path : new String[] {"health/ready", "metrics", "openapi"}) {
        given().get(instance.managementUrl() + "/q/" + path).then().statusCode(200);
        given().get(instance.url() + "/q/" + path).then().statusCode(404);
      }
      given().get(instance.url() + "/q/health/live").then().statusCode(200);
      assertThat(instance.log()).contains("Management interface listening on http://127.0.0.1:");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "admin@example.org, password, STET_ADMIN_PASSWORD is refused",
    "not-an-address, Quiet-harbour-lamp-2026, STET_ADMIN_EMAIL is refused",
    "admin@example.org, '', STET_ADMIN_PASSWORD is missing"
  })
  void aRefusedFirstAdministratorStopsStetWithTheReason(
      String email, String password, String reason) throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        PackagedInstance instance =
            PackagedInstance.start(
                Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl()),
                Map.of("STET_ADMIN_EMAIL", email, "STET_ADMIN_PASSWORD", password))) {

      int status = instance.awaitExit(Duration.ofSeconds(90));

      assertThat(status).isNotZero();
      assertThat(instance.log()).contains("Stet did not start: " + reason);
    }
  }
}
