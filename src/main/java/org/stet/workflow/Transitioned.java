package org.stet.workflow;

import org.stet.article.ArticleStatus;

/** Fired when a workflow transition has been made (observers act after it commits). */
public record Transitioned(
    long articleId,
    WorkflowAction action,
    ArticleStatus from,
    ArticleStatus to,
    String actor,
    String note) {}
