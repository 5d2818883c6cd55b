package org.stet.markdown;

import java.util.List;

/**
 * A Markdown body turned into safe HTML: the text, and its footnotes for the page to place (each
 * already sanitised).
 */
public record RenderedBody(String html, List<Footnote> footnotes) {

  /**
   * Footnote {@code number} (as its marker shows it), the element id it is linked to ({@code id}),
   * the id of its marker in the text ({@code markerId}) and its text as safe HTML.
   */
  public record Footnote(int number, String id, String markerId, String html) {}
}
