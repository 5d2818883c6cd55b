package org.stet.journal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.journal.IssuePlacement;
import org.stet.journal.IssueStatus;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.ReviewAnonymity;
import org.stet.web.Slug;

/** Journals, their issues, and the tables of contents editors build. */
@ApplicationScoped
@Transactional
public class JournalService {

  /** What an editor sends for an issue. */
  public record IssueInput(
      Integer number,
      Integer volume,
      Integer year,
      Integer month,
      String title,
      IssueStatus status) {}

  /** What an editor sends for a journal; review anonymity defaults to single-anonymous. */
  public record JournalInput(String name, String description, ReviewAnonymity reviewAnonymity) {}

  public Journal createJournal(JournalInput input) {
    validate(input);
    String slug;
    try {
      slug = Slug.from(input.name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("A journal's name needs letters or digits.");
    }
    if (Journal.findBySlug(slug).isPresent()) {
      throw new WebApplicationException("A journal named like this exists already.", 409);
    }
    Journal journal = new Journal();
    journal.slug = slug;
    apply(journal, input);
    journal.persist();
    return journal;
  }

  /** Renames a journal or changes its settings; the slug (its address) stays. */
  public Journal updateJournal(String slug, JournalInput input) {
    Journal journal = journal(slug);
    validate(input);
    apply(journal, input);
    return journal;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Journal> listJournals() {
    return Journal.list("order by name");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Journal findJournal(String slug) {
    return journal(slug);
  }

  /** The journal's issues, newest first, each with its table of contents loaded. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<JournalIssue> listIssues(String slug) {
    return JournalIssue.list(
        "journal = ?1 order by year desc, month desc, number desc", journal(slug));
  }

  /** An issue's table of contents, in order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<IssuePlacement> contents(String slug, int number) {
    return IssuePlacement.list("issue = ?1 order by position", issue(slug, number));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public JournalIssue findIssue(String slug, int number) {
    return issue(slug, number);
  }

  private static void apply(Journal journal, JournalInput input) {
    journal.name = input.name().strip();
    journal.description = input.description();
    if (input.reviewAnonymity() != null) {
      journal.reviewAnonymity = input.reviewAnonymity(); // left out: unchanged (SINGLE if new)
    }
  }

  private static void validate(JournalInput input) {
    if (input == null
        || input.name() == null
        || input.name().isBlank()
        || input.name().length() > 200) {
      throw new BadRequestException("A journal needs a name of 1 to 200 characters.");
    }
    if (input.description() != null && input.description().length() > 2000) {
      throw new BadRequestException(
          "The description is longer than 2000 characters; nothing was saved.");
    }
    noNul(input.name(), input.description());
  }

  /** Text PostgreSQL cannot store: refused with a message instead of failing at commit. */
  private static void noNul(String... fields) {
    for (String field : fields) {
      if (field != null && field.indexOf('\0') >= 0) {
        throw new BadRequestException("The text contains a NUL character; nothing was saved.");
      }
    }
  }

  public JournalIssue createIssue(String journalSlug, IssueInput input) {
    Journal journal = journal(journalSlug);
    validate(input);
    if (JournalIssue.findByNumber(journal, input.number()).isPresent()) {
      throw new WebApplicationException(
          "Issue No. " + input.number() + " of " + journal.name + " exists already.", 409);
    }
    JournalIssue issue = new JournalIssue();
    issue.journal = journal;
    apply(issue, input);
    issue.persist();
    return issue;
  }

  private final Event<ArticleChanged> changed;
  private final DoiService dois;

  JournalService(Event<ArticleChanged> changed, DoiService dois) {
    this.changed = changed;
    this.dois = dois;
  }

  public JournalIssue updateIssue(String journalSlug, int number, IssueInput input) {
    JournalIssue issue = issue(journalSlug, number);
    announce(issue);
    validate(input);
    if (input.number() != number
        && JournalIssue.findByNumber(issue.journal, input.number()).isPresent()) {
      throw new WebApplicationException("Issue No. " + input.number() + " exists already.", 409);
    }
    apply(issue, input);
    return issue;
  }

  /**
   * Sets the issue's table of contents to exactly these articles, in this order. An article already
   * in another issue is refused (409): it must be taken out of that one first.
   */
  public List<IssuePlacement> setContents(String journalSlug, int number, List<Long> articleIds) {
    JournalIssue issue = issue(journalSlug, number);
    if (articleIds == null || articleIds.stream().distinct().count() != articleIds.size()) {
      throw new BadRequestException("Give each article once: {\"articleIds\": [3, 1, 2]}.");
    }
    for (Long id : articleIds) {
      IssuePlacement elsewhere = IssuePlacement.findById(id);
      if (Article.findById(id) == null) {
        throw new BadRequestException("There is no article " + id + ".");
      }
      if (elsewhere != null && !elsewhere.issue.id.equals(issue.id)) {
        throw new WebApplicationException(
            "Article " + id + " is in issue No. " + elsewhere.issue.number + " already.", 409);
      }
    }
    for (IssuePlacement current : IssuePlacement.<IssuePlacement>list("issue", issue)) {
      if (!articleIds.contains(current.articleId)) {
        current.delete();
      }
    }
    for (int position = 0; position < articleIds.size(); position++) {
      IssuePlacement placement = IssuePlacement.findById(articleIds.get(position));
      if (placement == null) {
        placement = new IssuePlacement();
        placement.article = Article.findById(articleIds.get(position));
        placement.issue = issue;
        placement.persist();
        dois.assignIfDue(placement.article, issue);
      }
      placement.position = position;
    }
    IssuePlacement.flush();
    announce(issue);
    return IssuePlacement.list("issue = ?1 order by position", issue);
  }

  /**
   * Puts the article at the end of the issue's contents, unless it is in an issue already, and
   * gives it its DOI when the journal assigns them.
   */
  public void place(Article article, String journalSlug, int number) {
    JournalIssue issue = issue(journalSlug, number);
    IssuePlacement existing = IssuePlacement.findById(article.id);
    if (existing != null) {
      if (!existing.issue.id.equals(issue.id)) {
        throw new WebApplicationException(
            "This article is in issue No. " + existing.issue.number + " already.", 409);
      }
      return;
    }
    IssuePlacement placement = new IssuePlacement();
    placement.article = article;
    placement.issue = issue;
    placement.position = IssuePlacement.nextPosition(issue);
    placement.persist();
    dois.assignIfDue(article, issue);
  }

  /** The publication notes of the issue's articles change: their cached pages must go. */
  private void announce(JournalIssue issue) {
    for (IssuePlacement placement : IssuePlacement.<IssuePlacement>list("issue", issue)) {
      changed.fire(new ArticleChanged(placement.article.id, placement.article.slug));
    }
  }

  private static void apply(JournalIssue issue, IssueInput input) {
    issue.number = input.number();
    issue.volume = input.volume();
    issue.year = input.year();
    issue.month = input.month();
    issue.title = input.title();
    issue.status = input.status() == null ? IssueStatus.PLANNED : input.status();
  }

  private static void validate(IssueInput input) {
    if (input == null || input.number() == null || input.number() < 1) {
      throw new BadRequestException("An issue needs a number of 1 or more.");
    }
    if (input.volume() != null && input.volume() < 1) {
      throw new BadRequestException("A volume is 1 or more, or left out.");
    }
    if (input.year() == null || input.year() < 1000 || input.year() > 9999) {
      throw new BadRequestException("Give the issue's year with four digits.");
    }
    if (input.month() == null || input.month() < 1 || input.month() > 12) {
      throw new BadRequestException("Give the issue's month as 1 (January) to 12 (December).");
    }
    if (input.title() != null && input.title().length() > 300) {
      throw new BadRequestException("The title is longer than 300 characters; nothing was saved.");
    }
    noNul(input.title());
  }

  private static Journal journal(String slug) {
    if (!Slug.isValid(slug)) {
      throw new NotFoundException();
    }
    return Journal.findBySlug(slug).orElseThrow(NotFoundException::new);
  }

  private static JournalIssue issue(String journalSlug, int number) {
    return JournalIssue.findByNumber(journal(journalSlug), number)
        .orElseThrow(NotFoundException::new);
  }
}
