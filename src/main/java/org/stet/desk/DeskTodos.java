package org.stet.desk;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.review.ReviewState;

/**
 * What waits for the signed-in person, with counts, for the desk's start page: their own articles
 * and reviews, and for editors the whole desk. Only counts and titles the caller may see.
 */
@ApplicationScoped
public class DeskTodos {

  /** An article to act on, and when (the scheduled time, or since when it waits). */
  public record Waiting(long id, String title, Instant at) {}

  /** The author's articles by state. */
  public record Writing(Map<ArticleStatus, Long> counts, List<Waiting> revisionsRequested) {

    public long drafts() {
      return count(ArticleStatus.DRAFT);
    }

    /** Submitted, in review or accepted: with the editors. */
    public long withEditors() {
      return count(ArticleStatus.SUBMITTED)
          + count(ArticleStatus.IN_REVIEW)
          + count(ArticleStatus.ACCEPTED);
    }

    public long scheduled() {
      return count(ArticleStatus.SCHEDULED);
    }

    public long published() {
      return count(ArticleStatus.PUBLISHED);
    }

    private long count(ArticleStatus state) {
      return counts.getOrDefault(state, 0L);
    }
  }

  /** The reviewer's open assignments. */
  public record Reviewing(long invitations, long due, long overdue) {}

  /** The desk as editors see it. */
  public record Editing(
      long submissions,
      long reviewsIn,
      long overdueReviews,
      long acceptedNotScheduled,
      List<Waiting> scheduled) {}

  /** Everything the start page shows; a part is null for a role the caller does not have. */
  public record Todos(Writing writing, Reviewing reviewing, Editing editing) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Todos of(Caller caller, LocalDate today) {
    return new Todos(
        caller.is(Role.AUTHOR) ? writing(caller) : null,
        caller.is(Role.REVIEWER) ? reviewing(caller, today) : null,
        caller.is(Role.EDITOR) ? editing(today) : null);
  }

  private static Writing writing(Caller caller) {
    Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
    if (caller.personId() == null) {
      return new Writing(counts, List.of());
    }
    List<Object[]> rows =
        Panache.getEntityManager()
            .createQuery(
                "select a.status, count(distinct a.id) from Article a join a.authors p"
                    + " where p.id = :person group by a.status",
                Object[].class)
            .setParameter("person", caller.personId())
            .getResultList();
    rows.forEach(row -> counts.put((ArticleStatus) row[0], ((Number) row[1]).longValue()));
    List<Waiting> back =
        Panache.getEntityManager()
            .createQuery(
                "select distinct a from Article a join a.authors p where p.id = :person"
                    + " and a.status = :state order by a.stateChangedAt",
                Article.class)
            .setParameter("person", caller.personId())
            .setParameter("state", ArticleStatus.REVISIONS_REQUESTED)
            .setMaxResults(20)
            .getResultList()
            .stream()
            .map(a -> new Waiting(a.id, a.title, a.stateChangedAt))
            .toList();
    return new Writing(counts, back);
  }

  private static Reviewing reviewing(Caller caller, LocalDate today) {
    return new Reviewing(
        countReviews("reviewer.id = ?1 and state = ?2", caller.accountId(), ReviewState.INVITED),
        countReviews("reviewer.id = ?1 and state = ?2", caller.accountId(), ReviewState.ACCEPTED),
        countReviews(
            "reviewer.id = ?1 and state in ?2 and dueOn < ?3",
            caller.accountId(),
            List.of(ReviewState.INVITED, ReviewState.ACCEPTED),
            today));
  }

  private static Editing editing(LocalDate today) {
    return new Editing(
        Article.count("status", ArticleStatus.SUBMITTED),
        Panache.getEntityManager()
            .createQuery(
                "select count(distinct r.article.id) from ReviewAssignment r"
                    + " where r.state = :sent and r.article.status = :inReview",
                Long.class)
            .setParameter("sent", ReviewState.SUBMITTED)
            .setParameter("inReview", ArticleStatus.IN_REVIEW)
            .getSingleResult(),
        countReviews(
            "state in ?1 and dueOn < ?2",
            List.of(ReviewState.INVITED, ReviewState.ACCEPTED),
            today),
        Article.count("status", ArticleStatus.ACCEPTED),
        Article.<Article>find("status = ?1 order by publishedAt", ArticleStatus.SCHEDULED)
            .page(0, 20)
            .list()
            .stream()
            .map(a -> new Waiting(a.id, a.title, a.publishedAt))
            .toList());
  }

  private static long countReviews(String where, Object... parameters) {
    return org.stet.review.ReviewAssignment.count(where, parameters);
  }
}
