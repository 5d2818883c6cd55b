package org.stet.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.stet.article.service.Caller;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.review.config.ReviewConfig;
import org.stet.settings.Site;

/**
 * Reminders to reviewers of open invitations and reviews: an editor's "Remind" button, and two
 * automatic ones, a few days before the due date and a few days after it. Each automatic reminder
 * is claimed by a single UPDATE of its assignment, so it is mailed once however many instances look
 * at the same moment.
 */
@ApplicationScoped
public class ReviewReminders {

  private static final Logger LOG = Logger.getLogger(ReviewReminders.class);

  /** An editor's reminders of one assignment are at least this far apart. */
  static final Duration BETWEEN_REMINDERS = Duration.ofHours(1);

  private static final String OPEN = "state in ('INVITED', 'ACCEPTED')";

  /**
   * Claims the early reminders that are due: the due date is near, and the assignment was made
   * before the reminder's day (an invitation due tomorrow gets no "due soon" mail at once).
   */
  private static final String CLAIM_EARLY =
      "update review_assignment set early_reminder_at = now(), reminded_at = now()"
          + " where "
          + OPEN
          + " and early_reminder_at is null and due_on >= ?1 and due_on <= ?2"
          + " and assigned_at < due_on - ?3 returning id";

  private static final String CLAIM_LATE =
      "update review_assignment set late_reminder_at = now(), reminded_at = now()"
          + " where "
          + OPEN
          + " and late_reminder_at is null and due_on <= ?1 returning id";

  private final EntityManager entityManager;
  private final ReviewConfig config;
  private final AuditLog audit;
  private final Event<ReviewEvent> events;

  ReviewReminders(
      EntityManager entityManager, ReviewConfig config, AuditLog audit, Event<ReviewEvent> events) {
    this.entityManager = entityManager;
    this.config = config;
    this.audit = audit;
    this.events = events;
  }

  /** An editor reminds the reviewer of an open invitation or review now. */
  @Transactional
  public void remind(Caller editor, long id) {
    ReviewAssignment assignment = ReviewAccess.handled(editor, id);
    if (!assignment.state.open()) {
      throw ReviewAccess.conflict(assignment, "only an open invitation or review can be reminded");
    }
    Instant now = Instant.now();
    if (assignment.remindedAt != null
        && assignment.remindedAt.plus(BETWEEN_REMINDERS).isAfter(now)) {
      throw new jakarta.ws.rs.WebApplicationException(
          assignment.reviewer.displayName
              + " was reminded less than an hour ago; give them a little time.",
          409);
    }
    assignment.remindedAt = now;
    audit.record(
        editor.auditActor(),
        AuditAction.REVIEW_REMINDED,
        "article:" + assignment.article.id + " review:" + assignment.id,
        "by an editor");
    events.fire(new ReviewEvent(assignment.id, ReviewEvent.Kind.REMINDED));
  }

  @Scheduled(
      every = "${stet.review.reminder-check-interval:15m}",
      delayed = "${stet.review.reminder-check-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    sendDue();
  }

  /** Mails the automatic reminders that are due; answers how many were sent. */
  @Transactional
  public int sendDue() {
    LocalDate today = LocalDate.now(Site.current().zone());
    List<Long> claimed = new ArrayList<>();
    if (config.remindDaysBefore() > 0) {
      LocalDate remindOn = today.plusDays(config.remindDaysBefore());
      claimed.addAll(claim(CLAIM_EARLY, today, remindOn, config.remindDaysBefore()));
    }
    if (config.remindDaysAfter() > 0) {
      claimed.addAll(claim(CLAIM_LATE, today.minusDays(config.remindDaysAfter()), null, null));
    }
    for (long id : claimed) {
      events.fire(new ReviewEvent(id, ReviewEvent.Kind.REMINDED));
    }
    if (!claimed.isEmpty()) {
      LOG.infof("Reminded reviewers of %d review(s)", claimed.size());
    }
    return claimed.size();
  }

  @SuppressWarnings("unchecked")
  private List<Long> claim(String sql, LocalDate first, LocalDate second, Integer days) {
    var query = entityManager.createNativeQuery(sql).setParameter(1, first);
    if (second != null) {
      query.setParameter(2, second).setParameter(3, days);
    }
    return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
  }
}
