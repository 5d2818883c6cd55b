package org.stet.article;

/** Fired after a transaction that changed what the public sees of an article commits. */
public record ArticleChanged(long articleId, String slug) {}
