package org.stet.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;

/** An article's place in an issue's table of contents; an article is in at most one issue. */
@Entity
@Table(name = "issue_placement")
public class IssuePlacement extends PanacheEntityBase {

  @Id
  @Column(name = "article_id")
  public Long articleId;

  @MapsId
  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "article_id")
  public Article article;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "issue_id")
  public JournalIssue issue;

  /** 0-based position in the table of contents. */
  public int position;

  public static Optional<IssuePlacement> findByArticle(Article article) {
    return find("article", article).firstResultOptional();
  }

  /** The issue's table of contents: its published articles in order. */
  public static List<IssuePlacement> listPublishedInIssue(JournalIssue issue) {
    return list(
        "select p from IssuePlacement p join fetch p.article a"
            + " where p.issue = ?1 and a.status = ?2 order by p.position",
        issue,
        ArticleStatus.PUBLISHED);
  }

  /** The next free position at the end of the issue's table of contents. */
  public static int nextPosition(JournalIssue issue) {
    Integer max =
        getEntityManager()
            .createQuery(
                "select max(p.position) from IssuePlacement p where p.issue = :issue",
                Integer.class)
            .setParameter("issue", issue)
            .getSingleResult();
    return max == null ? 0 : max + 1;
  }
}
