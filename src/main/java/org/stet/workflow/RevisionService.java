package org.stet.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stet.article.Article;
import org.stet.article.ArticleRevision;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.citation.References;

/** An article's revision history, word diffs between revisions, and restoring an old one. */
@ApplicationScoped
@Transactional
public class RevisionService {

  /** Word diffs of title and body between two revisions, and what changed in the references. */
  public record Comparison(
      int from,
      int to,
      List<WordDiff.Run> title,
      List<WordDiff.Run> body,
      List<ReferenceChange> references) {}

  /** How a reference differs between two revisions. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * A reference added, removed or changed (its fields, as one line of text, diffed word by word);
   * references that are the same in both are left out.
   */
  public record ReferenceChange(String key, Change change, List<WordDiff.Run> text) {}

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
        from,
        to,
        WordDiff.between(a.title, b.title),
        WordDiff.between(a.body, b.body),
        referenceChanges(a.references, b.references));
  }

  /** In the newer list's order, then the removed ones in the older list's order. */
  static List<ReferenceChange> referenceChanges(
      List<Map<String, Object>> before, List<Map<String, Object>> after) {
    Map<String, Map<String, Object>> old = new LinkedHashMap<>();
    before.forEach(item -> old.put(References.key(item), item));
    List<ReferenceChange> changes = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (Map<String, Object> item : after) {
      String key = References.key(item);
      Map<String, Object> earlier = old.get(key);
      kept.add(key);
      String now = References.summary(item);
      if (earlier == null) {
        changes.add(new ReferenceChange(key, Change.ADDED, WordDiff.between("", now)));
      } else if (!earlier.equals(item)) {
        changes.add(
            new ReferenceChange(
                key, Change.CHANGED, WordDiff.between(References.summary(earlier), now)));
      }
    }
    old.forEach(
        (key, item) -> {
          if (!kept.contains(key)) {
            changes.add(
                new ReferenceChange(
                    key, Change.REMOVED, WordDiff.between(References.summary(item), "")));
          }
        });
    return changes;
  }

  /**
   * Saves revision {@code number}'s text as a new revision (history is never rewritten); the same
   * checks as any save apply, including the version the writer started from.
   */
  public Article restore(Caller caller, long articleId, int number, Long version) {
    ArticleRevision old = get(caller, articleId, number);
    return drafts.edit(
        caller,
        articleId,
        new DraftText(old.title, old.body, old.excerpt, version).withReferences(old.references));
  }

  private static void visible(Caller caller, long articleId) {
    ArticleAccess.visible(caller, articleId, false);
  }
}
