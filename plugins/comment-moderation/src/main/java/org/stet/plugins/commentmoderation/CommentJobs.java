package org.stet.plugins.commentmoderation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.stet.spi.Mail;
import org.stet.spi.PluginContext;

/**
 * Timed work: the editors' digest (once per period, whichever instance claims it) and the privacy
 * clean-up (IP addresses and reporters' hashed addresses older than the setting, spent rate-limit
 * entries).
 */
@ApplicationScoped
public class CommentJobs {

  private static final Logger LOG = Logger.getLogger(CommentJobs.class);

  private final CommentStore store;
  private final ReportStore reports;
  private final ThrottleStore throttle;
  private final CommentMails mails;
  private final Mail mail;
  private final PluginContext context;

  CommentJobs(
      CommentStore store,
      ReportStore reports,
      ThrottleStore throttle,
      CommentMails mails,
      Mail mail,
      PluginContext context) {
    this.store = store;
    this.reports = reports;
    this.throttle = throttle;
    this.mails = mails;
    this.mail = mail;
    this.context = context;
  }

  @Scheduled(
      every = "10m",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void digestOnSchedule() {
    if (context.enabled(CommentModerationPlugin.ID)) {
      sendDigest();
    }
  }

  @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void cleanUpOnSchedule() {
    if (context.enabled(CommentModerationPlugin.ID)) {
      cleanUp();
    }
  }

  /** Sends the digest if its period has passed and comments wait; answers whether it was sent. */
  @Transactional
  public boolean sendDigest() {
    int hours = CommentSettings.of(context.settings(CommentModerationPlugin.ID)).digestHours();
    if (hours == 0 || store.pendingCount() == 0 || store.claimDigest(hours).isEmpty()) {
      return false;
    }
    mails.digest(store.pending(20), store.pendingCount(), mail.editorAddresses());
    return true;
  }

  /** Erases old IP addresses, spent rate-limit entries and expired stamp uses. */
  @Transactional
  public void cleanUp() {
    int days = CommentSettings.of(context.settings(CommentModerationPlugin.ID)).keepIpDays();
    int erased = store.eraseIpsOlderThan(days) + reports.forgetReportersOlderThan(days);
    int forgotten = throttle.forgetOldRates() + throttle.forgetUsedStamps();
    if (erased > 0 || forgotten > 0) {
      LOG.infof(
          "Comments: erased %d IP addresses, forgot %d rate-limit entries", erased, forgotten);
    }
  }
}
