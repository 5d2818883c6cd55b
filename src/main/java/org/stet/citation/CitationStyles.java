package org.stet.citation;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The citation styles Stet can use: every style of the Citation Style Language's published
 * collection ({@code org.citationstyles:styles}, one {@code <id>.csl} per style on the class path),
 * with the six most journals and institutes ask for offered first.
 */
@ApplicationScoped
public class CitationStyles {

  /** The style of a new site: APA 7th edition. */
  public static final String DEFAULT = "apa";

  /** A style's id (its file name in the collection) and its name as people know it. */
  public record Style(String id, String title) {}

  /** Offered first in the desk, in this order. */
  public static final List<Style> FEATURED =
      List.of(
          new Style("apa", "APA 7th edition"),
          new Style("chicago-author-date", "Chicago author-date (17th edition)"),
          new Style("harvard-cite-them-right", "Harvard (Cite Them Right)"),
          new Style("modern-language-association", "MLA 9th edition"),
          new Style("ieee", "IEEE"),
          new Style("vancouver", "Vancouver"));

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
  private static final Pattern PARENT_ID =
      Pattern.compile("https?://www\\.zotero\\.org/styles/([a-z0-9]+(?:-[a-z0-9]+)*)");

  /** A loaded style: its name and the XML that formats (the parent's, for a dependent style). */
  private record Loaded(String title, String xml) {}

  /** Styles in use; only ones that exist, so probing ids cannot fill it. */
  private final ConcurrentHashMap<String, Loaded> loaded = new ConcurrentHashMap<>();

  /** The style {@code id}, when the collection has it. */
  public Optional<Style> find(String id) {
    return load(id).map(style -> new Style(id, style.title()));
  }

  /**
   * {@code id} stripped, when it names a style Stet can render with.
   *
   * @throws ReferenceProblem saying there is no such style
   */
  public String require(String id) {
    String style = id == null ? "" : id.strip();
    if (!exists(style)) {
      throw new ReferenceProblem(
          "There is no citation style \""
              + style
              + "\" in Stet's collection. Use a style's id from the Citation Style Language"
              + " collection, e.g. apa, chicago-author-date or nature.");
    }
    return style;
  }

  /** Whether {@code id} names a style Stet can render with. */
  public boolean exists(String id) {
    return source(id).isPresent();
  }

  /**
   * The CSL XML of {@code id}. A dependent style (a journal that uses, say, APA) names its parent;
   * the parent's XML is returned, since only independent styles say how to format.
   */
  public Optional<String> source(String id) {
    return load(id).map(Loaded::xml);
  }

  private Optional<Loaded> load(String id) {
    if (id == null || id.length() > 120 || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Loaded known = loaded.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    String xml = read(id);
    if (xml == null) {
      return Optional.empty();
    }
    Info info = info(xml);
    if (info == null) {
      return Optional.empty();
    }
    String formatting = xml;
    if (info.parent() != null) {
      formatting = read(info.parent());
      if (formatting == null) {
        return Optional.empty();
      }
    }
    Loaded style = new Loaded(title(id, info.title()), formatting);
    loaded.put(id, style);
    return Optional.of(style);
  }

  /** The style's file: independent styles at the jar's root, dependent ones in "dependent/". */
  private static String read(String id) {
    for (String folder : List.of("/", "/dependent/")) {
      try (InputStream in = CitationStyles.class.getResourceAsStream(folder + id + ".csl")) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  private static String title(String id, String title) {
    for (Style style : FEATURED) {
      if (style.id().equals(id)) {
        return style.title();
      }
    }
    return title == null || title.isBlank() ? id : title.strip();
  }

  /** A style's title, and the id of its parent when it is a dependent style. */
  private record Info(String title, String parent) {}

  /** Read with a parser that refuses document types (no external entities, no expansion). */
  private static Info info(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(true);
      Document document =
          factory.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(xml)));
      NodeList titles = document.getElementsByTagNameNS("*", "title");
      String title = titles.getLength() == 0 ? null : titles.item(0).getTextContent();
      boolean independent = document.getElementsByTagNameNS("*", "citation").getLength() > 0;
      String parent = null;
      NodeList links = document.getElementsByTagNameNS("*", "link");
      for (int i = 0; i < links.getLength() && !independent; i++) {
        Element link = (Element) links.item(i);
        Matcher id = PARENT_ID.matcher(link.getAttribute("href"));
        if ("independent-parent".equals(link.getAttribute("rel")) && id.matches()) {
          parent = id.group(1);
        }
      }
      return new Info(title, parent);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return null;
    }
  }
}
