package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Comments and everything kept about them, in the plugin's own tables. */
@ApplicationScoped
@Transactional
public class CommentStore {

  /** Moderation states. */
  enum Status {
    PENDING,
    APPROVED,
    SPAM,
    TRASH
  }

  /** A comment as stored. {@code email} is for moderators and mails only, never public pages. */
  public record Comment(
      long id,
      long articleId,
      Long parentId,
      int depth,
      Status status,
      String name,
      String email,
      String website,
      String body,
      Double spamScore,
      String holdReason,
      boolean byEditor,
      boolean wantsMail,
      String token,
      int reports,
      int version,
      Instant createdAt,
      Instant moderatedAt,
      String moderatedBy,
      boolean erased,
      String ip,
      String trainedAs) {

    /** The score as a whole percentage, or null while the filter is learning. */
    public Integer spamPercent() {
      return spamScore == null ? null : (int) Math.round(spamScore * 100);
    }

    public String bodyHtml() {
      return CommentText.html(body);
    }
  }

  /** A comment to store. */
  record NewComment(
      long articleId,
      Long parentId,
      int depth,
      Status status,
      String name,
      String email,
      String website,
      String body,
      String bodyHash,
      String ip,
      Double spamScore,
      String holdReason,
      boolean byEditor,
      boolean wantsMail,
      String token,
      String moderatedBy) {}

  /** Which comments the moderation desk lists. */
  record Filter(Status status, Long articleId, String email) {}

  private static final String COLUMNS =
      "id, article_id, parent_id, depth, status, author_name, author_email, author_url, body,"
          + " spam_score, hold_reason, by_editor, notify, token, reports, version, created_at,"
          + " moderated_at, moderated_by, erased, host(ip), trained_as";

  private final EntityManager entityManager;

  CommentStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** OPEN, CLOSED or OFF for this article. */
  public String mode(long articleId) {
    List<?> found =
        entityManager
            .createNativeQuery("select mode from comment_moderation_article where article_id = ?1")
            .setParameter(1, articleId)
            .getResultList();
    return found.isEmpty() ? "OPEN" : (String) found.get(0);
  }

  public void setMode(long articleId, String mode) {
    execute(
        "insert into comment_moderation_article (article_id, mode) values (?1, ?2)"
            + " on conflict (article_id) do update set mode = excluded.mode",
        articleId,
        mode);
  }

  /** The approved comments of an article, oldest first, at most {@code limit}. */
  public List<Comment> approved(long articleId, int limit) {
    return comments(
        "where article_id = ?1 and status = 'APPROVED' order by id limit " + limit, articleId);
  }

  public long approvedCount(long articleId) {
    return ((Number)
            entityManager
                .createNativeQuery(
                    "select count(*) from comment_moderation_comment"
                        + " where article_id = ?1 and status = 'APPROVED'")
                .setParameter(1, articleId)
                .getSingleResult())
        .longValue();
  }

  public Optional<Comment> find(long id) {
    return comments("where id = ?1", id).stream().findFirst();
  }

  public Optional<Comment> findByToken(String token) {
    return comments("where token = ?1", token).stream().findFirst();
  }

