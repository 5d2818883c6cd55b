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
  private static final Pattern TITLE = Pattern.compile("<title>([^<]{1,300})</title>");
  private static final Pattern PARENT =
      Pattern.compile(
          "<link[^>]*href=\"https?://www\\.zotero\\.org/styles/([a-z0-9-]+)\"[^>]*rel=\"independent-parent\"");

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
    String formatting = xml;
    Matcher parent = PARENT.matcher(xml);
    if (!xml.contains("<citation") && parent.find()) {
      formatting = read(parent.group(1));
      if (formatting == null) {
        return Optional.empty();
      }
    }
    Loaded style = new Loaded(title(id, xml), formatting);
    loaded.put(id, style);
    return Optional.of(style);
  }

  private static String read(String id) {
    try (InputStream in = CitationStyles.class.getResourceAsStream("/" + id + ".csl")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static String title(String id, String xml) {
    for (Style style : FEATURED) {
      if (style.id().equals(id)) {
        return style.title();
      }
    }
    Matcher title = TITLE.matcher(xml);
    return title.find() ? title.group(1).replace("&amp;", "&").strip() : id;
  }
}
