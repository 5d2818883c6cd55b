package org.stet.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server Stet runs itself when no external database is configured.
 *
 * <p>The data folder is reused across starts, so content survives restarts; an ephemeral database
 * lives in a fresh temporary folder that is deleted when it stops (tests). The server listens on a
 * free loopback port chosen at each start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "stet";
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final boolean ephemeral;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.ephemeral = ephemeral;
  }

  /** Starts PostgreSQL on {@code dataDir}, creating the cluster and database on first use. */
  public static EmbeddedDatabase start(Path dataDir) {
    return start(dataDir, false);
  }

  /** Starts PostgreSQL in a new temporary folder that {@link #close()} deletes. */
  public static EmbeddedDatabase startEphemeral() {
    try {
      return start(Files.createTempDirectory("stet-pg-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary folder for PostgreSQL", e);
    }
  }

  private static EmbeddedDatabase start(Path dataDir, boolean ephemeral) {
    try {
      Files.createDirectories(dataDir);
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir.toFile())
              .setCleanDataDirectory(false)
              .setPort(freePort())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "128MB")
              .setServerConfig("synchronous_commit", "on")
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir, ephemeral);
      database.createDatabaseIfMissing();
      LOG.infof(
          "Embedded PostgreSQL started on 127.0.0.1:%d with data in %s (%d ms)",
          postgres.getPort(), dataDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
    }
  }

  private void createDatabaseIfMissing() {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      check.setString(1, DATABASE);
      if (!check.executeQuery().next()) {
        try (var create = connection.createStatement()) {
          create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create the database " + DATABASE, e);
    }
  }

  /** JDBC URL of the Stet database on this server, user included (local trust, no password). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE + "?user=" + USER;
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      postgres.close();
      LOG.infof("Embedded PostgreSQL stopped (%s)", dataDir.toAbsolutePath());
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
    if (ephemeral) {
      deleteRecursively(dataDir);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warnf("Could not delete the temporary database folder %s", root);
    }
  }
}
