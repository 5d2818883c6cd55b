package org.stet.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.citation.CitationProcessor;
import org.stet.citation.CitedText;
import org.stet.journal.service.CitationStyleService;

/**
 * An article's text as the desk shows it (the article page, a reviewer's copy, the preview): the
 * body with its footnotes, in-text citations and reference list in the article's citation style,
 * and the citations that have no reference, marked in the text and listed.
 */
@ApplicationScoped
public class ArticleText {

  /**
   * The body (footnotes included), the reference list, the keys cited without a reference and how
   * many images have no description.
   */
  public record Shown(
      String html,
      List<CitationProcessor.Entry> references,
      List<String> unknownKeys,
      int undescribedImages) {}

  private final CitedText cited;
  private final CitationStyleService styles;

  private final MediaService media;

  ArticleText(CitedText cited, CitationStyleService styles, MediaService media) {
    this.cited = cited;
    this.styles = styles;
    this.media = media;
  }

  /** The article's current text. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shown of(Article article) {
    return of(article.body, article.references, article);
  }

  /** {@code body} and {@code references} (a revision's) in the style of {@code article}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shown of(String body, List<Map<String, Object>> references, Article article) {
    String style = article == null ? styles.siteStyle() : styles.styleOf(article);
    CitedText.Rendered rendered =
        cited.render(body == null ? "" : body, references, style, true, media::resolve);
    return new Shown(
        rendered.body().htmlWithNotes(),
        rendered.references(),
        rendered.unknownKeys(),
        rendered.body().undescribedImages());
  }
}
