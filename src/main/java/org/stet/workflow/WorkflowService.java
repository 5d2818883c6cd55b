package org.stet.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.article.ArticleRevision;
import org.stet.article.ArticleStatus;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.journal.service.JournalService;
import org.stet.workflow.WorkflowRules.Actor;
import org.stet.workflow.WorkflowRules.Transition;

/**
 * Moves articles through the workflow by {@link WorkflowRules}: each transition is one transaction
 * that changes the state and appends a {@link WorkflowEvent}.
 */
@ApplicationScoped
@Transactional
public class WorkflowService {

  private static final Logger LOG = Logger.getLogger(WorkflowService.class);

  /**
   * Due scheduled articles, each claimed by exactly one instance: rows another instance has locked
   * are skipped, and a row leaves SCHEDULED in the same statement.
   */
  private static final String PUBLISH_DUE =
      "update article set status = 'PUBLISHED', state_changed_at = now() where id in"
          + " (select id from article where status = 'SCHEDULED' and published_at <= now()"
          + " for update skip locked) returning id, slug";

  /**
   * A transition as asked for; {@code publishAt} only for SCHEDULE; {@code journal} and {@code
   * issueNumber}, for PUBLISH or SCHEDULE, place the article at the end of that issue.
   */
  public record Request(
      WorkflowAction action,
      String note,
      OffsetDateTime publishAt,
      String journal,
      Integer issueNumber) {}

  private final Event<ArticleChanged> changed;
  private final EntityManager entityManager;
  private final JournalService journals;
  private final Event<Transitioned> transitioned;
  private final org.stet.pluginhost.ExtensionHost extensions;

  WorkflowService(
      Event<ArticleChanged> changed,
      EntityManager entityManager,
      JournalService journals,
      Event<Transitioned> transitioned,
      org.stet.pluginhost.ExtensionHost extensions) {
    this.extensions = extensions;
    this.changed = changed;
    this.transitioned = transitioned;
    this.entityManager = entityManager;
    this.journals = journals;
  }

  public Article apply(Caller caller, long articleId, Request request) {
    if (request == null || request.action() == null) {
      throw new BadRequestException("Say which action to take, e.g. {\"action\":\"SUBMIT\"}.");
    }
    if (request.note() != null && request.note().length() > 10_000) {
      throw new BadRequestException("The note is longer than 10000 characters; nothing was done.");
    }
    if (request.note() != null && request.note().indexOf('\0') >= 0) {
      throw new BadRequestException("The note contains a NUL character; nothing was done.");
    }
    // Locked: two editors deciding at once are served one after the other, and the second sees
    // the state the first left (409), instead of a lost update.
    Article article = ArticleAccess.visible(caller, articleId, true);
    Transition row = WorkflowRules.of(request.action());
    ArticleStatus from = article.status;
    if (!mayAct(caller, article, row.actor())) {
      throw new WorkflowRefused(
          403,
          "Not allowed",
          (switch (row.actor()) {
                case EDITOR -> "Only an editor can ";
                case INDEPENDENT_EDITOR -> "Only an editor who is not one of its authors can ";
                case OWN_AUTHOR -> "Only the article's authors can ";
              })
              + words(request.action())
              + " an article. This article is "
              + from.words()
              + ".",
          from);
    }
    if (!row.from().contains(from)) {
      throw new WorkflowRefused(
          409,
          "Not possible now",
          "This article is "
              + from.words()
              + "; you can "
              + words(request.action())
              + " it only when it is "
              + row.from().stream()
                  .map(WorkflowService::words)
                  .sorted()
                  .collect(Collectors.joining(" or "))
              + ". Possible now: "
              + possible(from)
              + ".",
          from);
    }
    java.util.Optional<String> refusal = row.guard().refusal(article, from, request.note());
    if (refusal.isPresent()) {
      throw new WorkflowRefused(
          409, "Not possible now", "This article is " + from.words() + "; " + refusal.get(), from);
    }
    Optional<String> veto =
        extensions.veto(
            new org.stet.spi.TransitionView(
                article.id,
                article.slug,
                request.action().name(),
                from.name(),
                row.to().name(),
                caller.label(),
                request.note()));
    if (veto.isPresent()) {
      throw new WorkflowRefused(
          409, "Stopped by a plugin", "This article is " + from.words() + "; " + veto.get(), from);
    }
    if (request.action() == WorkflowAction.SCHEDULE) {
      if (request.publishAt() == null || !request.publishAt().toInstant().isAfter(Instant.now())) {
        throw new BadRequestException(
            "Give a future publication time with its time zone, e.g. 2027-02-01T09:00:00+06:00.");
      }
      article.publishedAt = request.publishAt().toInstant();
    }
    if (request.action() == WorkflowAction.PUBLISH
        && (article.publishedAt == null || article.publishedAt.isAfter(Instant.now()))) {
      article.publishedAt = Instant.now();
    }
    if (request.journal() != null || request.issueNumber() != null) {
      if (request.action() != WorkflowAction.PUBLISH
          && request.action() != WorkflowAction.SCHEDULE) {
        throw new BadRequestException("An issue can be given only when publishing or scheduling.");
      }
      if (request.journal() == null || request.issueNumber() == null) {
        throw new BadRequestException("Give both the journal and the issue number.");
      }
      journals.place(article, request.journal(), request.issueNumber());
    }
    article.status = row.to();
    article.stateChangedAt = Instant.now();
    Integer revision =
        record(
            article.id,
            caller.accountId(),
            caller.label(),
            request.action(),
            from,
            row.to(),
            request.note());
    changed.fire(new ArticleChanged(article.id, article.slug));
    transitioned.fire(
        new Transitioned(
            article.id,
            article.slug,
            request.action(),
            from,
            row.to(),
            caller.label(),
            request.note(),
            revision));
    return article;
  }

