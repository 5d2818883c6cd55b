package org.stet.article.service;

import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;

/**
 * Who may see and change which article: the object checks that come on top of role checks. An
 * article a caller may not see does not exist for them (404), so ids cannot be probed.
 */
public final class ArticleAccess {

  private ArticleAccess() {}

  /**
   * The article, if {@code caller} may see it; otherwise 404, exactly as for an id that does not
   * exist. {@code lock} takes the row for the rest of the transaction (for changes).
   */
  public static Article visible(Caller caller, long id, boolean lock) {
    Article article =
        lock ? Article.findById(id, LockModeType.PESSIMISTIC_WRITE) : Article.findById(id);
    if (article == null || !canRead(caller, article)) {
      throw new NotFoundException();
    }
    return article;
  }

  /** Editors and admins see every article; authors see the ones they are an author of. */
  public static boolean canRead(Caller caller, Article article) {
    return caller.is(Role.EDITOR) || caller.is(Role.ADMIN) || isAuthor(caller, article);
  }

  /**
   * Who changes an article's text, and when: its own authors while it is a draft or returned to
   * them for revisions; editors once it is accepted and until it is published (copy-editing, each
   * save a revision the authors see). A published article changes only by a correction ({@link
   * #canCorrect}); nobody changes the text in any other state.
   */
  public static boolean canEditText(Caller caller, Article article) {
    return switch (article.status) {
      case DRAFT, REVISIONS_REQUESTED -> isAuthor(caller, article);
      case ACCEPTED, SCHEDULED -> caller.is(Role.EDITOR);
      default -> false;
    };
  }

  /**
   * Why the caller may not change the article's text now, in words for the refusal (call it when
   * {@link #canEditText} says no).
   */
  public static String whyNotEditable(Caller caller, Article article) {
    if (article.status == ArticleStatus.PUBLISHED && caller.is(Role.EDITOR)) {
      return "This article is published; its text changes only through a correction (\"Correct"
          + " the published text\" on its desk page).";
    }
    return "This article is "
        + article.status.words()
        + "; its authors edit it as a draft or when revisions are requested, and editors"
        + " copy-edit it once it is accepted.";
  }

  /** Editors correct a published article: a new revision published at once, with a note. */
  public static boolean canCorrect(Caller caller, Article article) {
    return article.status == ArticleStatus.PUBLISHED && caller.is(Role.EDITOR);
  }

  /** Whether the caller would change the text as its editor (copy-edit or correction). */
  public static boolean editsAsEditor(Caller caller, Article article) {
    return article.status != ArticleStatus.DRAFT
        && article.status != ArticleStatus.REVISIONS_REQUESTED
        && caller.is(Role.EDITOR);
  }

  public static boolean isAuthor(Caller caller, Article article) {
    return caller.personId() != null
        && caller.is(Role.AUTHOR)
        && article.authors.stream().anyMatch(person -> person.id.equals(caller.personId()));
  }
}
