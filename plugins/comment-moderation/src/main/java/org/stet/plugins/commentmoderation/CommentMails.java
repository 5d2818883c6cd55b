package org.stet.plugins.commentmoderation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.spi.ArticleView;
import org.stet.spi.Mail;

/**
 * The plugin's mails: commenters who asked hear when their comment is approved or answered (each
 * mail with a link to stop them); editors get a digest of comments that wait.
 */
@ApplicationScoped
public class CommentMails {

  /** One waiting comment in the editors' digest. */
  public record DigestLine(String name, String excerpt, String reason) {}

  @CheckedTemplate(basePath = "plugins/comment-moderation")
  static class Templates {
    static native TemplateInstance approvedMail(
        String name, String title, String link, String unsubscribe);

    static native TemplateInstance repliedMail(
        String name,
        String replier,
        boolean byEditor,
        String title,
        String quote,
        String link,
        String unsubscribe);

    static native TemplateInstance digestMail(
        long total, List<DigestLine> lines, long more, String queue);
  }

  private final Mail mail;
  private final CommentStore store;

  CommentMails(Mail mail, CommentStore store) {
    this.mail = mail;
    this.store = store;
  }

  /** Tells the commenter their comment is on the site, if they asked. */
  void approved(Comment comment, ArticleView article) {
    if (!comment.wantsMail() || comment.byEditor() || comment.erased()) {
      return;
    }
    mail.send(
        comment.email(),
        "Your comment on \"" + article.title() + "\" is published",
        Templates.approvedMail(
                comment.name(), article.title(), link(article, comment), unsubscribe(comment))
            .render());
  }

  /** Tells the author of the comment {@code reply} answers, if they asked and it is not theirs. */
  void replied(Comment reply, ArticleView article) {
    if (reply.parentId() != null) {
      store.find(reply.parentId()).ifPresent(parent -> replied(reply, parent, article));
    }
  }

  /** Tells the author of {@code answered} of {@code reply}, if they asked and it is not theirs. */
  void replied(Comment reply, Comment answered, ArticleView article) {
    if (!answered.wantsMail() || answered.erased() || answered.email().equals(reply.email())) {
      return;
    }
    mail.send(
        answered.email(),
        "New reply to your comment on \"" + article.title() + "\"",
        Templates.repliedMail(
                answered.name(),
                reply.name(),
                reply.byEditor(),
                article.title(),
                quote(reply.body()),
                link(article, reply),
                unsubscribe(answered))
            .render());
  }

  /** The editors' list of comments that wait for them. */
  void digest(List<Comment> waiting, long total, List<String> editors) {
    if (waiting.isEmpty() || editors.isEmpty()) {
      return;
    }
    String text =
        Templates.digestMail(
                total,
                waiting.stream()
                    .map(c -> new DigestLine(c.name(), excerpt(c.body()), c.holdReason()))
                    .toList(),
                total - waiting.size(),
                mail.siteUrl() + "/desk/plugins/comment-moderation")
            .render();
    String subject = total + (total == 1 ? " comment awaits" : " comments await") + " moderation";
    for (String editor : editors) {
      mail.send(editor, subject, text);
    }
  }

  private String link(ArticleView article, Comment comment) {
    return mail.siteUrl() + "/articles/" + article.slug() + "#comment-" + comment.id();
  }

  private String unsubscribe(Comment comment) {
    return mail.siteUrl() + "/plugins/comment-moderation/unsubscribe/" + comment.token();
  }

  private static String quote(String text) {
    return "> " + text.strip().replace("\n", "\n> ");
  }

  private static String excerpt(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
