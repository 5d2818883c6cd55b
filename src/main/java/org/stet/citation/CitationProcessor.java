package org.stet.citation;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.DefaultLocaleProvider;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.output.Bibliography;
import de.undercouch.citeproc.output.Citation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stet.markdown.CitationCluster;
import org.stet.markdown.CitationFormatter;
import org.stet.markdown.MarkdownRenderer;

/**
 * Formats in-text citations and the reference list with a CSL style, through citeproc-java
 * (decision 0013). One processor run per rendering: every reference is registered first, those the
 * text cites in the order it cites them (numeric styles number by it), then citations are made in
 * body order and the list follows.
 */
@ApplicationScoped
public class CitationProcessor {

  private static final Logger LOG = Logger.getLogger(CitationProcessor.class);

  /**
   * Stand-ins for straight quotes during a run: the processor turns {@code 'word'} into curly
   * quotes, but the writer's characters are kept as typed (the seed's "'very smart'"). The first
   * character that no field contains is used.
   */
  private static final String STAND_INS = "\u2bd0\u2bd1\u2bd2\u2bd3\u2bd4\u2bd5\u2bd6\u2bd7";

  /** One entry of the reference list: its key, the id it is linked by, and its text as HTML. */
  public record Entry(String key, String anchor, String html) {}

  /**
   * The citations (one per cluster, null for an unknown key) and the list, in the style's order.
   */
  public record Output(List<CitationFormatter.Formatted> citations, List<Entry> entries) {}

  private final CitationStyles styles;
  private final MarkdownRenderer markdown;

  CitationProcessor(CitationStyles styles, MarkdownRenderer markdown) {
    this.styles = styles;
    this.markdown = markdown;
  }

  /** The anchor of the reference at {@code position} (from 0) in the article's list. */
  public static String anchor(int position) {
    return "ref-" + (position + 1);
  }

