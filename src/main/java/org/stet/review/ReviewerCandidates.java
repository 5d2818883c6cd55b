package org.stet.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.stet.article.ArticleRevision;
import org.stet.article.service.Caller;

/**
 * The reviewers an editor can choose from for an article, found by name, e-mail or expertise, each
 * with their open and finished reviews, and whether they wrote the article or were asked already.
 */
@ApplicationScoped
public class ReviewerCandidates {

  /** One possible reviewer, as the picker lists them. */
  public record Candidate(
      long accountId,
      String name,
      String email,
      String expertise,
      long open,
      long finished,
      boolean author,
      boolean asked) {

    /** Whether the editor can invite them for this article now. */
    public boolean invitable() {
      return !author && !asked;
    }
  }

  /** How many candidates one search lists. */
  public static final int LIMIT = 20;

  private static final String SEARCH =
      """
      select a.id, a.display_name, a.email, a.expertise,
        (select count(*) from review_assignment r
          where r.reviewer_id = a.id and r.state in ('INVITED', 'ACCEPTED')),
        (select count(*) from review_assignment r
          where r.reviewer_id = a.id and r.state = 'SUBMITTED'),
        exists (select 1 from article_author w
          where w.article_id = ?1 and w.person_id = a.person_id),
        exists (select 1 from review_assignment r
          where r.article_id = ?1 and r.reviewer_id = a.id and r.revision = ?2)
      from account a
      where not a.disabled and 'REVIEWER' = any (a.roles)
        and (?3 = '' or a.display_name ilike ?4 escape '\\' or a.email ilike ?4 escape '\\'
             or a.expertise ilike ?4 escape '\\')
      order by lower(a.display_name), a.id
      limit ?5
      """;

  private final EntityManager entityManager;

  ReviewerCandidates(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The candidates matching {@code query} (every reviewer for a blank one), by name. */
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<Candidate> search(Caller editor, long articleId, String query) {
    ReviewAccess.handledArticle(editor, articleId, false);
    Integer revision = ArticleRevision.latestNumber(articleId);
    String words = query == null ? "" : query.strip();
    List<Object[]> rows =
        entityManager
            .createNativeQuery(SEARCH)
            .setParameter(1, articleId)
            .setParameter(2, revision == null ? 0 : revision)
            .setParameter(3, words)
            .setParameter(4, "%" + escapeLike(words) + "%")
            .setParameter(5, LIMIT)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Candidate(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).longValue(),
                    ((Number) row[5]).longValue(),
                    (Boolean) row[6],
                    (Boolean) row[7]))
        .toList();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
