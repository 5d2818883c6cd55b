package org.stet.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a JDBC URL configured, Stet uses that database and starts no PostgreSQL of its own. */
@QuarkusTest
@TestProfile(ExternalDatabaseTest.External.class)
class ExternalDatabaseTest {

  /** A PostgreSQL server started outside Stet, standing in for an organisation's database. */
  public static class ExternalPostgres implements QuarkusTestResourceLifecycleManager {
    static volatile String url;
    private EmbeddedDatabase server;

    @Override
    public Map<String, String> start() {
      server = EmbeddedDatabase.startEphemeral();
      url = server.jdbcUrl();
      return Map.of("quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void stop() {
      server.close();
    }
  }

  public static class External implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ExternalPostgres.class));
    }
  }

  @Test
  void servesFromTheConfiguredDatabaseWithoutStartingOne() throws SQLException {
    given().get("/").then().statusCode(200);

    assertThat(EmbeddedDatabaseHolder.isRunning()).isFalse();
    try (Connection connection = DriverManager.getConnection(ExternalPostgres.url);
        ResultSet rows =
            connection.createStatement().executeQuery("select count(*) from article")) {
      rows.next();
      assertThat(rows.getLong(1))
          .as("the sample article went into the configured database")
          .isEqualTo(1);
    }
  }
}
