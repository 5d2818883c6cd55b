package org.stet.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;

/**
 * Owns the one embedded server of this application instance and stops it on shutdown.
 *
 * <p>Static because the configuration system asks for the JDBC URL before CDI exists.
 */
@ApplicationScoped
public class EmbeddedDatabaseHolder {

  private static EmbeddedDatabase running;

  static synchronized EmbeddedDatabase startIfNeeded(Path dataDir, boolean ephemeral) {
    if (running == null) {
      running = ephemeral ? EmbeddedDatabase.startEphemeral() : EmbeddedDatabase.start(dataDir);
      EmbeddedDatabase started = running;
      // A JVM killed without a Quarkus shutdown still stops PostgreSQL.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "stet-embedded-pg"));
    }
    return running;
  }

  /** Whether this instance runs the embedded server (false with an external database). */
  public static synchronized boolean isRunning() {
    return running != null;
  }

  private static synchronized void stop(EmbeddedDatabase database) {
    if (running == database) {
      running = null;
      database.close();
    }
  }

  /** Runs after every other shutdown observer, so pending writes reach the database first. */
  void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
    EmbeddedDatabase database;
    synchronized (EmbeddedDatabaseHolder.class) {
      database = running;
    }
    if (database != null) {
      stop(database);
    }
  }
}
