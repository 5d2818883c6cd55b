package org.stet.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.stet.citation.CslItem;
import org.stet.markdown.RenderedBody;
import org.stet.web.XmlOut;

/**
 * A published article as JATS 1.1 (Journal Publishing, "Blue"): journal and article metadata in
 * {@code front}, the body's sections, paragraphs, lists, tables, quotations and figures in {@code
 * body}, its footnotes and references in {@code back}. The body is read from the page's sanitised
 * HTML, so only the body policy's few elements can occur, and each maps to one JATS element.
 *
 * <p>Written standalone with the DTD's DOCTYPE, or inside an OAI-PMH record in the namespace OJS
 * gives JATS there (an OAI record must be namespaced; decision 0020).
 */
public final class JatsWriter {

  /** The namespace of JATS inside OAI-PMH records, as OJS's OAI JATS plugin writes it. */
  public static final String OAI_NAMESPACE = "https://jats.nlm.nih.gov/publishing/1.1/";

  /** Where the XML Schema of that namespace is published. */
  public static final String OAI_SCHEMA =
      "https://jats.nlm.nih.gov/publishing/1.1/xsd/JATS-journalpublishing1.xsd";

  private static final String PUBLIC_ID =
      "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1 20151215//EN";
  private static final String SYSTEM_ID =
      "https://jats.nlm.nih.gov/publishing/1.1/JATS-journalpublishing1.dtd";

  private static final String XLINK = "http://www.w3.org/1999/xlink";

  /**
   * What JATS needs of an article beyond its citation metadata: its id, its body as the page's
   * sanitised HTML (with absolute addresses not required: site paths are made absolute here) and
   * its footnotes.
   */
  public record Source(
      CitableArticle article, long id, String bodyHtml, List<RenderedBody.Footnote> footnotes) {}

  private final Source source;
  private final CitableArticle article;
  private final String siteUrl;
  private final Set<String> ids = new HashSet<>();
  private int figures;

  private JatsWriter(Source source) {
    this.source = source;
    this.article = source.article();
    this.siteUrl = article.siteUrl().replaceAll("/$", "");
  }

  /** The article as a standalone JATS document. */
  public static byte[] document(Source source) {
    return XmlOut.document(
        xml -> {
          XmlOut.doctype(xml, "article", PUBLIC_ID, SYSTEM_ID);
          new JatsWriter(source).write(xml, null);
        });
  }

  /** Writes the article's {@code article} element in {@link #OAI_NAMESPACE}. */
  public static void inOaiRecord(XMLStreamWriter xml, Source source) throws XMLStreamException {
    new JatsWriter(source).write(xml, OAI_NAMESPACE);
  }

  private void write(XMLStreamWriter xml, String namespace) throws XMLStreamException {
    Element body = Jsoup.parseBodyFragment(source.bodyHtml()).body();
    collectIds(body);
    xml.writeStartElement("article");
    if (namespace != null) {
      xml.writeDefaultNamespace(namespace);
    }
    xml.writeNamespace("xlink", XLINK);
    xml.writeAttribute("article-type", article.issue() == null ? "other" : "research-article");
    xml.writeAttribute("dtd-version", "1.1");
    if (article.languageCode() != null) {
      xml.writeAttribute("xml:lang", article.languageCode());
    }
    front(xml);
    if (!body.children().isEmpty() || !body.text().isBlank()) {
      xml.writeStartElement("body");
      sections(xml, body);
      xml.writeEndElement();
    }
    back(xml);
    xml.writeEndElement();
  }

  /** The ids a cross-reference may point at: sections, footnotes and references. */
  private void collectIds(Element body) {
    for (Element heading : body.select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
      ids.add(heading.id());
    }
    for (RenderedBody.Footnote note : source.footnotes()) {
      ids.add(note.id());
    }
    for (int i = 0; i < references().size(); i++) {
      ids.add(referenceId(i));
    }
  }

  private List<Map<String, Object>> references() {
    return article.references() == null ? List.of() : article.references();
  }

  private static String referenceId(int position) {
    return "ref-" + (position + 1);
  }

  // --- front ---------------------------------------------------------------------------------

