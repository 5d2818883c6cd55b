package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.stet.plugins.commentmoderation.CommentStore.Status;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.FormStamps;
import org.stet.spi.PluginContext;
import org.stet.spi.WebAddress;

/**
 * The one place for the comment rules: who may comment where, what waits for a moderator, what is
 * spam, and what a moderation step changes (the article's page, the spam filter, mails).
 */
@ApplicationScoped
public class CommentService {

  /** Makes each comment's token, the secret in its "posted" and unsubscribe links. */
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A comment as a reader sent it, on a published article. */
  record Submission(
      ArticleView article,
      Long parentId,
      CommentText.Typed typed,
      boolean wantsMail,
      String honeypot,
      String stamp,
      String ip) {}

  /** What became of a submission. */
  sealed interface Outcome permits Posted, Refused {}

  /**
   * Stored: approved (shown at once), pending or spam (both "awaiting moderation" to the poster).
   */
  record Posted(Comment comment, ArticleView article) implements Outcome {}

  /** Not stored: the status to answer, a message per field, and for 429 the seconds to wait. */
  record Refused(int status, Map<String, String> problems, Long retryAfter) implements Outcome {

    static Refused of(int status, String message) {
      return new Refused(status, Map.of("form", message), null);
    }
  }

  private final CommentStore store;
  private final ThrottleStore throttle;
  private final ReportStore reports;
  private final CommentScreening screening;
  private final ReaderKeys readerKeys;
  private final Articles articles;
  private final FormStamps stamps;
  private final PluginContext context;
  private final CommentMails mails;

  CommentService(
      CommentStore store,
      ThrottleStore throttle,
      ReportStore reports,
      CommentScreening screening,
      ReaderKeys readerKeys,
      Articles articles,
      FormStamps stamps,
      PluginContext context,
      CommentMails mails) {
    this.store = store;
    this.throttle = throttle;
    this.reports = reports;
    this.screening = screening;
    this.readerKeys = readerKeys;
    this.articles = articles;
    this.stamps = stamps;
    this.context = context;
    this.mails = mails;
  }

  CommentSettings settings() {
    return CommentSettings.of(context.settings(CommentModerationPlugin.ID));
  }

  /** Why no new comments are taken on {@code article}, or empty when they are. */
  Optional<String> closed(ArticleView article, String mode, CommentSettings settings) {
    if (!mode.equals("OPEN")) {
      return Optional.of("Comments on this article are closed.");
    }
    if (settings.closeAfterDays() > 0
        && article.publishedAt() != null
        && article
            .publishedAt()
            .plus(settings.closeAfterDays(), ChronoUnit.DAYS)
            .isBefore(Instant.now())) {
      return Optional.of(
          "Comments on this article closed "
              + settings.closeAfterDays()
              + " days after it was published.");
    }
    return Optional.empty();
  }

  /** Checks a submission against every rule and stores it, or says why not. */
  @Transactional
  public Outcome post(Submission s) {
    CommentSettings settings = settings();
    ArticleView article = s.article();
    Optional<String> closed = closed(article, store.mode(article.id()), settings);
    if (closed.isPresent()) {
      return Refused.of(403, closed.get());
    }
    CommentText.Problems problems = CommentText.check(s.typed(), settings.maxLength());
    if (!problems.none()) {
      return new Refused(problems.status(), problems.fields(), null);
    }
    int depth = 0;
    if (s.parentId() != null) {
      Optional<Comment> parent =
          store
              .find(s.parentId())
              .filter(p -> p.articleId() == article.id() && p.status() == Status.APPROVED);
      if (parent.isEmpty()) {
        return Refused.of(
            400, "The comment you are replying to is not on this article (any more).");
      }
      depth = parent.get().depth() + 1;
      if (depth >= settings.maxDepth()) {
        return Refused.of(
            400,
            "Replies go at most "
                + settings.maxDepth()
                + " levels deep here; reply to an earlier comment of the thread.");
      }
    }
    Optional<Instant> shown = stamps.issuedAt(s.stamp());
    if (shown.isEmpty() || shown.get().isBefore(Instant.now().minus(settings.stampLifetime()))) {
      return Refused.of(
          403,
          "This form has expired or did not come from this site. Your text is kept below: send it"
              + " again.");
    }
    String email = s.typed().email().toLowerCase(Locale.ROOT);
    if (settings.rateSeconds() > 0) {
      for (String key :
          List.of(
              "ip:" + readerKeys.key(ReaderKeys.network(s.ip())),
              "email:" + readerKeys.key(email))) {
        OptionalLong wait = throttle.waitFor(key, settings.rateSeconds());
        if (wait.isPresent()) {
          return new Refused(
              429,
              Map.of(
                  "form",
                  "You are commenting faster than this site allows: wait "
                      + wait.getAsLong()
                      + " seconds, then send again. Your text is kept below."),
              wait.getAsLong());
        }
      }
    }
    // One comment per form and reader: a replayed stamp would skip the "too soon" check.
    if (!throttle.useStamp(s.stamp(), readerKeys.key(ReaderKeys.network(s.ip())))) {
      return Refused.of(403, "This form was sent already. Your text is kept below: send it again.");
    }
    CommentScreening.Verdict verdict = screening.verdict(s, email, shown.get(), settings);
    OptionalLong id =
        store.insert(
            new CommentStore.NewComment(
                article.id(),
                s.parentId(),
                depth,
                verdict.status(),
                s.typed().name(),
                email,
                s.typed().website().isEmpty() ? null : WebAddress.normalize(s.typed().website()),
                s.typed().text().strip(),
                CommentText.duplicateKey(article.id(), email, s.typed().text()),
                settings.keepIpDays() > 0
                    ? Blocklists.literal(s.ip()).map(b -> s.ip()).orElse(null)
                    : null,
                verdict.score().isPresent() ? verdict.score().getAsDouble() : null,
                verdict.reason(),
                false,
                s.wantsMail(),
                newToken(),
                null));
    if (id.isEmpty()) {
      return Refused.of(409, "You have already posted this comment on this article.");
    }
    Comment comment = store.find(id.getAsLong()).orElseThrow();
    if (comment.status() == Status.APPROVED) {
      context.articleChanged(CommentModerationPlugin.ID, article.id());
      mails.replied(comment, article);
    }
    return new Posted(comment, article);
  }

