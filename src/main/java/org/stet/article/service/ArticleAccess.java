package org.stet.article.service;

import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;

/**
 * Who may see and change which article: the object checks that come on top of role checks. An
 * article a caller may not see does not exist for them (404), so ids cannot be probed.
 */
public final class ArticleAccess {

  private ArticleAccess() {}

  /** Editors and admins see every article; authors see the ones they are an author of. */
  public static boolean canRead(Caller caller, Article article) {
    return caller.is(Role.EDITOR) || caller.is(Role.ADMIN) || isAuthor(caller, article);
  }

  /** Only the article's own authors change its text, and only while it is a draft. */
  public static boolean canEditText(Caller caller, Article article) {
    return isAuthor(caller, article) && article.status == ArticleStatus.DRAFT;
  }

  public static boolean isAuthor(Caller caller, Article article) {
    return caller.personId() != null
        && caller.is(Role.AUTHOR)
        && article.authors.stream().anyMatch(person -> person.id.equals(caller.personId()));
  }
}