  private void front(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartElement("front");
    journalMeta(xml);
    xml.writeStartElement("article-meta");
    XmlOut.text(xml, "article-id", "pub-id-type", "publisher-id", String.valueOf(source.id()));
    XmlOut.text(xml, "article-id", "pub-id-type", "doi", article.doi());
    if (article.category() != null) {
      xml.writeStartElement("article-categories");
      xml.writeStartElement("subj-group");
      xml.writeAttribute("subj-group-type", "heading");
      XmlOut.text(xml, "subject", article.category());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeStartElement("title-group");
    XmlOut.text(xml, "article-title", article.title());
    xml.writeEndElement();
    contributors(xml);
    LocalDate published = article.published().atZone(article.zone()).toLocalDate();
    xml.writeStartElement("pub-date");
    xml.writeAttribute("publication-format", "electronic");
    xml.writeAttribute("date-type", "pub");
    XmlOut.text(xml, "day", String.format(Locale.ROOT, "%02d", published.getDayOfMonth()));
    XmlOut.text(xml, "month", String.format(Locale.ROOT, "%02d", published.getMonthValue()));
    XmlOut.text(xml, "year", String.valueOf(published.getYear()));
    xml.writeEndElement();
    CitableArticle.Issue issue = article.issue();
    if (issue != null) {
      xml.writeStartElement("pub-date");
      xml.writeAttribute("date-type", "collection");
      XmlOut.text(xml, "month", String.format(Locale.ROOT, "%02d", issue.month()));
      XmlOut.text(xml, "year", String.valueOf(issue.year()));
      xml.writeEndElement();
      if (issue.volume() != null) {
        XmlOut.text(xml, "volume", String.valueOf(issue.volume()));
      }
      XmlOut.text(xml, "issue", String.valueOf(issue.number()));
    }
    selfUri(xml, article.url(), null);
    if (article.pdfUrl() != null) {
      selfUri(xml, article.pdfUrl(), "application/pdf");
    }
    if (article.excerpt() != null && !article.excerpt().isBlank()) {
      xml.writeStartElement("abstract");
      XmlOut.text(xml, "p", article.excerpt());
      xml.writeEndElement();
    }
    if (!article.keywords().isEmpty()) {
      xml.writeStartElement("kwd-group");
      xml.writeAttribute("kwd-group-type", "author");
      for (String keyword : article.keywords()) {
        XmlOut.text(xml, "kwd", keyword);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /**
   * The journal, or the site for an article in no issue. The Journal Publishing DTD requires an
   * ISSN; a site or journal without one gets an empty {@code issn} element (decision 0020).
   */
  private void journalMeta(XMLStreamWriter xml) throws XMLStreamException {
    CitableArticle.Issue issue = article.issue();
    String title = issue == null ? article.siteName() : issue.journal();
    xml.writeStartElement("journal-meta");
    XmlOut.text(xml, "journal-id", "journal-id-type", "publisher-id", title);
    xml.writeStartElement("journal-title-group");
    XmlOut.text(xml, "journal-title", title);
    xml.writeEndElement();
    List<String> issns = issue == null ? List.of() : issue.issns();
    if (issns.isEmpty()) {
      xml.writeEmptyElement("issn");
    }
    for (int i = 0; i < issns.size(); i++) {
      boolean print = issns.size() == 2 && i == 0;
      XmlOut.text(xml, "issn", "publication-format", print ? "print" : "electronic", issns.get(i));
    }
    xml.writeStartElement("publisher");
    XmlOut.text(xml, "publisher-name", article.publisher());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void contributors(XMLStreamWriter xml) throws XMLStreamException {
    if (article.authors().isEmpty()) {
      return;
    }
    xml.writeStartElement("contrib-group");
    for (CitableArticle.Author author : article.authors()) {
      xml.writeStartElement("contrib");
      xml.writeAttribute("contrib-type", "author");
      if (author.orcid() != null) {
        xml.writeStartElement("contrib-id");
        xml.writeAttribute("contrib-id-type", "orcid");
        xml.writeCharacters(author.orcidUrl());
        xml.writeEndElement();
      }
      Map<String, Object> name = CitationFormats.name(author.name());
      if (name.containsKey("family")) {
        xml.writeStartElement("name");
        XmlOut.text(xml, "surname", (String) name.get("family"));
        XmlOut.text(xml, "given-names", (String) name.get("given"));
        xml.writeEndElement();
      } else {
        XmlOut.text(xml, "string-name", author.name());
      }
      XmlOut.text(xml, "aff", author.affiliation());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void selfUri(XMLStreamWriter xml, String url, String type)
      throws XMLStreamException {
    xml.writeEmptyElement("self-uri");
    if (type != null) {
      xml.writeAttribute("content-type", type);
    }
    xml.writeAttribute("xlink", XLINK, "href", XmlOut.clean(url));
  }

  // --- body ----------------------------------------------------------------------------------

  /**
   * The body's blocks, each heading opening a section that holds what follows it up to the next
   * heading of its level or higher.
   */
  private void sections(XMLStreamWriter xml, Element body) throws XMLStreamException {
    List<Integer> open = new ArrayList<>();
    for (Node node : body.childNodes()) {
      if (node instanceof Element element && element.tagName().matches("h[2-6]")) {
        int level = element.tagName().charAt(1) - '0';
        while (!open.isEmpty() && open.get(open.size() - 1) >= level) {
          xml.writeEndElement();
          open.remove(open.size() - 1);
        }
        xml.writeStartElement("sec");
        if (!element.id().isEmpty()) {
          xml.writeAttribute("id", element.id());
        }
        xml.writeStartElement("title");
        inline(xml, element);
        xml.writeEndElement();
        open.add(level);
      } else {
        block(xml, node, false);
      }
    }
    for (int i = 0; i < open.size(); i++) {
      xml.writeEndElement();
    }
  }

  /** The blocks inside {@code container}, loose text gathered into paragraphs. */
  private void blocks(XMLStreamWriter xml, Element container, boolean inListItem)
      throws XMLStreamException {
    List<Node> run = new ArrayList<>();
    for (Node node : container.childNodes()) {
      if (isBlock(node)) {
        paragraph(xml, run);
        run.clear();
        block(xml, node, inListItem);
      } else {
        run.add(node);
      }
    }
    paragraph(xml, run);
  }

  private static boolean isBlock(Node node) {
    return node instanceof Element element
        && switch (element.tagName()) {
          case "p",
              "ul",
              "ol",
              "blockquote",
              "pre",
              "table",
              "figure",
              "hr",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6" ->
              true;
          default -> false;
        };
  }

  /** Inline nodes as one paragraph; nothing when they hold only white space. */
  private void paragraph(XMLStreamWriter xml, List<Node> nodes) throws XMLStreamException {
    boolean blank =
        nodes.stream()
            .allMatch(node -> node instanceof TextNode text && text.getWholeText().isBlank());
    if (blank) {
      return;
    }
    xml.writeStartElement("p");
    for (Node node : nodes) {
      inlineNode(xml, node);
    }
    xml.writeEndElement();
  }

  /**
   * One block. In a list item only paragraphs and lists may stand, so other blocks there become
   * paragraphs of their text.
   */
  private void block(XMLStreamWriter xml, Node node, boolean inListItem) throws XMLStreamException {
    if (!(node instanceof Element element)) {
      paragraph(xml, List.of(node));
      return;
    }
    String tag = element.tagName();
    if (inListItem && !tag.equals("p") && !tag.equals("ul") && !tag.equals("ol")) {
      if (!tag.equals("hr")) {
        XmlOut.text(xml, "p", element.text());
      }
      return;
    }
    switch (tag) {
      case "ul", "ol" -> list(xml, element);
      case "blockquote" -> {
        xml.writeStartElement("disp-quote");
        blocks(xml, element, false);
        xml.writeEndElement();
      }
      case "pre" -> {
        xml.writeStartElement("preformat");
        xml.writeAttribute("preformat-type", "code");
        xml.writeCharacters(XmlOut.clean(element.wholeText()));
        xml.writeEndElement();
      }
      case "table" -> table(xml, element);
      case "figure" -> figure(xml, element);
      case "hr" -> {}
      default -> {
        xml.writeStartElement("p");
        inline(xml, element);
        xml.writeEndElement();
      }
    }
  }

  private void list(XMLStreamWriter xml, Element list) throws XMLStreamException {
    xml.writeStartElement("list");
    xml.writeAttribute("list-type", list.tagName().equals("ol") ? "order" : "bullet");
    for (Element item : list.children()) {
      xml.writeStartElement("list-item");
      blocks(xml, item, true);
      if (item.text().isBlank() && item.select("ul, ol").isEmpty()) {
        xml.writeEmptyElement("p");
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void table(XMLStreamWriter xml, Element table) throws XMLStreamException {
    xml.writeStartElement("table-wrap");
    xml.writeStartElement("table");
    Element head = table.selectFirst("> thead");
    Element bodyRows = table.selectFirst("> tbody");
    if (head != null && bodyRows != null) {
      rows(xml, "thead", head);
      rows(xml, "tbody", bodyRows);
    } else {
      for (Element row : table.select("> thead > tr, > tbody > tr, > tr")) {
        row(xml, row);
      }
    }
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void rows(XMLStreamWriter xml, String group, Element rows) throws XMLStreamException {
    xml.writeStartElement(group);
    for (Element row : rows.select("> tr")) {
      row(xml, row);
    }
    xml.writeEndElement();
  }

  private void row(XMLStreamWriter xml, Element row) throws XMLStreamException {
    xml.writeStartElement("tr");
    for (Element cell : row.children()) {
      xml.writeStartElement(cell.tagName().equals("th") ? "th" : "td");
      String align = cell.attr("align");
      if (align.matches("left|center|right")) {
        xml.writeAttribute("align", align);
      }
      inline(xml, cell);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** A figure: its number as the label, its caption, the image with its description. */
  private void figure(XMLStreamWriter xml, Element figure) throws XMLStreamException {
    xml.writeStartElement("fig");
    xml.writeAttribute("id", "fig-" + ++figures);
    Element caption = figure.selectFirst("> figcaption");
    if (caption != null) {
      Element number = caption.selectFirst("span.figure-number");
      if (number != null) {
        XmlOut.text(xml, "label", number.text().replaceAll("\\.$", ""));
        number.remove();
        if (caption.childNodeSize() > 0 && caption.childNode(0) instanceof TextNode first) {
          first.text(first.getWholeText().stripLeading());
        }
      }
      xml.writeStartElement("caption");
      xml.writeStartElement("p");
      inline(xml, caption);
      xml.writeEndElement();
      xml.writeEndElement();
    }
    for (Element img : figure.select("img[src]")) {
      xml.writeStartElement("graphic");
      xml.writeAttribute("xlink", XLINK, "href", absolute(img.attr("src")));
      XmlOut.text(xml, "alt-text", img.attr("alt"));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  // --- inline --------------------------------------------------------------------------------

  private void inline(XMLStreamWriter xml, Element element) throws XMLStreamException {
    for (Node child : element.childNodes()) {
      inlineNode(xml, child);
    }
  }

  private void inlineNode(XMLStreamWriter xml, Node node) throws XMLStreamException {
    if (node instanceof TextNode text) {
      xml.writeCharacters(XmlOut.clean(text.getWholeText()));
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.tagName()) {
      case "em", "i" -> wrapped(xml, "italic", element);
      case "strong", "b" -> wrapped(xml, "bold", element);
      case "code" -> wrapped(xml, "monospace", element);
      case "sub" -> wrapped(xml, "sub", element);
      case "del" -> wrapped(xml, "strike", element);
      case "sup" -> {
        Element marker = element.selectFirst("> a[href^=#fn-]");
        if (element.hasClass("footnote-ref") && marker != null) {
          crossReference(xml, "fn", marker.attr("href").substring(1), marker.text());
        } else {
          wrapped(xml, "sup", element);
        }
      }
      case "a" -> link(xml, element);
      case "br" -> xml.writeCharacters(" ");
      case "img" -> {
        if (!element.attr("src").isEmpty()) {
          xml.writeStartElement("inline-graphic");
          xml.writeAttribute("xlink", XLINK, "href", absolute(element.attr("src")));
          XmlOut.text(xml, "alt-text", element.attr("alt"));
          xml.writeEndElement();
        }
      }
      default -> inline(xml, element);
    }
  }

  private void wrapped(XMLStreamWriter xml, String name, Element element)
      throws XMLStreamException {
    xml.writeStartElement(name);
    inline(xml, element);
    xml.writeEndElement();
  }

  /**
   * A link: to a reference, a footnote or a section of this article a cross-reference (when that
   * target exists), to elsewhere an external link with an absolute address.
   */
  private void link(XMLStreamWriter xml, Element link) throws XMLStreamException {
    String href = link.attr("href");
    if (href.startsWith("#")) {
      String target = href.substring(1);
      if (ids.contains(target)) {
        String type = target.startsWith("ref-") ? "bibr" : target.startsWith("fn-") ? "fn" : "sec";
        xml.writeStartElement("xref");
        xml.writeAttribute("ref-type", type);
        xml.writeAttribute("rid", target);
        inline(xml, link);
        xml.writeEndElement();
      } else {
        inline(xml, link);
      }
      return;
    }
    if (href.isEmpty()) {
      inline(xml, link);
      return;
    }
    xml.writeStartElement("ext-link");
    xml.writeAttribute("ext-link-type", href.startsWith("mailto:") ? "email" : "uri");
    xml.writeAttribute("xlink", XLINK, "href", absolute(href));
    inline(xml, link);
    xml.writeEndElement();
  }

  private static void crossReference(XMLStreamWriter xml, String type, String rid, String text)
      throws XMLStreamException {
    xml.writeStartElement("xref");
    xml.writeAttribute("ref-type", type);
    xml.writeAttribute("rid", rid);
    xml.writeCharacters(XmlOut.clean(text.replaceAll("[\\[\\]]", "")));
    xml.writeEndElement();
  }

  /** A site path made absolute; other addresses as they are. */
  private String absolute(String href) {
    return XmlOut.clean(href.startsWith("/") && !href.startsWith("//") ? siteUrl + href : href);
  }

  // --- back ----------------------------------------------------------------------------------

  private void back(XMLStreamWriter xml) throws XMLStreamException {
    List<Map<String, Object>> references = references();
    if (source.footnotes().isEmpty() && references.isEmpty()) {
      return;
    }
    xml.writeStartElement("back");
    if (!source.footnotes().isEmpty()) {
      xml.writeStartElement("fn-group");
      for (RenderedBody.Footnote note : source.footnotes()) {
        xml.writeStartElement("fn");
        xml.writeAttribute("id", note.id());
        XmlOut.text(xml, "label", String.valueOf(note.number()));
        Element text = Jsoup.parseBodyFragment(note.html()).body();
        blocks(xml, text, true);
        if (text.text().isBlank()) {
          xml.writeEmptyElement("p");
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    if (!references.isEmpty()) {
      xml.writeStartElement("ref-list");
      XmlOut.text(xml, "title", "References");
      for (int i = 0; i < references.size(); i++) {
        xml.writeStartElement("ref");
        xml.writeAttribute("id", referenceId(i));
        reference(xml, new CslItem(references.get(i)));
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** A CSL-JSON reference as an {@code element-citation}. */
  private static void reference(XMLStreamWriter xml, CslItem item) throws XMLStreamException {
    String kind = publicationType(item.type());
    xml.writeStartElement("element-citation");
    xml.writeAttribute("publication-type", kind);
    people(xml, item, "author", "author");
    people(xml, item, "editor", "editor");
    String title = item.text("title").orElse(null);
    String container = item.text("container-title").orElse(null);
    switch (kind) {
      case "book", "report", "thesis" -> XmlOut.text(xml, "source", title);
      case "chapter" -> {
        XmlOut.text(xml, "chapter-title", title);
        XmlOut.text(xml, "source", container);
      }
      default -> {
        XmlOut.text(xml, "article-title", title);
        XmlOut.text(xml, "source", container);
      }
    }
    List<Integer> issued = item.date("issued");
    if (!issued.isEmpty()) {
      XmlOut.text(xml, "year", String.valueOf(issued.get(0)));
      if (issued.size() > 1) {
        XmlOut.text(xml, "month", String.format(Locale.ROOT, "%02d", issued.get(1)));
      }
    }
    XmlOut.text(xml, "volume", item.text("volume").orElse(null));
    XmlOut.text(xml, "issue", item.text("issue").orElse(null));
    XmlOut.text(xml, "fpage", item.firstPage().orElse(null));
    XmlOut.text(xml, "lpage", item.lastPage().orElse(null));
    XmlOut.text(xml, "publisher-loc", item.text("publisher-place").orElse(null));
    XmlOut.text(xml, "publisher-name", item.text("publisher").orElse(null));
    XmlOut.text(xml, "pub-id", "pub-id-type", "doi", item.text("DOI").orElse(null));
    String url = item.text("URL").orElse(null);
    if (url != null) {
      xml.writeStartElement("ext-link");
      xml.writeAttribute("ext-link-type", "uri");
      xml.writeAttribute("xlink", XLINK, "href", XmlOut.clean(url));
      xml.writeCharacters(XmlOut.clean(url));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void people(XMLStreamWriter xml, CslItem item, String variable, String type)
      throws XMLStreamException {
    List<CslItem.Name> names = item.names(variable);
    if (names.isEmpty()) {
      return;
    }
    xml.writeStartElement("person-group");
    xml.writeAttribute("person-group-type", type);
    for (CslItem.Name name : names) {
      if (name.literal() != null) {
        XmlOut.text(xml, "collab", name.literal());
      } else {
        xml.writeStartElement("name");
        XmlOut.text(xml, "surname", name.family());
        XmlOut.text(xml, "given-names", name.given());
        xml.writeEndElement();
      }
    }
    xml.writeEndElement();
  }

  /** The JATS publication type of a CSL item type. */
  private static String publicationType(String cslType) {
    return switch (cslType) {
      case "article-journal", "article-magazine", "article-newspaper" -> "journal";
      case "book" -> "book";
      case "chapter" -> "chapter";
      case "report" -> "report";
      case "thesis" -> "thesis";
      case "paper-conference" -> "confproc";
      case "webpage", "post-weblog", "post" -> "webpage";
      default -> "other";
    };
  }
}
