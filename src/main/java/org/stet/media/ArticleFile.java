package org.stet.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A file published with an article (its PDF version, a data appendix), under a label. */
@Entity
@Table(name = "article_file")
public class ArticleFile extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "article_id")
  public long articleId;

  /** Its name in the article's address: {@code /articles/<slug>/files/<name>}. */
  public String name;

  public String label;

  @Enumerated(EnumType.STRING)
  public FileChecks.Kind kind;

  @Column(name = "blob_id")
  public long blobId;

  public long size;

  public String sha256;

  public int position;

  @Column(name = "added_by")
  public Long addedBy;

  @Column(name = "added_at", insertable = false, updatable = false)
  public Instant addedAt;

  public static List<ArticleFile> listOf(long articleId) {
    return list("articleId = ?1 order by position, id", articleId);
  }

  public static Optional<ArticleFile> findByName(long articleId, String name) {
    return find("articleId = ?1 and name = ?2", articleId, name).firstResultOptional();
  }
}
