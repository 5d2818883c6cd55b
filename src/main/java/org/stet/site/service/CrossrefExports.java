package org.stet.site.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.journal.IssuePlacement;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.settings.Site;
import org.stet.site.CrossrefWriter;

/**
 * Crossref deposits of an issue or of one article: the journal must have its DOI prefix and
 * depositor; each article that cannot be deposited (unpublished, no DOI, a bad ORCID iD) is left
 * out and named, so that one bad record never sinks the others.
 */
@ApplicationScoped
@Transactional
public class CrossrefExports {

  /** An article left out of a deposit, and why, in words for an editor. */
  public record LeftOut(long articleId, String title, String reason) {

    /** "“Title” (article 12): reason". */
    public String sentence() {
      return "\u201c" + title + "\u201d (article " + articleId + "): " + reason;
    }
  }

  /** A deposit file: its batch id, file name, XML, what it holds and what it left out. */
  public record Export(
      String batchId,
      String fileName,
      byte[] xml,
      long journalId,
      Long issueId,
      List<Long> articleIds,
      List<LeftOut> leftOut) {}

  /** An article of an issue as the desk's Crossref section shows it. */
  public record Row(
      long articleId, String title, String doi, Instant depositedAt, String problem) {}

  private final PublicSiteService site;

  CrossrefExports(PublicSiteService site) {
    this.site = site;
  }

  /** The deposit of one published article of a journal issue; 409 says why there is none. */
  public Export ofArticle(long articleId) {
    Article article = Article.findById(articleId);
    if (article == null) {
      throw new NotFoundException();
    }
    IssuePlacement placement =
        IssuePlacement.findByArticle(article)
            .orElseThrow(
                () ->
                    new WebApplicationException(
                        "This article is in no journal issue; Crossref deposits here are of"
                            + " journal articles. Publish it into an issue first.",
                        409));
    JournalIssue issue = placement.issue;
    ready(issue.journal);
    Candidate candidate = candidate(article);
    if (candidate.problem() != null) {
      throw new WebApplicationException(
          "This article cannot be deposited: " + candidate.problem(), 409);
    }
    return export(
        issue, "article-" + article.id, List.of(candidate.item()), List.of(article.id), List.of());
  }

  /** The deposit of the issue's articles that can be; 409 when none can. */
  public Export ofIssue(String journalSlug, int number) {
    JournalIssue issue = JournalIssue.require(journalSlug, number);
    ready(issue.journal);
    List<CrossrefWriter.Item> items = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (IssuePlacement placement : contents(issue)) {
      Candidate candidate = candidate(placement.article);
      if (candidate.problem() == null) {
        items.add(candidate.item());
        ids.add(placement.articleId);
      } else {
        leftOut.add(new LeftOut(placement.articleId, placement.article.title, candidate.problem()));
      }
    }
    if (items.isEmpty()) {
      throw new WebApplicationException(
          leftOut.isEmpty()
              ? "Issue No. " + number + " has no articles to deposit."
              : "No article of issue No. "
                  + number
                  + " can be deposited: "
                  + leftOut.stream().map(LeftOut::sentence).collect(Collectors.joining("; ")),
          409);
    }
    return export(issue, String.valueOf(issue.number), items, ids, leftOut);
  }

  /** Each article of the issue with its DOI, its deposit and what keeps it from one. */
  public List<Row> rows(String journalSlug, int number) {
    JournalIssue issue = JournalIssue.require(journalSlug, number);
    return contents(issue).stream()
        .map(
            placement -> {
              Article article = placement.article;
              return new Row(
                  article.id,
                  article.title,
                  article.doi,
                  article.doiDepositedAt,
                  candidate(article).problem());
            })
        .toList();
  }

  /**
   * The export as a download: XML named by its file name, the articles left out in a {@code
   * Stet-Left-Out} header (their ids) so a client sees at once that the file is not the whole
   * issue.
   */
  public static jakarta.ws.rs.core.Response download(Export export) {
    jakarta.ws.rs.core.Response.ResponseBuilder response =
        jakarta.ws.rs.core.Response.ok(export.xml(), "application/xml; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
            .header("Cache-Control", "no-store");
    if (!export.leftOut().isEmpty()) {
      response.header(
          "Stet-Left-Out",
          export.leftOut().stream()
              .map(left -> String.valueOf(left.articleId()))
              .collect(Collectors.joining(", ")));
    }
    return response.build();
  }

  private record Candidate(CrossrefWriter.Item item, String problem) {}

  private Candidate candidate(Article article) {
    if (article.status != ArticleStatus.PUBLISHED && article.status != ArticleStatus.RETRACTED) {
      return new Candidate(null, "it is not published yet.");
    }
    CrossrefWriter.Item item = site.crossref(article);
    Optional<String> problem = CrossrefWriter.problem(item.article());
    return new Candidate(item, problem.orElse(null));
  }

  private static Export export(
      JournalIssue issue,
      String part,
      List<CrossrefWriter.Item> items,
      List<Long> ids,
      List<LeftOut> leftOut) {
    Journal journal = issue.journal;
    long timestamp = System.currentTimeMillis();
    String slug = journal.slug.length() > 40 ? journal.slug.substring(0, 40) : journal.slug;
    String batchId = "stet-" + slug + "-" + part + "-" + timestamp;
    CrossrefWriter.Head head =
        new CrossrefWriter.Head(
            batchId,
            timestamp,
            journal.depositorName,
            journal.depositorEmail,
            journal.publisher != null ? journal.publisher : Site.current().name);
    CrossrefWriter.Journal metadata =
        new CrossrefWriter.Journal(
            journal.name, journal.printIssn, journal.onlineIssn, items.get(0).article().issue());
    return new Export(
        batchId,
        "crossref-" + slug + "-" + part + ".xml",
        CrossrefWriter.document(head, metadata, items),
        journal.id,
        issue.id,
        ids,
        leftOut);
  }

  /** Refuses (409) a journal that cannot deposit at all, saying what to set. */
  private static void ready(Journal journal) {
    List<String> missing = new ArrayList<>();
    if (journal.doiPrefix == null) {
      missing.add("a DOI prefix");
    }
    if (journal.depositorName == null || journal.depositorEmail == null) {
      missing.add("a depositor's name and e-mail");
    }
    if (!missing.isEmpty()) {
      throw new WebApplicationException(
          journal.name
              + " needs "
              + String.join(" and ", missing)
              + " for Crossref: set them under Publication details on the journal's desk page.",
          409);
    }
  }

  private static List<IssuePlacement> contents(JournalIssue issue) {
    return IssuePlacement.list(
        "select p from IssuePlacement p join fetch p.article where p.issue = ?1 order by"
            + " p.position",
        issue);
  }
}
