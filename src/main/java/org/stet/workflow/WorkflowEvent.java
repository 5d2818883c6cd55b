package org.stet.workflow;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.stet.article.ArticleStatus;

/** A state change of an article: who, when, from, to, which revision, why. Append-only. */
@Entity
@Table(name = "workflow_event")
public class WorkflowEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "article_id")
  public Long articleId;

  @Column(insertable = false, updatable = false)
  public Instant at;

  @Column(name = "actor_id")
  public Long actorId;

  public String actor;

  public String action;

  @Column(name = "from_state")
  public String fromState;

  @Column(name = "to_state")
  public String toState;

  public Integer revision;

  public String note;

  public static List<WorkflowEvent> listOfArticle(long articleId) {
    return list("articleId = ?1 order by id", articleId);
  }

  /** The step taken. */
  public WorkflowAction step() {
    return WorkflowAction.valueOf(action);
  }

  /** The state before the step. */
  public ArticleStatus from() {
    return ArticleStatus.valueOf(fromState);
  }

  /** The state after the step. */
  public ArticleStatus to() {
    return ArticleStatus.valueOf(toState);
  }
}
