package org.stet.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;

/** An article's revision history, word diffs between revisions, and restoring an old one. */
@ApplicationScoped
@Transactional
public class RevisionService {

  /** Word diffs of title and body between two revisions. */
  public record Comparison(int from, int to, List<WordDiff.Run> title, List<WordDiff.Run> body) {}

  private final DraftService drafts;

  RevisionService(DraftService drafts) {
    this.drafts = drafts;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleRevision> list(Caller caller, long articleId) {
    visible(caller, articleId);
    return ArticleRevision.list("articleId = ?1 order by number", articleId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticleRevision get(Caller caller, long articleId, int number) {
    visible(caller, articleId);
    ArticleRevision revision = ArticleRevision.findById(new ArticleRevision.Key(articleId, number));
    if (revision == null) {
      throw new NotFoundException();
    }
    return revision;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Comparison compare(Caller caller, long articleId, int from, int to) {
    ArticleRevision a = get(caller, articleId, from);
    ArticleRevision b = get(caller, articleId, to);
    return new Comparison(
        from, to, WordDiff.between(a.title, b.title), WordDiff.between(a.body, b.body));
  }

  /**
   * Saves revision {@code number}'s text as a new revision (history is never rewritten); the same
   * checks as any save apply, including the version the writer started from.
   */
  public Article restore(Caller caller, long articleId, int number, Long version) {
    ArticleRevision old = get(caller, articleId, number);
    return drafts.edit(caller, articleId, new DraftText(old.title, old.body, old.excerpt, version));
  }

  private static void visible(Caller caller, long articleId) {
    ArticleAccess.visible(caller, articleId, false);
  }
}
