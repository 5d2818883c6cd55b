package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Comments, their moderation and each article's comment mode, in the plugin's own tables. What the
 * spam filter learnt ({@link SpamCorpus}), readers' reports ({@link ReportStore}) and rate limits
 * ({@link ThrottleStore}) are kept beside them.
 */
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

  private final EntityManager entityManager;
  private final SpamCorpus spam;

  CommentStore(EntityManager entityManager, SpamCorpus spam) {
    this.entityManager = entityManager;
    this.spam = spam;
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
    NativeSql.execute(
        entityManager,
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
    String trainAs = spam.train(comment, status);
    NativeSql.execute(
        entityManager,
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
      NativeSql.execute(
          entityManager,
          "delete from comment_moderation_report where comment_id = ?1",
          comment.id());
    }
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
    return NativeSql.execute(
        entityManager,
        "update comment_moderation_comment set ip = null where ip is not null"
            + " and created_at < now() - make_interval(days => ?1)",
        days);
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
    return previous.stream().findFirst().map(NativeSql::instant);
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

  private List<Comment> comments(String where, Object... parameters) {
    Query query =
        NativeSql.query(
            entityManager,
            "select " + Comment.COLUMNS + " from comment_moderation_comment " + where,
            parameters);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(Comment::of).toList();
  }
}
