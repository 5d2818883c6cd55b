package org.stet.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a Markdown body (CommonMark, tables, footnotes, {@code [@key]} citations) into HTML that is
 * safe to put on a page.
 *
 * <p>Two independent defences: CommonMark escapes raw HTML and drops unsafe link targets, then
 * jsoup's {@link Cleaner} keeps only an allow-list of elements, attributes and URL schemes. What a
 * writer types can never become a script, an event handler or a {@code javascript:} link.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final Pattern CITATION = Pattern.compile("\\[@([A-Za-z0-9_-]{1,80})\\]");
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), FootnotesExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
  private final Safelist safelist = bodySafelist();

  /** Renders {@code markdown}; citations whose key is in {@code citations} become links. */
  public RenderedBody render(String markdown, Map<String, Citation> citations) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    linkCitations(document, citations);
    Document clean =
        new Cleaner(safelist).clean(Jsoup.parseBodyFragment(renderer.render(document)));
    List<RenderedBody.Footnote> footnotes = extractFootnotes(clean);
    return new RenderedBody(clean.body().html(), footnotes);
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
   * Takes the footnote list out of the body so the page can place it after the references, and
   * writes markers as {@code [1]}, as print journals do.
   */
  private static List<RenderedBody.Footnote> extractFootnotes(Document clean) {
    for (Element marker : clean.select("sup.footnote-ref > a[href^=\"#\"]")) {
      marker.text("[" + marker.text() + "]");
    }
    List<RenderedBody.Footnote> footnotes = new ArrayList<>();
    Element section = clean.selectFirst("section.footnotes");
    if (section == null) {
      return footnotes;
    }
    int number = 0;
    for (Element item : section.select("li[id]")) {
      number++;
      Element backref = item.selectFirst("a.footnote-backref[href^=\"#\"]");
      String markerId = backref == null ? "" : backref.attr("href").substring(1);
      item.select("a.footnote-backref").remove();
      Element only = item.children().size() == 1 ? item.child(0) : null;
      String html = only != null && only.tagName().equals("p") ? only.html() : item.html();
      footnotes.add(new RenderedBody.Footnote(number, item.id(), markerId, html.strip()));
    }
    section.remove();
    return footnotes;
  }

  private static Safelist bodySafelist() {
    return new Safelist()
        .addTags(
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "sup",
            "sub",
            "section",
            "a",
            "img",
            "del")
        .addAttributes("a", "href", "title", "id", "class")
        .addAttributes("sup", "class")
        .addAttributes("section", "class")
        .addAttributes("li", "id")
        .addAttributes("ol", "start")
        .addAttributes("th", "align")
        .addAttributes("td", "align")
        .addAttributes("img", "src", "alt", "title")
        .addProtocols("a", "href", "http", "https", "mailto", "#")
        .addProtocols("img", "src", "http", "https");
  }
}
