package org.stet.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.settings.Site;

/**
 * The language search reads words in (a site setting), and re-indexing: after the language changed,
 * or when an administrator asks, every article's search row is written afresh in the background, in
 * batches that never block readers; search keeps answering meanwhile (from the rows not yet
 * rewritten, in the old language).
 */
@ApplicationScoped
public class SearchLanguages {

  private static final Logger LOG = Logger.getLogger(SearchLanguages.class);

  /** A language as stored and as shown. */
  public record Language(String name, String label) {}

  /** Where re-indexing stands on this instance: articles done, of how many; when it ended. */
  public record Progress(boolean running, long done, long total, Instant finishedAt) {}

  /** The search language changed (in a transaction that committed). */
  public record Changed(String language) {}

  private final EntityManager entityManager;
  private final SearchIndex index;
  private final AuditLog audit;
  private final Event<Changed> changed;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "stet-search-reindex");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<Progress> progress =
      new AtomicReference<>(new Progress(false, 0, 0, null));

  SearchLanguages(
      EntityManager entityManager, SearchIndex index, AuditLog audit, Event<Changed> changed) {
    this.entityManager = entityManager;
    this.index = index;
    this.audit = audit;
    this.changed = changed;
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /** The languages PostgreSQL stems, by name, "simple" (no stemming) first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Language> available() {
    List<String> names =
        entityManager
            .createNativeQuery(
                "select substring(cfgname from 6) from pg_ts_config where cfgname like 'stet\\_%'"
                    + " order by cfgname <> 'stet_simple', cfgname")
            .getResultList();
    return names.stream().map(name -> new Language(name, label(name))).toList();
  }

  /** "English"; "No stemming (any language)" for simple. */
  public static String label(String name) {
    return name.equals("simple")
        ? "No stemming (any language)"
        : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** Makes {@code language} the search language (400 for one PostgreSQL does not have). */
  @Transactional
  public void set(AuditLog.Actor actor, String language) {
    if (available().stream().noneMatch(l -> l.name().equals(language))) {
      throw new BadRequestException(
          "Search cannot read words in '" + language + "'. Choose a language from the list.");
    }
    Site site = Site.current();
    if (site.searchLanguage.equals(language)) {
      return;
    }
    String before = site.searchLanguage;
    site.searchLanguage = language;
    audit.record(actor, AuditAction.SEARCH_LANGUAGE_CHANGED, "site", before + " to " + language);
    changed.fire(new Changed(language));
  }

  void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
    run();
  }

  /**
   * Starts re-indexing every article in the background unless it runs already; answers whether this
   * call started it.
   */
  public boolean reindex(AuditLog.Actor actor) {
    QuarkusTransaction.requiringNew()
        .run(() -> audit.record(actor, AuditAction.SEARCH_REINDEXED, "site", "every article"));
    return run();
  }

  private synchronized boolean run() {
    if (progress.get().running()) {
      return false;
    }
    long total =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            entityManager
                                .createNativeQuery("select count(*) from article")
                                .getSingleResult())
                        .longValue());
    progress.set(new Progress(true, 0, total, null));
    AtomicLong done = new AtomicLong();
    worker.submit(
        () -> {
          try {
            index.reindex(
                count -> progress.set(new Progress(true, done.addAndGet(count), total, null)));
          } catch (RuntimeException e) {
            LOG.error("Re-indexing the search stopped", e);
          } finally {
            progress.set(new Progress(false, done.get(), total, Instant.now()));
          }
        });
    return true;
  }

  /** How far re-indexing got on this instance. */
  public Progress progress() {
    return progress.get();
  }
}
