package org.stet.workflow;

import org.stet.article.ArticleStatus;

/**
 * Fired when a workflow transition has been made (observers act after it commits); {@code revision}
 * is the one the transition was made on.
 */
public record Transitioned(
    long articleId,
    String slug,
    WorkflowAction action,
    ArticleStatus from,
    ArticleStatus to,
    String actor,
    String note,
    Integer revision) {}
