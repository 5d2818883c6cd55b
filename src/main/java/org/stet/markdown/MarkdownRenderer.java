package org.stet.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a Markdown body (CommonMark, tables, footnotes, {@code [@key]} citations) into HTML that is
 * safe to put on a page.
 *
 * <p>Two independent defences: CommonMark escapes raw HTML and drops unsafe link targets, then
 * {@link BodyPolicy} keeps only an allow-list of elements, attributes, values and URL schemes.
 * Every id in the result is Stet's own, made from a number ({@code fn-1}, {@code fnref-1}, {@code
 * sec-1}): nothing a writer types (a footnote label, a heading) reaches an attribute unescaped or
 * names an element.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final Pattern CITATION = Pattern.compile("\\[@([A-Za-z0-9_-]{1,80})\\]");
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), FootnotesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  /** Renders {@code markdown}; citations whose key is in {@code citations} become links. */
  public RenderedBody render(String markdown, Map<String, Citation> citations) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    linkCitations(document, citations);
    Document dirty = Jsoup.parseBodyFragment(renderer.render(document));
    numberFootnotes(dirty);
    numberHeadings(dirty);
    Document clean = BodyPolicy.clean(dirty);
    List<RenderedBody.Footnote> footnotes = extractFootnotes(clean);
    return new RenderedBody(clean.body().html(), footnotes);
  }

  /**
   * {@code html} cleaned by the body policy: for a body that plugins' content filters have changed
   * after {@link #render}, so what reaches the page is checked last.
   */
  public String sanitise(String html) {
    return BodyPolicy.clean(html == null ? "" : html).body().html();
  }

  /** Replaces {@code [@key]} in text with a link to the reference, reading "(Author, year)". */
  private static void linkCitations(Node document, Map<String, Citation> citations) {
    if (citations.isEmpty()) {
      return;
    }
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            // The parser may leave "[", "@key" and "]" as separate nodes; join them first.
            if (text.getPrevious() instanceof Text previous) {
              previous.setLiteral(previous.getLiteral() + text.getLiteral());
              text.unlink();
            } else {
              texts.add(text);
            }
          }
        });
    for (Text text : texts) {
      Matcher matcher = CITATION.matcher(text.getLiteral());
      int from = 0;
      Node last = text;
      boolean changed = false;
      while (matcher.find()) {
        Citation citation = citations.get(matcher.group(1));
        if (citation == null) {
          continue;
        }
        changed = true;
        last = insertAfter(last, new Text(text.getLiteral().substring(from, matcher.start())));
        Link link = new Link("#" + citation.anchor(), null);
        link.appendChild(new Text(citation.label()));
        last = insertAfter(last, link);
        from = matcher.end();
      }
      if (changed) {
        insertAfter(last, new Text(text.getLiteral().substring(from)));
        text.unlink();
      }
    }
  }

  private static Node insertAfter(Node anchor, Node node) {
    anchor.insertAfter(node);
    return node;
  }

  /**
   * Gives every footnote Stet's own ids, by the number its marker shows: definition {@code fn-N},
   * markers {@code fnref-N}, {@code fnref-N-2}, ... (CommonMark derives them from the label, which
   * the writer chose). Markers read {@code [N]}, as print journals write them; the back links
   * CommonMark adds are dropped (the page writes its own).
   */
  private static void numberFootnotes(Document dirty) {
    Map<String, Integer> numbers = new HashMap<>();
    int number = 0;
    for (Element item : dirty.select("section.footnotes > ol > li[id]")) {
      numbers.put(item.id(), ++number);
      item.id("fn-" + number);
    }
    Map<Integer, Integer> seen = new HashMap<>();
    for (Element marker : dirty.select("sup.footnote-ref > a[href^=#]")) {
      Integer target = numbers.get(marker.attr("href").substring(1));
      if (target == null) {
        marker.unwrap();
        continue;
      }
      int occurrence = seen.merge(target, 1, Integer::sum);
      marker.attr("href", "#fn-" + target);
      marker.id(occurrence == 1 ? "fnref-" + target : "fnref-" + target + "-" + occurrence);
      marker.text("[" + target + "]");
    }
    dirty.select("a.footnote-backref").remove();
    Element section = dirty.selectFirst("section.footnotes");
    if (section != null) {
      section.select("> ol").addClass("footnotes");
      section.unwrap();
    }
  }

  /**
   * Headings get ids {@code sec-1}, {@code sec-2}, ... in order; a {@code #} heading becomes a
   * second-level one, since the page's title is the only first-level heading.
   */
  private static void numberHeadings(Document dirty) {
    int number = 0;
    for (Element heading : dirty.body().select("h1, h2, h3, h4, h5, h6")) {
      if (heading.closest("section.footnotes") != null) {
        continue;
      }
      if (heading.tagName().equals("h1")) {
        heading.tagName("h2");
      }
      heading.id("sec-" + ++number);
    }
  }

  /** Takes the footnote list out of the body so the page can place it after the references. */
  private static List<RenderedBody.Footnote> extractFootnotes(Document clean) {
    List<RenderedBody.Footnote> footnotes = new ArrayList<>();
    Element list = clean.selectFirst("ol.footnotes");
    if (list == null) {
      return footnotes;
    }
    for (Element item : list.select("> li[id]")) {
      int number = Integer.parseInt(item.id().substring("fn-".length()));
      Element only = item.children().size() == 1 ? item.child(0) : null;
      String html = only != null && only.tagName().equals("p") ? only.html() : item.html();
      footnotes.add(new RenderedBody.Footnote(number, item.id(), "fnref-" + number, html.strip()));
    }
    list.remove();
    return footnotes;
  }
}