  /**
   * A moderator's step on one comment; empty for an unknown comment. The article's page follows at
   * once, the filter learns, and the commenters who asked are told.
   */
  @Transactional
  public Optional<Comment> moderate(long id, Status to, String moderator) {
    Optional<Comment> before = store.lock(id);
    if (before.isEmpty()) {
      return before;
    }
    if (before.get().status() == Status.TRASH && to != Status.TRASH && store.liveCopyExists(id)) {
      throw new WebApplicationException(
          "The same comment from the same address is already on this article outside the trash;"
              + " this copy stays in the trash.",
          409);
    }
    store.moderate(before.get(), to, moderator);
    before.ifPresent(
        comment -> {
          boolean shownBefore = comment.status() == Status.APPROVED;
          if (shownBefore || to == Status.APPROVED) {
            context.articleChanged(CommentModerationPlugin.ID, comment.articleId());
          }
          if (to == Status.APPROVED && !shownBefore) {
            Comment now = store.find(id).orElseThrow();
            articles
                .published(comment.articleId())
                .ifPresent(
                    article -> {
                      mails.approved(now, article);
                      mails.replied(now, article);
                    });
          }
        });
    return before;
  }

  /** An editor's answer, shown at once under {@code parent}. */
  @Transactional
  public Outcome replyAsEditor(long parentId, String text, String name, String email) {
    Optional<Comment> parent = store.find(parentId).filter(p -> p.status() == Status.APPROVED);
    if (parent.isEmpty()) {
      return Refused.of(409, "Approve the comment before answering it.");
    }
    Optional<ArticleView> article = articles.published(parent.get().articleId());
    if (article.isEmpty()) {
      return Refused.of(409, "The article is not published any more.");
    }
    CommentSettings settings = settings();
    CommentText.Typed typed = CommentText.Typed.of(name, email, "", text);
    CommentText.Problems problems = CommentText.check(typed, settings.maxLength());
    if (!problems.none()) {
      return new Refused(problems.status(), problems.fields(), null);
    }
    int depth = Math.min(parent.get().depth() + 1, settings.maxDepth() - 1);
    Long attachTo = depth > parent.get().depth() ? parentId : parent.get().parentId();
    OptionalLong id =
        store.insert(
            new CommentStore.NewComment(
                article.get().id(),
                attachTo,
                depth,
                Status.APPROVED,
                typed.name(),
                typed.email().toLowerCase(Locale.ROOT),
                null,
                typed.text().strip(),
                CommentText.duplicateKey(article.get().id(), typed.email(), typed.text()),
                null,
                null,
                null,
                true,
                false,
                newToken(),
                typed.name()));
    if (id.isEmpty()) {
      return Refused.of(409, "This answer is already there.");
    }
    Comment reply = store.find(id.getAsLong()).orElseThrow();
    context.articleChanged(CommentModerationPlugin.ID, article.get().id());
    // The one answered hears of it, even when the answer sits beside it at the deepest level.
    mails.replied(reply, parent.get(), article.get());
    return new Posted(reply, article.get());
  }

  /**
   * A reader's report, counted once per reader (their network); at the setting's count the comment
   * waits for a moderator again. Readers who report faster than they may comment are told to wait:
   * the seconds, or empty when the report was taken.
   */
  @Transactional
  public OptionalLong report(Comment comment, String ip, String reason) {
    CommentSettings settings = settings();
    String reader = readerKeys.key(ReaderKeys.network(ip));
    if (settings.rateSeconds() > 0) {
      OptionalLong wait = throttle.waitFor("report:" + reader, settings.rateSeconds());
      if (wait.isPresent()) {
        return wait;
      }
    }
    if (reports.report(comment.id(), reader, reason, settings.reportsToHold())) {
      context.articleChanged(CommentModerationPlugin.ID, comment.articleId());
    }
    return OptionalLong.empty();
  }

  /** A moderator's edit of name, web site and text; false when it crossed another edit. */
  @Transactional
  public boolean edit(Comment comment, int version, CommentText.Typed typed, String by) {
    boolean saved =
        store.edit(
            comment.id(),
            version,
            typed.name(),
            typed.website().isEmpty() ? null : WebAddress.normalize(typed.website()),
            typed.text().strip(),
            by);
    if (saved && comment.status() == Status.APPROVED) {
      context.articleChanged(CommentModerationPlugin.ID, comment.articleId());
    }
    return saved;
  }

  /** Drops the cached page of an article whose comments changed (shown, hidden, closed). */
  void articlePageChanged(long articleId) {
    context.articleChanged(CommentModerationPlugin.ID, articleId);
  }

  static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