  /**
   * Formats {@code clusters} and the reference list of {@code items} (checked CSL-JSON) in style
   * {@code styleId} (the default style when it is not in the collection).
   */
  public Output process(
      String styleId, List<Map<String, Object>> items, List<CitationCluster> clusters) {
    List<CitationFormatter.Formatted> citations =
        new ArrayList<>(Collections.nCopies(clusters.size(), null));
    if (items.isEmpty()) {
      return new Output(citations, List.of());
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      positions.put(References.key(items.get(i)), i);
    }
    String style =
        styles.source(styleId).orElseGet(() -> styles.source(CitationStyles.DEFAULT).get());
    // Numbers show no names, so a left-out author changes nothing there.
    boolean numeric = style.contains("citation-format=\"numeric\"");
    Set<String> suppressed = new HashSet<>();
    for (CitationCluster cluster : clusters) {
      for (CitationCluster.Cite cite : cluster.cites()) {
        if (cite.suppressAuthor() && !numeric && positions.containsKey(cite.key())) {
          suppressed.add(cite.key());
        }
      }
    }
    Quotes quotes = new Quotes(items, suppressed);
    try {
      CSL csl =
          new CSL(
              new ListItemDataProvider(quotes.items()),
              new DefaultLocaleProvider(),
              new DefaultAbbreviationProvider(),
              style,
              "en-US");
      csl.setOutputFormat("html");
      csl.setConvertLinks(true);
      // Registered first, in the order the text cites them and then the rest in the writer's
      // order: numeric styles number by it, and every citation sees the whole list.
      Set<String> registered = new LinkedHashSet<>();
      for (CitationCluster cluster : clusters) {
        if (known(cluster, positions)) {
          cluster.cites().forEach(cite -> registered.add(cite.key()));
        }
      }
      items.forEach(item -> registered.add(References.key(item)));
      csl.registerCitationItems(new ArrayList<>(registered));
      for (int i = 0; i < clusters.size(); i++) {
        CitationCluster cluster = clusters.get(i);
        if (!known(cluster, positions)) {
          continue;
        }
        CSLCitationItem[] cites =
            cluster.cites().stream().map(quotes::item).toArray(CSLCitationItem[]::new);
        List<Citation> made = csl.makeCitation(new CSLCitation(cites));
        Citation newest =
            made.stream().max(java.util.Comparator.comparingInt(Citation::getIndex)).orElseThrow();
        citations.set(
            i,
            new CitationFormatter.Formatted(
                inline(quotes.restore(quotes.withoutStandInName(newest.getText()))),
                anchor(positions.get(cluster.cites().get(0).key()))));
      }
      List<String> order = new ArrayList<>();
      Bibliography bibliography =
          csl.makeBibliography(
              item -> {
                if (quotes.isStandIn(item.getId())) {
                  return false;
                }
                order.add(item.getId());
                return true;
              });
      String[] texts = bibliography.getEntries();
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < texts.length && i < order.size(); i++) {
        String key = order.get(i);
        entries.add(new Entry(key, anchor(positions.get(key)), entry(quotes.restore(texts[i]))));
      }
      return new Output(citations, entries);
    } catch (IOException | RuntimeException e) {
      LOG.warnf(e, "Citation style %s could not format these references; listing titles", styleId);
      return new Output(citations, plainList(items));
    }
  }

  private static boolean known(CitationCluster cluster, Map<String, Integer> positions) {
    return cluster.cites().stream().allMatch(cite -> positions.containsKey(cite.key()));
  }

  /** A citation's HTML with the processor's inline styles as plain elements. */
  private String inline(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    plainElements(document);
    return markdown.sanitise(document.body().html());
  }

  /** An entry's HTML: the processor's wrapper divs and inline styles gone, cleaned. */
  private String entry(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    Element body = document.body();
    Element margin = body.selectFirst("div.csl-left-margin");
    if (margin != null) {
      margin.after(" ");
    }
    body.select("div").unwrap();
    plainElements(document);
    return markdown.sanitise(body.html().strip().replaceAll("\\s*\\n\\s*", " "));
  }

  private static void plainElements(Document document) {
    for (Element span : document.select("span[style]")) {
      String style = span.attr("style");
      if (style.contains("italic")) {
        span.tagName("i").removeAttr("style");
      } else if (style.contains("bold")) {
        span.tagName("b").removeAttr("style");
      } else {
        span.unwrap();
      }
    }
  }

  /** Titles only, escaped: what the page shows if a style fails on unusual data. */
  private List<Entry> plainList(List<Map<String, Object>> items) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      Object title = item.getOrDefault("title", item.getOrDefault("URL", item.get("DOI")));
      Element text = new Element("span").text(String.valueOf(title));
      entries.add(new Entry(References.key(item), anchor(i), markdown.sanitise(text.html())));
    }
    return entries;
  }

  /**
   * The items for a run: straight quotes swapped for stand-ins (and back in the output), and for
   * each work cited with its author left out, a copy whose names are one stand-in name, removed
   * from the citation afterwards. (citeproc-java 3.4 ignores CSL's suppress-author; leaving the
   * names out instead would make styles print the title in their place.)
   */
  private static final class Quotes {
    private final CSLItemData[] items;
    private final char single;
    private final char dual;
    private final char name;
    private final Set<String> suppressed;

    Quotes(List<Map<String, Object>> raw, Set<String> suppressed) {
      StringBuilder all = new StringBuilder();
      raw.forEach(item -> all.append(item));
      List<Character> free = new ArrayList<>();
      for (char c : STAND_INS.toCharArray()) {
        if (all.indexOf(String.valueOf(c)) < 0) {
          free.add(c);
        }
      }
      boolean enough = free.size() >= 3;
      single = enough ? free.get(0) : 0;
      dual = enough ? free.get(1) : 0;
      name = enough ? free.get(2) : 0;
      this.suppressed = enough ? suppressed : Set.of();
      List<CSLItemData> data = new ArrayList<>();
      for (Map<String, Object> item : raw) {
        Map<String, Object> swapped = swap(item);
        data.add(CSLItemData.fromJson(swapped));
        if (this.suppressed.contains(References.key(item))) {
          Map<String, Object> nameless = new LinkedHashMap<>(swapped);
          Csl.NAME_FIELDS.forEach(nameless::remove);
          nameless.put("author", List.of(Map.of("literal", String.valueOf(name))));
          nameless.put("id", References.key(item) + name);
          data.add(CSLItemData.fromJson(nameless));
        }
      }
      items = data.toArray(CSLItemData[]::new);
    }

    CSLItemData[] items() {
      return items;
    }

    boolean isStandIn(String id) {
      return name != 0 && id.indexOf(name) >= 0;
    }

    CSLCitationItem item(CitationCluster.Cite cite) {
      boolean nameless = cite.suppressAuthor() && suppressed.contains(cite.key());
      CSLCitationItemBuilder item =
          new CSLCitationItemBuilder(nameless ? cite.key() + name : cite.key());
      if (!cite.prefix().isEmpty()) {
        item.prefix(cite.prefix() + " ");
      }
      // The locator is kept as the writer typed it ("p. 12"), not re-labelled by the style.
      if (!cite.suffix().isEmpty()) {
        item.suffix(cite.suffix().startsWith(",") ? cite.suffix() : " " + cite.suffix());
      }
      return item.build();
    }

    /** The citation without the stand-in name and the separator the style put after it. */
    String withoutStandInName(String html) {
      return name == 0
          ? html
          : html.replaceAll(Pattern.quote(String.valueOf(name)) + "[,.]?\\s*", "");
    }

    private Map<String, Object> swap(Map<String, Object> item) {
      Map<String, Object> copy = new LinkedHashMap<>();
      item.forEach((key, value) -> copy.put(key, swapValue(value)));
      return copy;
    }

    @SuppressWarnings("unchecked")
    private Object swapValue(Object value) {
      if (value instanceof String text && single != 0) {
        return text.replace('\'', single).replace('"', dual);
      }
      if (value instanceof Map<?, ?> map) {
        return swap((Map<String, Object>) map);
      }
      if (value instanceof List<?> list) {
        return list.stream().map(this::swapValue).toList();
      }
      return value;
    }

    String restore(String html) {
      if (single == 0) {
        return html;
      }
      return html.replace(single, '\'').replace(dual, '"');
    }
  }
}
