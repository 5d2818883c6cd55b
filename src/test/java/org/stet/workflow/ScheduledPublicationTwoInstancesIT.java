package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stet.database.EmbeddedDatabase;
import org.stet.operations.PackagedInstance;

/**
 * Two instances of the packaged application on one database: every scheduled article is published
 * exactly once, with exactly one PUBLISH event.
 */
class ScheduledPublicationTwoInstancesIT {

  private static final int ARTICLES = 20;

  @Test
  void twoInstancesPublishEachScheduledArticleExactlyOnce() throws Exception {
    List<PackagedInstance> instances = new ArrayList<>();
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      for (int i = 0; i < 2; i++) {
        instances.add(
            PackagedInstance.start(
                Map.of(
                    "quarkus.datasource.jdbc.url",
                    database.jdbcUrl(),
                    "stet.workflow.publish-check-interval",
                    "1s"),
                Map.of()));
      }
      for (PackagedInstance instance : instances) {
        instance.awaitReady();
      }
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
        connection
            .createStatement()
            .execute(
                "insert into article (title, slug, body, status, published_at)"
                    + " select 'Scheduled ' || n, 'scheduled-' || n, 'Text', 'SCHEDULED',"
                    + " now() + interval '2 seconds' from generate_series(1, "
                    + ARTICLES
                    + ") n");
        awaitAllPublished(connection);
        try (ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "select a.slug, count(e.id) from article a left join workflow_event e"
                        + " on e.article_id = a.id and e.action = 'PUBLISH'"
                        + " where a.slug like 'scheduled-%' group by a.slug")) {
          int seen = 0;
          while (rows.next()) {
            seen++;
            assertThat(rows.getLong(2)).as(rows.getString(1) + " PUBLISH events").isEqualTo(1);
          }
          assertThat(seen).isEqualTo(ARTICLES);
        }
      }
    } finally {
      for (PackagedInstance instance : instances) {
        instance.close();
      }
    }
  }

  private static void awaitAllPublished(Connection connection)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (ResultSet rows =
          connection
              .createStatement()
              .executeQuery(
                  "select count(*) from article where slug like 'scheduled-%' and status = 'PUBLISHED'")) {
        rows.next();
        if (rows.getLong(1) == ARTICLES) {
          return;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the scheduled articles were not all published within a minute");
  }
}
