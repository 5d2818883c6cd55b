package org.stet.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stet.article.Article;
import org.stet.identity.Account;

/**
 * A reviewer asked to review one exact revision of an article. Once submitted, a review is never
 * changed: a new round (after revisions) gets new assignments.
 */
@Entity
@Table(name = "review_assignment")
public class ReviewAssignment extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "article_id")
  public Article article;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "reviewer_id")
  public Account reviewer;

  /** The revision under review: the text the author submitted for this round. */
  public int revision;

  /** The anonymity promised when the reviewer was asked; see {@link ReviewService#anonymity}. */
  @Enumerated(EnumType.STRING)
  public org.stet.journal.ReviewAnonymity anonymity;

  @Column(name = "due_on")
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  public ReviewState state = ReviewState.INVITED;

  @Enumerated(EnumType.STRING)
  public Recommendation recommendation;

  @Column(name = "to_author")
  public String toAuthor;

  @Column(name = "to_editor")
  public String toEditor;

  @Column(name = "decline_reason")
  public String declineReason;

  @Column(name = "assigned_by")
  public Long assignedBy;

  @Column(name = "assigned_at", updatable = false)
  public Instant assignedAt = Instant.now();

  @Column(name = "responded_at")
  public Instant respondedAt;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  /** When the reviewer was last reminded (by an editor or automatically). */
  @Column(name = "reminded_at")
  public Instant remindedAt;

  @Version public long version;

  /** Every assignment of the article, oldest first (the order reviewer letters follow). */
  public static List<ReviewAssignment> listOfArticle(long articleId) {
    return list("article.id = ?1 order by id", articleId);
  }

  /**
   * A page of the reviewer's assignments, newest first; {@code before} is the last id of the
   * previous page, or null for the first.
   */
  public static List<ReviewAssignment> pageOfReviewer(long accountId, Long before, int size) {
    return before == null
        ? find("reviewer.id = ?1 order by id desc", accountId).page(0, size).list()
        : find("reviewer.id = ?1 and id < ?2 order by id desc", accountId, before)
            .page(0, size)
            .list();
  }

  /** Whether this reviewer was asked about this revision already (in any state). */
  public static boolean asked(long articleId, long accountId, int revision) {
    return count(
            "article.id = ?1 and reviewer.id = ?2 and revision = ?3",
            articleId,
            accountId,
            revision)
        > 0;
  }
}
