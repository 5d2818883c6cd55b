package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Readers' reports of approved comments, in the plugin's tables: one per reader and comment, the
 * reader kept only as a hashed address, and that only for the days the settings keep IPs.
 */
@ApplicationScoped
@Transactional
public class ReportStore {

  private final EntityManager entityManager;

  ReportStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * One reader's report of an approved comment (once per reader); at {@code threshold} reports the
   * comment goes back to moderation. Answers whether it did.
   */
  public boolean report(long id, String reporter, String reason, int threshold) {
    int added =
        entityManager
            .createNativeQuery(
                "insert into comment_moderation_report (comment_id, reporter, reason)"
                    + " values (?1, ?2, ?3) on conflict do nothing")
            .setParameter(1, id)
            .setParameter(2, reporter)
            .setParameter(3, reason)
            .executeUpdate();
    if (added == 0) {
      return false;
    }
    return entityManager
        .createNativeQuery(
            "update comment_moderation_comment set reports = reports + 1,"
                + " status = case when reports + 1 >= ?2 then 'PENDING' else status end,"
                + " hold_reason = case when reports + 1 >= ?2"
                + " then 'Reported by ' || (reports + 1) || ' readers' else hold_reason end"
                + " where id = ?1 and status = 'APPROVED' returning status")
        .setParameter(1, id)
        .setParameter(2, threshold)
        .getResultList()
        .stream()
        .anyMatch("PENDING"::equals);
  }

  /** The reports' reasons for a comment, newest first. */
  public List<String> reportReasons(long id) {
    @SuppressWarnings("unchecked")
    List<String> reasons =
        entityManager
            .createNativeQuery(
                "select coalesce(reason, '') from comment_moderation_report where comment_id = ?1"
                    + " order by created_at desc limit 20")
            .setParameter(1, id)
            .getResultList();
    return reasons;
  }

  /** Forgets who reported what after {@code days} (the reports' hashed addresses). */
  public int forgetReportersOlderThan(int days) {
    return NativeSql.execute(
        entityManager,
        "delete from comment_moderation_report"
            + " where created_at < now() - make_interval(days => ?1)",
        days);
  }
}
