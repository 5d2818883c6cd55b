package org.stet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One saved version of an article's text; numbered from 1, never changed. */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision extends PanacheEntityBase {

  /** Primary key: article and revision number. */
  public record Key(Long articleId, Integer number) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "article_id")
  public Long articleId;

  @Id public Integer number;

  public String title;

  public String body;

  public String excerpt;

  /** The references as saved with this revision (CSL-JSON items, like the article's). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "reference_items")
  public List<Map<String, Object>> references = new ArrayList<>();

  @Column(name = "saved_by")
  public Long savedBy;

  @Column(name = "saved_at", insertable = false, updatable = false)
  public Instant savedAt;

  /** Saves the article's current text as its next revision; returns the revision number. */
  public static int record(Article article, Long accountId) {
    Integer last = latestNumber(article.id);
    ArticleRevision revision = new ArticleRevision();
    revision.articleId = article.id;
    revision.number = last == null ? 1 : last + 1;
    revision.title = article.title;
    revision.body = article.body;
    revision.excerpt = article.excerpt;
    revision.references = new ArrayList<>(article.references);
    revision.savedBy = accountId;
    revision.persist();
    return revision.number;
  }

  /** The newest revision number of the article, or null before the first save. */
  public static Integer latestNumber(long articleId) {
    return getEntityManager()
        .createQuery(
            "select max(r.number) from ArticleRevision r where r.articleId = :id", Integer.class)
        .setParameter("id", articleId)
        .getSingleResult();
  }
}
