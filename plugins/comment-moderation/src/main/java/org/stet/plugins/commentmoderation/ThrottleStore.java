package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.OptionalLong;

/**
 * What keeps one reader from flooding or replaying, in the plugin's tables: when each reader (a
 * hashed address) last commented or reported, and which form stamps each has used.
 */
@ApplicationScoped
@Transactional
public class ThrottleStore {

  private final EntityManager entityManager;

  ThrottleStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Records a comment from {@code key} now, unless its last one was less than {@code seconds} ago:
   * then answers the seconds still to wait and records nothing.
   */
  public OptionalLong waitFor(String key, int seconds) {
    List<?> took =
        entityManager
            .createNativeQuery(
                "insert into comment_moderation_rate as r (key, at) values (?1, now())"
                    + " on conflict (key) do update set at = now()"
                    + " where r.at <= now() - make_interval(secs => ?2) returning 1")
            .setParameter(1, key)
            .setParameter(2, seconds)
            .getResultList();
    if (!took.isEmpty()) {
      return OptionalLong.empty();
    }
    Number left =
        (Number)
            entityManager
                .createNativeQuery(
                    "select ceil(extract(epoch from (at + make_interval(secs => ?2) - now())))"
                        + " from comment_moderation_rate where key = ?1")
                .setParameter(1, key)
                .setParameter(2, seconds)
                .getSingleResult();
    return OptionalLong.of(Math.max(1, left.longValue()));
  }

  /** Marks {@code stamp} used by {@code reader}; false when it was used by them before. */
  public boolean useStamp(String stamp, String reader) {
    return NativeSql.execute(
            entityManager,
            "insert into comment_moderation_stamp_use (stamp, reader) values (?1, ?2)"
                + " on conflict do nothing",
            stamp,
            reader)
        == 1;
  }

  /** Forgets used stamps once no stamp of their time can be good any more. */
  public int forgetUsedStamps() {
    return NativeSql.execute(
        entityManager,
        "delete from comment_moderation_stamp_use where used_at < now() - make_interval(hours =>"
            + " ?1)",
        CommentSettings.MOST_STAMP_HOURS);
  }

  /** Forgets rate-limit entries older than an hour (the longest limit). */
  public int forgetOldRates() {
    return NativeSql.execute(
        entityManager, "delete from comment_moderation_rate where at < now() - interval '1 hour'");
  }
}
