package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.stet.plugins.commentmoderation.CommentStore.Comment;
import org.stet.spi.ArticleView;
import org.stet.spi.Mail;

/**
 * The plugin's mails: commenters who asked hear when their comment is approved or answered (each
 * mail with a link to stop them); editors get a digest of comments that wait.
 */
@ApplicationScoped
public class CommentMails {

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
        "Hello "
            + comment.name()
            + ",\n\nyour comment on \""
            + article.title()
            + "\" was approved and is on the site:\n"
            + link(article, comment)
            + "\n"
            + footer(comment));
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
    Comment to = answered;
    mail.send(
        to.email(),
        "New reply to your comment on \"" + article.title() + "\"",
        "Hello "
            + to.name()
            + ",\n\n"
            + reply.name()
            + (reply.byEditor() ? " (editor)" : "")
            + " replied to your comment on \""
            + article.title()
            + "\":\n\n"
            + quote(reply.body())
            + "\n\nRead it on the site: "
            + link(article, reply)
            + "\n"
            + footer(to));
  }

  /** The editors' list of comments that wait for them. */
  void digest(List<Comment> waiting, long total, List<String> editors) {
    if (waiting.isEmpty() || editors.isEmpty()) {
      return;
    }
    StringBuilder text =
        new StringBuilder()
            .append(total)
            .append(total == 1 ? " comment awaits" : " comments await")
            .append(" moderation:\n\n");
    for (Comment comment : waiting) {
      text.append("- ")
          .append(comment.name())
          .append(": ")
          .append(excerpt(comment.body()))
          .append(comment.holdReason() == null ? "" : " (" + comment.holdReason() + ")")
          .append("\n");
    }
    if (total > waiting.size()) {
      text.append("- and ").append(total - waiting.size()).append(" more\n");
    }
    text.append("\nModerate them: ")
        .append(mail.siteUrl())
        .append("/desk/plugins/comment-moderation\n");
    for (String editor : editors) {
      mail.send(
          editor,
          total + (total == 1 ? " comment awaits" : " comments await") + " moderation",
          text.toString());
    }
  }

  private String link(ArticleView article, Comment comment) {
    return mail.siteUrl() + "/articles/" + article.slug() + "#comment-" + comment.id();
  }

  private String footer(Comment comment) {
    return "\n--\nYou get this e-mail because you asked to be told about your comment. To stop"
        + " these e-mails:\n"
        + mail.siteUrl()
        + "/plugins/comment-moderation/unsubscribe/"
        + comment.token()
        + "\n";
  }

  private static String quote(String text) {
    return "> " + text.strip().replace("\n", "\n> ");
  }

  private static String excerpt(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
