package org.stet.plugins.disclaimers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stet.spi.ArticleView;
import org.stet.spi.PersonView;

/** Reads and writes disclaimers in the plugin's own tables. */
@ApplicationScoped
public class DisclaimerStore {

  /** A disclaimer's current text and where it goes. */
  public record Disclaimer(
      long id,
      String title,
      String slot,
      String rule,
      String ruleValue,
      int priority,
      int version,
      String body) {

    /** Whether the rule picks {@code article}. */
    boolean matches(ArticleView article) {
      return switch (rule) {
        case "ALL" -> true;
        case "CATEGORY" -> ruleValue.equals(article.categorySlug());
        case "TAG" -> article.tagSlugs().contains(ruleValue);
        case "AUTHOR" ->
            article.authors().stream().map(PersonView::slug).anyMatch(ruleValue::equals);
        default -> false;
      };
    }
  }

  private final EntityManager entityManager;

  DisclaimerStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * The disclaimers {@code article} shows, in order: active ones whose rule matches or that were
   * added to it by hand, less the ones it opted out of; at most {@code limit}.
   */
  @Transactional
  public List<Disclaimer> forArticle(ArticleView article, int limit) {
    Set<Long> optedOut = Set.copyOf(overrides(article.id(), "OPT_OUT"));
    Set<Long> added = Set.copyOf(overrides(article.id(), "ADD"));
    List<Disclaimer> shown = new ArrayList<>();
    for (Disclaimer disclaimer : active()) {
      boolean wanted = disclaimer.matches(article) || added.contains(disclaimer.id());
      if (wanted && !optedOut.contains(disclaimer.id()) && shown.size() < limit) {
        shown.add(disclaimer);
      }
    }
    return shown;
  }

  /** Creates a disclaimer with its first version; with a sample key, only once. */
  @Transactional
  public void createSample(String sampleKey, String title, String body) {
    List<?> created =
        entityManager
            .createNativeQuery(
                "insert into disclaimers_disclaimer (sample_key, title) values (?1, ?2)"
                    + " on conflict (sample_key) do nothing returning id")
            .setParameter(1, sampleKey)
            .setParameter(2, title)
            .getResultList();
    if (!created.isEmpty()) {
      entityManager
          .createNativeQuery(
              "insert into disclaimers_version (disclaimer_id, version, body) values (?1, 1, ?2)")
          .setParameter(1, ((Number) created.get(0)).longValue())
          .setParameter(2, body)
          .executeUpdate();
    }
  }

  @SuppressWarnings("unchecked")
  private List<Disclaimer> active() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select d.id, d.title, d.slot, d.rule, d.rule_value, d.priority, d.version, v.body"
                    + " from disclaimers_disclaimer d join disclaimers_version v"
                    + " on v.disclaimer_id = d.id and v.version = d.version"
                    + " where d.active order by d.priority, d.id")
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Disclaimer(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    ((Number) row[5]).intValue(),
                    ((Number) row[6]).intValue(),
                    (String) row[7]))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Long> overrides(long articleId, String mode) {
    List<Number> ids =
        entityManager
            .createNativeQuery(
                "select disclaimer_id from disclaimers_article where article_id = ?1 and mode = ?2")
            .setParameter(1, articleId)
            .setParameter(2, mode)
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }
}
