package org.stet.markdown;

import java.util.List;

/**
 * A Markdown body turned into safe HTML: the text, and its footnotes for the page to place (each
 * already sanitised).
 */
public record RenderedBody(String html, List<Footnote> footnotes) {

  /**
   * The body with its footnotes as a numbered list after it, in one fragment: for the desk's
   * preview and reading views, which have no separate footnote section.
   */
  public String htmlWithNotes() {
    if (footnotes.isEmpty()) {
      return html;
    }
    StringBuilder all = new StringBuilder(html).append("<ol class=\"footnotes\">");
    for (Footnote note : footnotes) {
      all.append("<li id=\"").append(note.id()).append("\">").append(note.html()).append("</li>");
    }
    return all.append("</ol>").toString();
  }

  /**
   * Footnote {@code number} (as its marker shows it), the element id it is linked to ({@code id}),
   * the id of its marker in the text ({@code markerId}) and its text as safe HTML.
   */
  public record Footnote(int number, String id, String markerId, String html) {}
}
