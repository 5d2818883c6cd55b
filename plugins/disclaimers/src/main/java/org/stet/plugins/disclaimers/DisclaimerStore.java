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
      String body,
      boolean active) {

    /** Whether the rule picks {@code article}. */
    boolean matches(ArticleView article) {
      return switch (rule) {
        case "ALL" -> true;
        case "CATEGORY" -> ruleValue.equals(article.categorySlug());
        case "TAG" -> article.tagSlugs().contains(ruleValue);
        case "AUTHOR" ->
            article.authors().stream().map(PersonView::slug).anyMatch(ruleValue::equals);
        case "JOURNAL" ->
            article.issue() != null && ruleValue.equals(article.issue().journalSlug());
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
    java.util.Map<Long, String> overrides = overridesFor(article.id());
    Set<Long> optedOut = modes(overrides, "OPT_OUT");
    Set<Long> added = modes(overrides, "ADD");
    List<Disclaimer> shown = new ArrayList<>();
    for (Disclaimer disclaimer : active()) {
      boolean wanted = disclaimer.matches(article) || added.contains(disclaimer.id());
      if (wanted && !optedOut.contains(disclaimer.id()) && shown.size() < limit) {
        shown.add(disclaimer);
      }
    }
    return shown;
  }

  /** What an editor sends for a disclaimer. */
  public record Form(
      String title,
      String body,
      String slot,
      String rule,
      String ruleValue,
      int priority,
      boolean active) {}

  /** One saved text of a disclaimer. */
  public record Version(int number, String body, java.time.Instant savedAt, Long savedBy) {}

  /** Every disclaimer, active or not, with its current text, in priority order. */
  @SuppressWarnings("unchecked")
  @Transactional
  public List<Disclaimer> all() {
    return rows(
        entityManager
            .createNativeQuery(
                "select d.id, d.title, d.slot, d.rule, d.rule_value, d.priority, d.version,"
                    + " v.body, d.active from disclaimers_disclaimer d join disclaimers_version v"
                    + " on v.disclaimer_id = d.id and v.version = d.version"
                    + " order by d.priority, d.id")
            .getResultList());
  }

  /** One disclaimer, or empty. */
  @Transactional
  public java.util.Optional<Disclaimer> find(long id) {
    return all().stream().filter(d -> d.id() == id).findFirst();
  }

  /** A new disclaimer with its first version; returns its id. */
  @Transactional
  public long create(Form form, long accountId) {
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into disclaimers_disclaimer (title, slot, rule, rule_value,"
                            + " priority, active) values (?1, ?2, ?3, ?4, ?5, ?6) returning id")
                    .setParameter(1, form.title())
                    .setParameter(2, form.slot())
                    .setParameter(3, form.rule())
                    .setParameter(4, form.ruleValue())
                    .setParameter(5, form.priority())
                    .setParameter(6, form.active())
                    .getSingleResult())
            .longValue();
    saveVersion(id, 1, form.body(), accountId);
    return id;
  }

  /** Changes a disclaimer; a changed text becomes a new version, the old ones stay. */
  @Transactional
  public void update(long id, Form form, long accountId) {
    Disclaimer current = find(id).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    int version = current.version();
    if (!current.body().equals(form.body())) {
      version++;
      saveVersion(id, version, form.body(), accountId);
    }
    entityManager
        .createNativeQuery(
            "update disclaimers_disclaimer set title = ?2, slot = ?3, rule = ?4, rule_value = ?5,"
                + " priority = ?6, active = ?7, version = ?8 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, form.title())
        .setParameter(3, form.slot())
        .setParameter(4, form.rule())
        .setParameter(5, form.ruleValue())
        .setParameter(6, form.priority())
        .setParameter(7, form.active())
        .setParameter(8, version)
        .executeUpdate();
  }

  /** Every text the disclaimer had, newest first. */
  @SuppressWarnings("unchecked")
  @Transactional
  public List<Version> versions(long id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select version, body, saved_at, saved_by from disclaimers_version"
                    + " where disclaimer_id = ?1 order by version desc")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Version(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    row[2] instanceof java.time.OffsetDateTime at
                        ? at.toInstant()
                        : (java.time.Instant) row[2],
                    row[3] == null ? null : ((Number) row[3]).longValue()))
        .toList();
  }

  /** Makes an article opt out of a disclaimer, have it added by hand, or neither ({@code null}). */
  @Transactional
  public void override(long articleId, long disclaimerId, String mode) {
    entityManager
        .createNativeQuery(
            "delete from disclaimers_article where article_id = ?1 and disclaimer_id = ?2")
        .setParameter(1, articleId)
        .setParameter(2, disclaimerId)
        .executeUpdate();
    if (mode != null) {
      entityManager
          .createNativeQuery("insert into disclaimers_article values (?1, ?2, ?3)")
          .setParameter(1, articleId)
          .setParameter(2, disclaimerId)
          .setParameter(3, mode)
          .executeUpdate();
    }
  }

  /** The overrides of a disclaimer: article id to OPT_OUT or ADD. */
  @SuppressWarnings("unchecked")
  @Transactional
  public java.util.Map<Long, String> overridesOf(long disclaimerId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select article_id, mode from disclaimers_article where disclaimer_id = ?1")
            .setParameter(1, disclaimerId)
            .getResultList();
    java.util.Map<Long, String> modes = new java.util.LinkedHashMap<>();
    rows.forEach(row -> modes.put(((Number) row[0]).longValue(), (String) row[1]));
    return modes;
  }

  private void saveVersion(long id, int version, String body, Long accountId) {
    entityManager
        .createNativeQuery(
            "insert into disclaimers_version (disclaimer_id, version, body, saved_by)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, id)
        .setParameter(2, version)
        .setParameter(3, body)
        .setParameter(4, accountId)
        .executeUpdate();
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

  /** Every active disclaimer with its current text, in priority order. */
  @Transactional
  public List<Disclaimer> active() {
    return all().stream().filter(Disclaimer::active).toList();
  }

  private static List<Disclaimer> rows(List<Object[]> rows) {
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
                    (String) row[7],
                    (Boolean) row[8]))
        .toList();
  }

  /** The article's overrides in one query: disclaimer id to OPT_OUT or ADD. */
  @SuppressWarnings("unchecked")
  private java.util.Map<Long, String> overridesFor(long articleId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select disclaimer_id, mode from disclaimers_article where article_id = ?1")
            .setParameter(1, articleId)
            .getResultList();
    java.util.Map<Long, String> modes = new java.util.HashMap<>();
    rows.forEach(row -> modes.put(((Number) row[0]).longValue(), (String) row[1]));
    return modes;
  }

  private static Set<Long> modes(java.util.Map<Long, String> overrides, String mode) {
    return overrides.entrySet().stream()
        .filter(entry -> entry.getValue().equals(mode))
        .map(java.util.Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }
}
