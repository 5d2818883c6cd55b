package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stet.plugins.commentmoderation.CommentStore.Status;

/**
 * What the spam filter has learnt, in the plugin's tables: how often each token was seen in spam
 * and in approved comments, and how many of each it learnt from. It learns from moderators only.
 */
@ApplicationScoped
@Transactional
public class SpamCorpus {

  private final EntityManager entityManager;

  SpamCorpus(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Teaches the filter a moderator's step on {@code comment} (spam: spam; approved: not spam; a
   * change of mind is unlearnt first); answers what the comment is now trained as ({@code SPAM},
   * {@code HAM}), or null when the step teaches nothing.
   */
  String train(Comment comment, Status status) {
    String trainAs = status == Status.SPAM ? "SPAM" : status == Status.APPROVED ? "HAM" : null;
    String trained = comment.trainedAs();
    if (trainAs != null && !trainAs.equals(trained)) {
      Set<String> tokens =
          SpamFilter.tokens(
              comment.name(), comment.email(), orEmpty(comment.website()), comment.body());
      if (trained != null) {
        learn(tokens, trained.equals("SPAM"), -1);
      }
      learn(tokens, trainAs.equals("SPAM"), 1);
    }
    return trainAs;
  }

  private void learn(Set<String> tokens, boolean spam, int delta) {
    String column = spam ? "spam" : "ham";
    // Always in the same order, so two moderators training at once never deadlock.
    for (String token : new java.util.TreeSet<>(tokens)) {
      entityManager
          .createNativeQuery(
              "insert into comment_moderation_token as t (token, "
                  + column
                  + ") values (?1, greatest(?2, 0)) on conflict (token) do update set "
                  + column
                  + " = greatest(t."
                  + column
                  + " + ?2, 0)")
          .setParameter(1, token)
          .setParameter(2, delta)
          .executeUpdate();
    }
    entityManager
        .createNativeQuery(
            "update comment_moderation_corpus set "
                + column
                + " = greatest("
                + column
                + " + ?1, 0) where id = 1")
        .setParameter(1, delta)
        .executeUpdate();
  }

  /** What the filter has learnt about these tokens. */
  public Map<String, SpamFilter.Counts> counts(Collection<String> tokens) {
    Map<String, SpamFilter.Counts> counts = new HashMap<>();
    if (tokens.isEmpty()) {
      return counts;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select token, spam, ham from comment_moderation_token where token in (?1)")
            .setParameter(1, tokens)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(
          (String) row[0],
          new SpamFilter.Counts(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
    }
    return counts;
  }

  /** How many spam and approved comments the filter learnt from. */
  public int[] corpus() {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery("select spam, ham from comment_moderation_corpus where id = 1")
                .getSingleResult();
    return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
