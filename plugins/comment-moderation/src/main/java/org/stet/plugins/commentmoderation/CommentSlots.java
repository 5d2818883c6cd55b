package org.stet.plugins.commentmoderation;

import io.quarkus.qute.CheckedTemplate;
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
import org.stet.plugins.commentmoderation.CommentStore.Comment;
import org.stet.spi.ArticleView;
import org.stet.spi.FormStamps;
import org.stet.spi.PluginContext;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

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
      return "<p>Comments are off for this article.</p>";
    }
    CommentSettings settings = service.settings();
    Optional<String> closed = service.closed(article, mode, settings);
    int replyDepth = closed.isPresent() ? 0 : settings.maxDepth();
    List<Comment> comments = store.approved(article.id(), MOST_SHOWN);
    StringBuilder html = new StringBuilder();
    if (!comments.isEmpty()) {
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
      html.append("<ol class=\"comment-list\">");
      for (Comment thread : threads) {
        appendComment(html, thread, replies, replyDepth, zone);
      }
      html.append("</ol>");
      long total =
          comments.size() < MOST_SHOWN ? comments.size() : store.approvedCount(article.id());
      if (total > comments.size()) {
        html.append("<p>Showing the first ")
            .append(comments.size())
            .append(" of ")
            .append(total)
            .append(" comments.</p>");
      }
    } else {
      html.append("<p>No comments yet.</p>");
    }
    if (closed.isPresent()) {
      html.append("<p class=\"comments-closed\">").append(closed.get()).append("</p>");
    } else {
      html.append(
          Templates.inline(
                  article, CommentForm.blank(null, FormStamps.PLACEHOLDER), settings.maxLength())
              .render());
    }
    return html.toString();
  }

  private static void appendComment(
      StringBuilder html,
      Comment comment,
      Map<Long, List<Comment>> replies,
      int maxDepth,
      ZoneId zone) {
    String name = CommentText.escape(comment.name());
    html.append("<li class=\"comment")
        .append(comment.byEditor() ? " comment-by-editor" : "")
        .append("\" id=\"comment-")
        .append(comment.id())
        .append("\"><p class=\"comment-meta\"><bdi class=\"comment-author\">");
    if (comment.website() != null && org.stet.spi.WebAddress.isHttp(comment.website())) {
      html.append("<a href=\"")
          .append(CommentText.escape(comment.website()))
          .append("\" rel=\"nofollow ugc noopener\">")
          .append(name)
          .append("</a>");
    } else {
      html.append(name);
    }
    html.append("</bdi>");
    if (comment.byEditor()) {
      html.append(" <span class=\"comment-badge\">Editor</span>");
    }
    html.append(" <time datetime=\"")
        .append(comment.createdAt())
        .append("\">")
        .append(SHOWN.format(comment.createdAt().atZone(zone)))
        .append("</time></p><div class=\"comment-text\">")
        .append(CommentText.html(comment.body()))
        .append("</div><p class=\"comment-actions\">");
    if (comment.depth() + 1 < maxDepth) {
      html.append("<a rel=\"nofollow\" href=\"/plugins/comment-moderation/comments/")
          .append(comment.id())
          .append("/reply\">Reply<span class=\"visually-hidden\"> to ")
          .append(name)
          .append("</span></a> ");
    }
    html.append("<a rel=\"nofollow\" href=\"/plugins/comment-moderation/comments/")
        .append(comment.id())
        .append("/report\">Report<span class=\"visually-hidden\"> the comment by ")
        .append(name)
        .append("</span></a></p>");
    List<Comment> answers = replies.get(comment.id());
    if (answers != null) {
      html.append("<ol class=\"comment-replies\">");
      for (Comment answer : answers) {
        appendComment(html, answer, replies, maxDepth, zone);
      }
      html.append("</ol>");
    }
    html.append("</li>");
  }
}
