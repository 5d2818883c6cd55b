package org.stet.citation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stet.markdown.CitationCluster;
import org.stet.markdown.ImageResolver;
import org.stet.markdown.MarkdownRenderer;
import org.stet.markdown.RenderedBody;

/**
 * An article's text with its references: the body with in-text citations, and the reference list,
 * in one citation style. Every view of a body (public page, desk, review, preview) renders it here.
 */
@ApplicationScoped
public class CitedText {

  /**
   * The body, the reference list in the style's order, and the keys cited without a reference (in
   * the order the body first cites them).
   */
  public record Rendered(
      RenderedBody body, List<CitationProcessor.Entry> references, List<String> unknownKeys) {}

  private final MarkdownRenderer markdown;
  private final CitationProcessor processor;

  CitedText(MarkdownRenderer markdown, CitationProcessor processor) {
    this.markdown = markdown;
    this.processor = processor;
  }

  /**
   * Renders {@code body} with {@code references} in {@code style}, its images shown as {@code
   * images} knows them. {@code desk} marks citations of unknown keys as warnings; the public site
   * shows them as typed.
   */
  public Rendered render(
      String body,
      List<Map<String, Object>> references,
      String style,
      boolean desk,
      ImageResolver images) {
    CitationProcessor.Output[] output = new CitationProcessor.Output[1];
    List<CitationCluster> cited = new ArrayList<>();
    RenderedBody rendered =
        markdown.render(
            body,
            clusters -> {
              cited.addAll(clusters);
              output[0] = processor.process(style, references, clusters);
              return output[0].citations();
            },
            desk,
            images);
    if (output[0] == null) {
      output[0] = processor.process(style, references, List.of());
    }
    return new Rendered(rendered, output[0].entries(), References.unknownKeys(cited, references));
  }
}