  /**
   * Publishes scheduled articles whose time has come; exactly once, even with several instances.
   */
  @Scheduled(
      every = "${stet.workflow.publish-check-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void publishDue() {
    List<Object[]> published =
        entityManager
            .unwrap(org.hibernate.Session.class)
            .doReturningWork(
                connection -> {
                  List<Object[]> rows = new java.util.ArrayList<>();
                  try (var statement = connection.prepareStatement(PUBLISH_DUE);
                      var result = statement.executeQuery()) {
                    while (result.next()) {
                      rows.add(new Object[] {result.getLong(1), result.getString(2)});
                    }
                  }
                  return rows;
                });
    for (Object[] row : published) {
      long id = (Long) row[0];
      Integer revision =
          record(
              id,
              null,
              "system",
              WorkflowAction.PUBLISH,
              ArticleStatus.SCHEDULED,
              ArticleStatus.PUBLISHED,
              "scheduled publication");
      changed.fire(new ArticleChanged(id, (String) row[1]));
      transitioned.fire(
          new Transitioned(
              id,
              (String) row[1],
              WorkflowAction.PUBLISH,
              ArticleStatus.SCHEDULED,
              ArticleStatus.PUBLISHED,
              "system",
              null,
              revision));
      LOG.infof("Published scheduled article %d", id);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WorkflowEvent> events(Caller caller, long articleId) {
    ArticleAccess.visible(caller, articleId, false);
    return WorkflowEvent.listOfArticle(articleId);
  }

  /** The article's SUBMIT events: one per review round, with the revision and response letter. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<WorkflowEvent> rounds(Caller caller, long articleId) {
    ArticleAccess.visible(caller, articleId, false);
    return submissions(WorkflowEvent.listOfArticle(articleId));
  }

  /** The SUBMIT events among an article's events: one per review round. */
  public static List<WorkflowEvent> submissions(List<WorkflowEvent> events) {
    return events.stream()
        .filter(event -> event.action.equals(WorkflowAction.SUBMIT.name()))
        .toList();
  }

  private static boolean mayAct(Caller caller, Article article, Actor actor) {
    return actor.is(caller.is(Role.EDITOR), ArticleAccess.isAuthor(caller, article));
  }

  private static Integer record(
      long articleId,
      Long actorId,
      String actor,
      WorkflowAction action,
      ArticleStatus from,
      ArticleStatus to,
      String note) {
    WorkflowEvent event = new WorkflowEvent();
    event.articleId = articleId;
    event.actorId = actorId;
    event.actor = actor;
    event.action = action.name();
    event.fromState = from.name();
    event.toState = to.name();
    event.revision = ArticleRevision.latestNumber(articleId);
    event.note = note;
    event.persist();
    return event.revision;
  }

  private static String possible(ArticleStatus state) {
    List<WorkflowAction> actions = WorkflowRules.possibleFrom(state);
    return actions.isEmpty()
        ? "none"
        : actions.stream().map(WorkflowService::words).collect(Collectors.joining(", "));
  }

  /** "request minor revisions", "in review": an enum constant in words, for messages. */
  private static String words(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
