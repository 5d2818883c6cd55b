package org.stet.markdown;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A Markdown body turned into safe HTML: the text, its footnotes for the page to place (each
 * already sanitised), and how many of its images have no description (alt text).
 */
public record RenderedBody(String html, List<Footnote> footnotes, int undescribedImages) {

  /**
   * The body with its footnotes as a numbered list after it, in one fragment: for the desk's
   * preview and reading views, which have no separate footnote section. Built as elements and
   * cleaned again by the body policy, like every other way a body reaches a page.
   */
  public String htmlWithNotes() {
    if (footnotes.isEmpty()) {
      return html;
    }
    Document all = Jsoup.parseBodyFragment(html);
    Element list = all.body().appendElement("ol").addClass("footnotes");
    for (Footnote note : footnotes) {
      Element item = list.appendElement("li").id(note.id());
      item.appendElement("a")
          .addClass("footnote-back")
          .attr("href", "#" + note.markerId())
          .text("[" + note.number() + "]");
      item.appendText(" ").append(note.html());
    }
    return BodyPolicy.clean(all).body().html();
  }

  /**
   * Footnote {@code number} (as its marker shows it), the element id it is linked to ({@code id}),
   * the id of its marker in the text ({@code markerId}) and its text as safe HTML.
   */
  public record Footnote(int number, String id, String markerId, String html) {}
}
