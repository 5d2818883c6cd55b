package org.stet.journal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.journal.Doi;
import org.stet.journal.IssuePlacement;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;

/**
 * Articles' DOIs: given from the journal's prefix and suffix pattern when an article enters an
 * issue of a journal with a prefix, or typed by an editor; unique on the site, and fixed once
 * deposited with Crossref.
 */
@ApplicationScoped
@Transactional
public class DoiService {

  /** What assigning the missing DOIs of an issue did: how many, and each one it could not. */
  public record Assigned(int count, List<String> problems) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final EntityManager entityManager;
  private final AuditLog audit;
  private final Event<ArticleChanged> changed;

  DoiService(EntityManager entityManager, AuditLog audit, Event<ArticleChanged> changed) {
    this.entityManager = entityManager;
    this.audit = audit;
    this.changed = changed;
  }

  /**
   * Gives {@code article}, now in {@code issue}, its DOI from the journal's pattern, when the
   * journal has a prefix and the article has no DOI; answers why it could not (the DOI is another
   * article's, the pattern needs what the issue lacks), and empty otherwise.
   */
  public Optional<String> assignIfDue(Article article, JournalIssue issue) {
    Journal journal = issue.journal;
    if (article.doi != null || journal.doiPrefix == null) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    values.put("journal", journal.slug);
    values.put("year", String.valueOf(issue.year));
    values.put("issue", String.valueOf(issue.number));
    values.put("id", String.valueOf(article.id));
    if (issue.volume != null) {
      values.put("volume", String.valueOf(issue.volume));
    }
    String doi;
    try {
      doi = Doi.assigned(journal.doiPrefix, journal.suffixPattern(), values);
    } catch (Doi.Invalid e) {
      return Optional.of(e.getMessage());
    }
    Optional<Long> holder = holder(doi, article.id);
    if (holder.isPresent()) {
      return Optional.of("its DOI " + doi + " is article " + holder.get() + "'s already.");
    }
    article.doi = doi;
    return Optional.empty();
  }

  /** Assigns every article of the issue that has none its DOI; says which it could not. */
  public Assigned assignMissing(AuditLog.Actor actor, String journalSlug, int number) {
    JournalIssue issue = JournalIssue.require(journalSlug, number);
    if (issue.journal.doiPrefix == null) {
      throw new WebApplicationException(
          issue.journal.name
              + " has no DOI prefix yet: give it one under Publication details on the journal's"
              + " page first.",
          409);
    }
    int count = 0;
    List<String> problems = new ArrayList<>();
    for (IssuePlacement placement :
        IssuePlacement.<IssuePlacement>list("issue = ?1 order by position", issue)) {
      Article article = placement.article;
      if (article.doi != null) {
        continue;
      }
      Optional<String> problem = assignIfDue(article, issue);
      if (problem.isPresent()) {
        problems.add("\"" + article.title + "\": " + problem.get());
      } else {
        count++;
        audit.record(actor, AuditAction.DOI_ASSIGNED, "article " + article.id, article.doi);
        changed.fire(new ArticleChanged(article.id, article.slug));
      }
    }
    return new Assigned(count, problems);
  }

  /**
   * Sets the article's DOI by hand ({@code typed} blank takes it away); refused once the DOI is
   * deposited, for a DOI Crossref would refuse, and for another article's DOI.
   */
  public Article set(AuditLog.Actor actor, long articleId, String typed) {
    Article article = Article.findById(articleId);
    if (article == null) {
      throw new NotFoundException();
    }
    String doi;
    try {
      doi = typed == null || typed.isBlank() ? null : Doi.checked(typed);
    } catch (Doi.Invalid e) {
      throw new BadRequestException(e.getMessage() + " Nothing was saved.");
    }
    if (java.util.Objects.equals(doi, article.doi)) {
      return article;
    }
    if (article.doiDepositedAt != null) {
      throw new WebApplicationException(
          "The DOI "
              + article.doi
              + " was registered with Crossref on "
              + DAY.format(article.doiDepositedAt)
              + "; a registered DOI never changes, so nothing was saved.",
          409);
    }
    if (doi != null) {
      Optional<Long> holder = holder(doi, articleId);
      if (holder.isPresent()) {
        throw new WebApplicationException(
            "The DOI " + doi + " is article " + holder.get() + "'s; nothing was saved.", 409);
      }
    }
    String before = article.doi;
    article.doi = doi;
    audit.record(
        actor,
        AuditAction.DOI_CHANGED,
        "article " + articleId,
        (before == null ? "none" : before) + " → " + (doi == null ? "none" : doi));
    changed.fire(new ArticleChanged(article.id, article.slug));
    return article;
  }

  /** Marks the articles' DOIs as deposited: from now on they never change. */
  public void deposited(List<Long> articleIds, Instant at) {
    if (articleIds.isEmpty()) {
      return;
    }
    entityManager
        .createQuery(
            "update Article a set a.doiDepositedAt = :at"
                + " where a.id in :ids and a.doiDepositedAt is null and a.doi is not null")
        .setParameter("at", at)
        .setParameter("ids", articleIds)
        .executeUpdate();
  }

  private Optional<Long> holder(String doi, long articleId) {
    return entityManager
        .createQuery(
            "select a.id from Article a where lower(a.doi) = :doi and a.id <> :id", Long.class)
        .setParameter("doi", Doi.key(doi))
        .setParameter("id", articleId)
        .getResultStream()
        .findFirst();
  }
}
