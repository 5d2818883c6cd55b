package org.stet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A correction of a published article: the revision it published, when, by whom, and the note
 * readers see beside its date (none for a correction too small to mention). Never changed.
 */
@Entity
@Table(name = "article_correction")
public class ArticleCorrection extends PanacheEntityBase {

  /** The longest note a correction may carry. */
  public static final int MAX_NOTE = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "article_id")
  public long articleId;

  public int revision;

  public String note;

  @Column(name = "corrected_by")
  public Long correctedBy;

  @Column(name = "corrected_at")
  public Instant correctedAt;

  /** When the newest of {@code oldestFirst} was made (the article's dateModified), or null. */
  public static java.time.Instant newest(List<ArticleCorrection> oldestFirst) {
    return oldestFirst.isEmpty() ? null : oldestFirst.get(oldestFirst.size() - 1).correctedAt;
  }

  /** The article's corrections, oldest first. */
  public static List<ArticleCorrection> of(long articleId) {
    return list("articleId = ?1 order by correctedAt, id", articleId);
  }
}
