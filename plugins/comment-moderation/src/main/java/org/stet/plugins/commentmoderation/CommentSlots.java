package org.stet.plugins.commentmoderation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stet.spi.ArticleView;
import org.stet.spi.FormStamps;
import org.stet.spi.PluginContext;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;
import org.stet.spi.WebAddress;

/**
 * The comments under an article (approved ones, threaded) with the form for a new one, and the
 * count in the meta line. Everything readers typed is escaped; their e-mail is never shown.
 */
@ApplicationScoped
public class CommentSlots implements SlotContributor {

  /** Most comments shown under one article (the page says when there are more). */
  static final int MOST_SHOWN = 1000;

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance inline(ArticleView article, CommentForm form, int maxLength);

    static native TemplateInstance comments(
        boolean off, List<RawString> threads, long total, String closed, RawString form);

    static native TemplateInstance thread(
        Comment comment,
        String time,
        RawString text,
        String website,
        boolean canReply,
        List<RawString> replies);

    static native TemplateInstance nav(long waiting);

    static native TemplateInstance todo(long waiting);
  }

  private final CommentStore store;
  private final CommentService service;
  private final PluginContext context;

  CommentSlots(CommentStore store, CommentService service, PluginContext context) {
    this.store = store;
    this.service = service;
    this.context = context;
  }

  @Override
  public String pluginId() {
    return CommentModerationPlugin.ID;
  }

  @Override
  public String renderArticleSlot(Slot slot, ArticleView article) {
    if (slot == Slot.ARTICLE_COMMENT_COUNT) {
      if (store.mode(article.id()).equals("OFF")) {
        return "";
      }
      long count = store.approvedCount(article.id());
      return count == 0 ? "" : count + (count == 1 ? " comment" : " comments");
    }
    if (slot != Slot.ARTICLE_COMMENTS) {
      return "";
    }
    String mode = store.mode(article.id());
    if (mode.equals("OFF")) {
      return Templates.comments(true, List.of(), 0, null, null).render();
    }
    CommentSettings settings = service.settings();
    Optional<String> closed = service.closed(article, mode, settings);
    int replyDepth = closed.isPresent() ? 0 : settings.maxDepth();
    List<Comment> comments = store.approved(article.id(), MOST_SHOWN);
    ZoneId zone = ZoneId.of(context.site().timeZone());
    Set<Long> shown = new HashSet<>();
    comments.forEach(c -> shown.add(c.id()));
    Map<Long, List<Comment>> replies = new HashMap<>();
    List<Comment> threads = new ArrayList<>();
    for (Comment comment : comments) {
      if (comment.parentId() != null && shown.contains(comment.parentId())) {
        replies.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
      } else {
        threads.add(comment);
      }
    }
    long total = comments.size() < MOST_SHOWN ? comments.size() : store.approvedCount(article.id());
    RawString form =
        closed.isPresent()
            ? null
            : new RawString(
                Templates.inline(
                        article,
                        CommentForm.blank(null, FormStamps.PLACEHOLDER),
                        settings.maxLength())
                    .render());
    return Templates.comments(
            false,
            threads.stream().map(thread -> thread(thread, replies, replyDepth, zone)).toList(),
            total,
            closed.orElse(null),
            form)
        .render();
  }

  /** A comment with its replies, as {@code thread.html} writes it. */
  private static RawString thread(
      Comment comment, Map<Long, List<Comment>> replies, int maxDepth, ZoneId zone) {
    String website =
        comment.website() != null && WebAddress.isHttp(comment.website())
            ? comment.website()
            : null;
    List<RawString> answers =
        replies.getOrDefault(comment.id(), List.of()).stream()
            .map(answer -> thread(answer, replies, maxDepth, zone))
            .toList();
    return new RawString(
        Templates.thread(
                comment,
                SHOWN.format(comment.createdAt().atZone(zone)),
                new RawString(CommentText.html(comment.body())),
                website,
                comment.depth() + 1 < maxDepth,
                answers)
            .render());
  }
}
