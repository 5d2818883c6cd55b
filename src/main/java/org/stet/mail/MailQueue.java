package org.stet.mail;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends mails one after another on one background thread. Two mails handed over at once (an account
 * and a review invitation) never share an SMTP conversation, and a send that fails or hangs (a
 * pooled connection the server has closed, a server briefly away) is tried again on a fresh
 * attempt, twice, before it is logged as lost.
 */
final class MailQueue implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MailQueue.class);

  static final int ATTEMPTS = 3;

  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "stet-mail");
            thread.setDaemon(true);
            return thread;
          });
  private final Duration retryAfter;
  private final Duration attemptLimit;

  MailQueue(Duration retryAfter, Duration attemptLimit) {
    this.retryAfter = retryAfter;
    this.attemptLimit = attemptLimit;
  }

  /** Queues one mail; {@code sending} starts a fresh attempt each time it is called. */
  void deliver(Supplier<Uni<Void>> sending, String subject, int recipients) {
    sender.execute(() -> send(sending, subject, recipients));
  }

  private void send(Supplier<Uni<Void>> sending, String subject, int recipients) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        sending.get().await().atMost(attemptLimit);
        LOG.debugf("Sent '%s' to %d recipient(s)", subject, recipients);
        return;
      } catch (RuntimeException failure) {
        if (attempt == ATTEMPTS) {
          LOG.warnf("Could not send '%s': %s", subject, failure.getMessage());
          return;
        }
        LOG.debugf("Sending '%s' failed, trying again: %s", subject, failure);
        if (!pause()) {
          return;
        }
      }
    }
  }

  private boolean pause() {
    try {
      Thread.sleep(retryAfter.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    sender.shutdown();
  }
}
