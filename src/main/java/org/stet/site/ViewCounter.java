package org.stet.site;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Counts article page views in memory and adds them to the database in one statement every few
 * seconds ({@code stet.site.view-flush-interval}).
 *
 * <p>A page view never waits for, or locks, the article row; the count shown lags by at most one
 * interval. A crash loses at most one interval of views, which is the price of not taking a row
 * lock per request.
 */
@ApplicationScoped
public class ViewCounter {

  private static final Logger LOG = Logger.getLogger(ViewCounter.class);
  private static final String ADD_VIEWS =
      "update article a set view_count = a.view_count + v.n"
          + " from unnest(?::bigint[], ?::bigint[]) as v(id, n) where a.id = v.id";

  private static final int IDLE_ENTRIES_KEPT = 50_000;

  private final ConcurrentHashMap<Long, LongAdder> pending = new ConcurrentHashMap<>();
  private final DataSource dataSource;

  ViewCounter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(long articleId) {
    pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
  }

  /** Views of the article counted here and not yet written to the database. */
  public long pending(long articleId) {
    LongAdder adder = pending.get(articleId);
    return adder == null ? 0 : adder.sum();
  }

  /** Writes the views counted since the last flush; views that fail to write are kept. */
  @Scheduled(
      every = "${stet.site.view-flush-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public synchronized void flush() {
    // Take each count by subtracting it, so a view counted meanwhile is never lost.
    Map<Long, Long> batch = new HashMap<>();
    pending.forEach(
        (id, adder) -> {
          long taken = adder.sum();
          if (taken > 0) {
            adder.add(-taken);
            batch.put(id, taken);
          }
        });
    if (pending.size() > IDLE_ENTRIES_KEPT) {
      // Rarely, a view racing this removal is dropped; bounded memory is worth that.
      pending.entrySet().removeIf(entry -> entry.getValue().sum() == 0);
    }
    if (batch.isEmpty()) {
      return;
    }
    Long[] ids = batch.keySet().toArray(Long[]::new);
    Long[] counts = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      counts[i] = batch.get(ids[i]);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(ADD_VIEWS)) {
      update.setArray(1, connection.createArrayOf("bigint", ids));
      update.setArray(2, connection.createArrayOf("bigint", counts));
      update.executeUpdate();
    } catch (SQLException e) {
      LOG.warnf(
          "Could not write %d articles' view counts; keeping them for the next try: %s",
          ids.length, e.getMessage());
      batch.forEach((id, count) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(count));
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    flush();
  }
}
