package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.database.EmbeddedDatabase;

/**
 * Two instances of the packaged application on one database: every scheduled article is published
 * exactly once, with exactly one PUBLISH event.
 */
class ScheduledPublicationTwoInstancesIT {

  private static final int ARTICLES = 20;

  @Test
  void twoInstancesPublishEachScheduledArticleExactlyOnce() throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    assertThat(jar).as("the packaged application (./mvnw verify builds it)").exists();
    List<Process> instances = new ArrayList<>();
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      for (int i = 0; i < 2; i++) {
        instances.add(start(jar, database.jdbcUrl(), i));
      }
      for (Process instance : instances) {
        awaitReady(instance);
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
      for (Process instance : instances) {
        instance.destroy();
        instance.waitFor();
      }
    }
  }

  private static Process start(Path jar, String jdbcUrl, int index) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("stet-instance-" + index + "-", ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dstet.workflow.publish-check-interval=1s",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    READY.put(process, "http://127.0.0.1:" + port + "/q/health/ready");
    return process;
  }

  private static final java.util.Map<Process, String> READY =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static void awaitReady(Process instance) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(instance.isAlive()).as("instance running").isTrue();
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create(READY.get(instance))).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("an instance did not become ready");
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
