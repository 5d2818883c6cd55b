package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stet.spi.Articles;

/** Comments as the moderation desk lists them: each with the article it is on. */
@ApplicationScoped
public class CommentRows {

  /** A comment in a desk list with the article it is on (null if the article is gone). */
  public record Row(Comment comment, Articles.ArticleHeading article) {}

  private final Articles articles;

  CommentRows(Articles articles) {
    this.articles = articles;
  }

  /** The comments with the title of the article each is on: one query for the whole page. */
  List<Row> of(List<Comment> comments) {
    Map<Long, Articles.ArticleHeading> headings =
        articles.headings(comments.stream().map(Comment::articleId).distinct().toList());
    return comments.stream().map(c -> new Row(c, headings.get(c.articleId()))).toList();
  }

  /**
   * An e-mail address as typed into a desk form (the queue's filter, the privacy search), in the
   * form comments keep it: stripped, lower case; null when blank.
   */
  static String address(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip().toLowerCase(Locale.ROOT);
  }
}