  /** Whether a comment from this address was ever approved. */
  public boolean knownCommenter(String email) {
    return !entityManager
        .createNativeQuery(
            "select 1 from comment_moderation_comment where author_email = ?1"
                + " and status = 'APPROVED' limit 1")
        .setParameter(1, email)
        .getResultList()
        .isEmpty();
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

  /** The installation's key for hashing readers' addresses. */
  public String addressKey() {
    return (String)
        entityManager
            .createNativeQuery("select key from comment_moderation_key where id = 1")
            .getSingleResult();
  }

  /** Whether another comment not in the trash has the same article, address and words. */
  public boolean liveCopyExists(long id) {
    return !entityManager
        .createNativeQuery(
            "select 1 from comment_moderation_comment c join comment_moderation_comment t"
                + " on t.article_id = c.article_id and t.body_hash = c.body_hash and t.id <> c.id"
                + " where c.id = ?1 and t.status <> 'TRASH' limit 1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** Stores a comment; empty when the same comment is already there (a duplicate). */
  public OptionalLong insert(NewComment c) {
    List<?> ids =
        entityManager
            .createNativeQuery(
                "insert into comment_moderation_comment (article_id, parent_id, depth, status,"
                    + " author_name, author_email, author_url, body, body_hash, ip, spam_score,"
                    + " hold_reason, by_editor, notify, token, moderated_at, moderated_by)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as inet), ?11, ?12,"
                    + " ?13, ?14, ?15, case when cast(?16 as text) is null then null else now() end,"
                    + " cast(?16 as text))"
                    + " on conflict (article_id, body_hash) where status <> 'TRASH' do nothing"
                    + " returning id")
            .setParameter(1, c.articleId())
            .setParameter(2, c.parentId())
            .setParameter(3, c.depth())
            .setParameter(4, c.status().name())
            .setParameter(5, c.name())
            .setParameter(6, c.email())
            .setParameter(7, c.website())
            .setParameter(8, c.body())
            .setParameter(9, c.bodyHash())
            .setParameter(10, c.ip())
            .setParameter(11, c.spamScore() == null ? null : c.spamScore().floatValue())
            .setParameter(12, c.holdReason())
            .setParameter(13, c.byEditor())
            .setParameter(14, c.wantsMail())
            .setParameter(15, c.token())
            .setParameter(16, c.moderatedBy())
            .getResultList();
    return ids.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(((Number) ids.get(0)).longValue());
  }

  /** The comment, locked until the transaction ends (a moderation step reads and writes it). */
  public Optional<Comment> lock(long id) {
    return comments("where id = ?1 for update", id).stream().findFirst();
  }

  /**
   * Moves a {@link #lock locked} comment to {@code status} on a moderator's word, teaching the spam
   * filter (spam: spam; approved: not spam; a change of mind is unlearnt first).
   */
  public void moderate(Comment comment, Status status, String moderator) {
    String trainAs = status == Status.SPAM ? "SPAM" : status == Status.APPROVED ? "HAM" : null;
    String trained = comment.trainedAs();
    if (trainAs != null && !trainAs.equals(trained)) {
      Set<String> tokens =
          SpamFilter.tokens(
              comment.name(), comment.email(), orEmpty(comment.website()), comment.body());
      if (trained != null) {
        learn(tokens, trained.equals("SPAM"), -1);
      }
      learn(tokens, trainAs.equals("SPAM"), 1);
    }
    execute(
        "update comment_moderation_comment set status = ?2, moderated_at = now(),"
            + " moderated_by = ?3, hold_reason = case when ?2 = 'PENDING' then hold_reason"
            + " else null end, trained_as = coalesce(?4, trained_as),"
            + " reports = case when ?2 = 'APPROVED' then 0 else reports end"
            + " where id = ?1",
        comment.id(),
        status.name(),
        moderator,
        trainAs);
    if (status == Status.APPROVED) {
      execute("delete from comment_moderation_report where comment_id = ?1", comment.id());
    }
  }

  private void learn(Set<String> tokens, boolean spam, int delta) {
    String column = spam ? "spam" : "ham";
    // Always in the same order, so two moderators training at once never deadlock.
    for (String token : new java.util.TreeSet<>(tokens)) {
      entityManager
          .createNativeQuery(
              "insert into comment_moderation_token as t (token, "
                  + column
                  + ") values (?1, greatest(?2, 0)) on conflict (token) do update set "
                  + column
                  + " = greatest(t."
                  + column
                  + " + ?2, 0)")
          .setParameter(1, token)
          .setParameter(2, delta)
          .executeUpdate();
    }
    entityManager
        .createNativeQuery(
            "update comment_moderation_corpus set "
                + column
                + " = greatest("
                + column
                + " + ?1, 0) where id = 1")
        .setParameter(1, delta)
        .executeUpdate();
  }

  /** What the filter has learnt about these tokens. */
  public Map<String, SpamFilter.Counts> counts(Collection<String> tokens) {
    Map<String, SpamFilter.Counts> counts = new HashMap<>();
    if (tokens.isEmpty()) {
      return counts;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select token, spam, ham from comment_moderation_token where token in (?1)")
            .setParameter(1, tokens)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(
          (String) row[0],
          new SpamFilter.Counts(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
    }
    return counts;
  }

  /** How many spam and approved comments the filter learnt from. */
  public int[] corpus() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery("select spam, ham from comment_moderation_corpus where id = 1")
                .getSingleResult();
    return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
  }

  /**
   * A page of the moderation queue, newest first, after {@code beforeId} (keyset); one more than
   * {@code size} tells that there is a next page.
   */
  public List<Comment> queue(Filter filter, Long beforeId, int size) {
    StringBuilder where = new StringBuilder("where status = ?1");
    List<Object> parameters = new ArrayList<>(List.of(filter.status().name()));
    if (filter.articleId() != null) {
      parameters.add(filter.articleId());
      where.append(" and article_id = ?").append(parameters.size());
    }
    if (filter.email() != null) {
      parameters.add(filter.email());
      where.append(" and author_email = ?").append(parameters.size());
    }
    if (beforeId != null) {
      parameters.add(beforeId);
      where.append(" and id < ?").append(parameters.size());
    }
    where.append(" order by id desc limit ").append(size + 1);
    return comments(where.toString(), parameters.toArray());
  }

  /** How many comments are in each state (kept by a trigger, so this counts no rows). */
  public Map<Status, Long> counts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select status, n from comment_moderation_count")
            .getResultList();
    Map<Status, Long> counts = new HashMap<>();
    for (Status status : Status.values()) {
      counts.put(status, 0L);
    }
    rows.forEach(row -> counts.put(Status.valueOf((String) row[0]), ((Number) row[1]).longValue()));
    return counts;
  }

  /** How many comments are in {@code status}. */
  public long count(Status status) {
    return counts().get(status);
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

  /** A moderator's edit; false if someone changed the comment since {@code version}. */
  public boolean edit(long id, int version, String name, String website, String body, String by) {
    return entityManager
            .createNativeQuery(
                "update comment_moderation_comment set author_name = ?3, author_url = ?4,"
                    + " body = ?5, version = version + 1, edited_at = now(), moderated_by = ?6"
                    + " where id = ?1 and version = ?2")
            .setParameter(1, id)
            .setParameter(2, version)
            .setParameter(3, name)
            .setParameter(4, website)
            .setParameter(5, body)
            .setParameter(6, by)
            .executeUpdate()
        == 1;
  }

  /** Every comment from this address, for an export. */
  public List<Comment> byEmail(String email) {
    return comments("where author_email = ?1 order by id", email);
  }

  /**
   * Erases what a commenter gave: name, address, web site, IP and text; the comments stay as
   * placeholders so replies keep their thread. Answers how many.
   */
  public int erase(String email, long eraseId) {
    return entityManager
        .createNativeQuery(
            "update comment_moderation_comment set author_name = 'Erased commenter',"
                + " author_email = 'erased-' || id || '@erased.invalid', author_url = null,"
                + " ip = null, body = 'This comment was erased at the commenter''s request.',"
                + " body_hash = 'erased-' || id || '-' || ?2, notify = false, erased = true"
                + " where author_email = ?1")
        .setParameter(1, email)
        .setParameter(2, eraseId)
        .executeUpdate();
  }

  /** Erases the IP addresses of comments older than {@code days}; answers how many. */
  public int eraseIpsOlderThan(int days) {
    return execute(
        "update comment_moderation_comment set ip = null where ip is not null"
            + " and created_at < now() - make_interval(days => ?1)",
        days);
  }

  /** Forgets who reported what after {@code days} (the reports' hashed addresses). */
  public int forgetReportersOlderThan(int days) {
    return execute(
        "delete from comment_moderation_report"
            + " where created_at < now() - make_interval(days => ?1)",
        days);
  }

  /** Marks {@code stamp} used by {@code reader}; false when it was used by them before. */
  public boolean useStamp(String stamp, String reader) {
    return execute(
            "insert into comment_moderation_stamp_use (stamp, reader) values (?1, ?2)"
                + " on conflict do nothing",
            stamp,
            reader)
        == 1;
  }

  /** Forgets used stamps once no stamp of their time can be good any more. */
  public int forgetUsedStamps() {
    return execute(
        "delete from comment_moderation_stamp_use where used_at < now() - make_interval(hours =>"
            + " ?1)",
        CommentSettings.MOST_STAMP_HOURS);
  }

  /** Forgets rate-limit entries older than an hour (the longest limit). */
  public int forgetOldRates() {
    return execute("delete from comment_moderation_rate where at < now() - interval '1 hour'");
  }

  /** Claims the next digest if {@code hours} have passed since the last (one instance wins). */
  public Optional<Instant> claimDigest(int hours) {
    @SuppressWarnings("unchecked")
    List<Object> previous =
        entityManager
            .createNativeQuery(
                "with old as (select sent_at from comment_moderation_digest where id = 1)"
                    + " update comment_moderation_digest set sent_at = now()"
                    + " where id = 1 and sent_at <= now() - make_interval(hours => ?1)"
                    + " returning (select sent_at from old)")
            .setParameter(1, hours)
            .getResultList();
    return previous.stream().findFirst().map(CommentStore::instant);
  }

  /** Pending comments, oldest first. */
  public List<Comment> pending(int limit) {
    return comments("where status = 'PENDING' order by id limit " + limit);
  }

  public long pendingCount() {
    return count(Status.PENDING);
  }

  /** Stops mails to the address of the comment with {@code token}; false for an unknown token. */
  public boolean unsubscribe(String token) {
    return entityManager
            .createNativeQuery(
                "update comment_moderation_comment set notify = false where author_email ="
                    + " (select author_email from comment_moderation_comment where token = ?1)")
            .setParameter(1, token)
            .executeUpdate()
        > 0;
  }

  /** Runs an insert, update or delete with positional parameters; answers the rows changed. */
  private int execute(String sql, Object... parameters) {
    Query query = entityManager.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.executeUpdate();
  }

  private List<Comment> comments(String where, Object... parameters) {
    Query query =
        entityManager.createNativeQuery(
            "select " + COLUMNS + " from comment_moderation_comment " + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(CommentStore::comment).toList();
  }

  private static Comment comment(Object[] r) {
    return new Comment(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        r[2] == null ? null : ((Number) r[2]).longValue(),
        ((Number) r[3]).intValue(),
        Status.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        r[9] == null ? null : ((Number) r[9]).doubleValue(),
        (String) r[10],
        (Boolean) r[11],
        (Boolean) r[12],
        (String) r[13],
        ((Number) r[14]).intValue(),
        ((Number) r[15]).intValue(),
        instant(r[16]),
        instant(r[17]),
        (String) r[18],
        (Boolean) r[19],
        (String) r[20],
        (String) r[21]);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** To milliseconds: HTML's {@code datetime} takes at most three digits of a second. */
  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    Instant at =
        value instanceof OffsetDateTime offset
            ? offset.toInstant()
            : value instanceof java.sql.Timestamp sql ? sql.toInstant() : (Instant) value;
    return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
