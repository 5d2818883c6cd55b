package org.stet.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.jsoup.nodes.TextNode;

/**
 * Turns a Markdown body (CommonMark, tables, footnotes, pandoc-style {@code [@key]} citations) into
 * HTML that is safe to put on a page.
 *
 * <p>Two independent defences: CommonMark escapes raw HTML and drops unsafe link targets, then
 * {@link BodyPolicy} keeps only an allow-list of elements, attributes, values and URL schemes.
 * Every id in the result is Stet's own, made from a number ({@code fn-1}, {@code fnref-1}, {@code
 * sec-1}): nothing a writer types (a footnote label, a heading) reaches an attribute unescaped or
 * names an element.
 */
@ApplicationScoped
public class MarkdownRenderer {

  /** A bracket holding at least one {@code @key}; its parts are checked by {@link #cluster}. */
  private static final Pattern BRACKET = Pattern.compile("\\[([^\\[\\]]*@[^\\[\\]]*)\\]");

  private static final Pattern CITE =
      Pattern.compile("(?s)^(.*?)(-?)@(" + CitationCluster.KEY.pattern() + ")(.*)$");
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), FootnotesExtension.create());

  private final SecureRandom random = new SecureRandom();

  /** Immutable, so shared by every thread. */
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();

  /** Renders {@code markdown} without its references: citations stay as typed. */
  public RenderedBody render(String markdown) {
    return render(markdown, CitationFormatter.NONE, false, ImageResolver.NONE);
  }

  /** Renders {@code markdown} with its citations, images left as written. */
  public RenderedBody render(String markdown, CitationFormatter citations, boolean flagUnknown) {
    return render(markdown, citations, flagUnknown, ImageResolver.NONE);
  }

  /**
   * Renders {@code markdown}, each citation formatted by {@code citations} and linked to its
   * reference. A citation of a key without a reference stays as typed, marked as a warning when
   * {@code flagUnknown} (the desk and the preview; never on the public site). Images {@code images}
   * knows are shown in their widths; one alone in its paragraph is a figure.
   */
  public RenderedBody render(
      String markdown, CitationFormatter citations, boolean flagUnknown, ImageResolver images) {
    Node document = PARSER.parse(markdown == null ? "" : markdown);
    String marker = "#stet-cite-" + Long.toHexString(random.nextLong()) + "-";
    List<CitationCluster> clusters = markCitations(document, marker);
    List<CitationFormatter.Formatted> formatted =
        clusters.isEmpty() ? List.of() : citations.format(clusters);
    Document dirty = Jsoup.parseBodyFragment(renderer.render(document));
    placeCitations(dirty, marker, clusters, formatted, flagUnknown);
    placeImages(dirty, images);
    numberFootnotes(dirty);
    numberHeadings(dirty);
    Document clean = BodyPolicy.clean(dirty);
    List<RenderedBody.Footnote> footnotes = extractFootnotes(clean);
    return new RenderedBody(clean.body().html(), footnotes, undescribed(document));
  }

  /** The citations of {@code markdown}, in order (not those in code or in link texts). */
  public static List<CitationCluster> citations(String markdown) {
    return markCitations(PARSER.parse(markdown == null ? "" : markdown), "#");
  }

  /**
   * {@code html} cleaned by the body policy: for a body that plugins' content filters have changed
   * after {@link #render}, so what reaches the page is checked last.
   */
  public String sanitise(String html) {
    return BodyPolicy.clean(html == null ? "" : html).body().html();
  }

  /**
   * Replaces each citation in the text with a link to {@code marker + n}, n counting from 0 in
   * document order, and returns the citations. The links are placeholders for {@link
   * #placeCitations}; the marker is random per rendering, so a link typed in the body cannot pass
   * for one.
   */
  private static List<CitationCluster> markCitations(Node document, String marker) {
    List<Text> texts = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            // The parser may leave "[", "@key" and "]" as separate nodes; join them first.
            if (text.getPrevious() instanceof Text previous) {
              previous.setLiteral(previous.getLiteral() + text.getLiteral());
              text.unlink();
            } else if (!insideLink(text)) {
              texts.add(text);
            }
          }
        });
    List<CitationCluster> clusters = new ArrayList<>();
    for (Text text : texts) {
      Matcher matcher = BRACKET.matcher(text.getLiteral());
      int from = 0;
      Node last = text;
      boolean changed = false;
      while (matcher.find()) {
        CitationCluster cluster = cluster(matcher.group(), matcher.group(1));
        if (cluster == null) {
          continue;
        }
        changed = true;
        last = insertAfter(last, new Text(text.getLiteral().substring(from, matcher.start())));
        Link link = new Link(marker + clusters.size(), null);
        link.appendChild(new Text(cluster.source()));
        last = insertAfter(last, link);
        clusters.add(cluster);
        from = matcher.end();
      }
      if (changed) {
        insertAfter(last, new Text(text.getLiteral().substring(from)));
        text.unlink();
      }
    }
    return clusters;
  }

  private static boolean insideLink(Node node) {
    for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof Link) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code inner} (between the brackets) as a citation: parts split by {@code ;}, each {@code
   * [prefix ][-]@key[suffix]} with the {@code @} starting a word; otherwise null (an e-mail address
   * or a handle in brackets is not a citation).
   */
  private static CitationCluster cluster(String source, String inner) {
    List<CitationCluster.Cite> cites = new ArrayList<>();
    for (String part : inner.split(";", -1)) {
      Matcher cite = CITE.matcher(part.strip());
      if (!cite.matches()) {
        return null;
      }
      String prefix = cite.group(1);
      String suffix = cite.group(4);
      if (!prefix.isEmpty() && !Character.isWhitespace(prefix.charAt(prefix.length() - 1))) {
        return null;
      }
      if (!suffix.isEmpty() && Character.isLetterOrDigit(suffix.charAt(0))) {
        return null; // the key ran on into text
      }
      cites.add(
          new CitationCluster.Cite(
              cite.group(3), prefix.strip(), suffix.strip(), cite.group(2).equals("-")));
    }
    return new CitationCluster(source, cites);
  }

  /**
   * Images the resolver knows get their widths ({@code srcset}), size and lazy loading; an image
   * alone in its paragraph becomes a figure, its title ({@code ![alt](src "Caption")}) the caption,
   * numbered "Figure 1.", "Figure 2." in order.
   */
  private static void placeImages(Document dirty, ImageResolver images) {
    int figures = 0;
    boolean first = true;
    for (Element img : dirty.select("img[src]")) {
      Optional<ImageResolver.Image> resolved = images.resolve(img.attr("src"));
      if (resolved.isPresent()) {
        ImageResolver.Image image = resolved.get();
        img.attr("src", image.src())
            .attr("srcset", image.srcset())
            .attr("sizes", "(max-width: 48rem) 100vw, 48rem")
            .attr("width", String.valueOf(image.width()))
            .attr("height", String.valueOf(image.height()))
            .attr("decoding", "async");
        if (!first) {
          img.attr("loading", "lazy"); // the first may be what the reader sees first: not lazy
        }
        first = false;
      }
      Element paragraph = img.parent();
      boolean alone =
          paragraph != null
              && paragraph.tagName().equals("p")
              && paragraph.childrenSize() == 1
              && paragraph.ownText().isBlank();
      if (!alone) {
        continue;
      }
      String caption = img.attr("title");
      img.removeAttr("title");
      Element figure = new Element("figure");
      paragraph.replaceWith(figure);
      figure.appendChild(img);
      if (!caption.isBlank()) {
        Element figcaption = figure.appendElement("figcaption");
        figcaption
            .appendElement("span")
            .addClass("figure-number")
            .text("Figure " + ++figures + ".");
        figcaption.appendText(" " + caption);
      }
    }
  }

  /** How many images {@code markdown} shows without alt text (what is between ![ and ]). */
  public static int imagesWithoutAlt(String markdown) {
    return undescribed(PARSER.parse(markdown == null ? "" : markdown));
  }

  private static int undescribed(Node document) {
    int[] count = {0};
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(org.commonmark.node.Image image) {
            StringBuilder alt = new StringBuilder();
            // What the renderer writes into alt: the text and code of the brackets.
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
              if (child instanceof Text text) {
                alt.append(text.getLiteral());
              } else if (child instanceof org.commonmark.node.Code code) {
                alt.append(code.getLiteral());
              }
            }
            if (alt.toString().isBlank()) {
              count[0]++;
            }
            visitChildren(image);
          }
        });
    return count[0];
  }

  /** Puts each formatted citation where its placeholder link is, or the text as typed. */
  private static void placeCitations(
      Document dirty,
      String marker,
      List<CitationCluster> clusters,
      List<CitationFormatter.Formatted> formatted,
      boolean flagUnknown) {
    for (Element link : dirty.select("a[href^=" + marker + "]")) {
      int index;
      try {
        index = Integer.parseInt(link.attr("href").substring(marker.length()));
      } catch (NumberFormatException e) {
        continue;
      }
      if (index >= clusters.size()) {
        continue;
      }
      CitationFormatter.Formatted citation = index < formatted.size() ? formatted.get(index) : null;
      String source = clusters.get(index).source();
      if (citation != null) {
        link.attr("href", "#" + citation.anchor()).addClass("citation").html(citation.html());
      } else if (flagUnknown) {
        link.replaceWith(
            new Element("mark")
                .addClass("citation-missing")
                .attr("title", "No reference has this key: add it under References")
                .text(source));
      } else {
        link.replaceWith(new TextNode(source));
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
