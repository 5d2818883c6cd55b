package org.stet.markdown;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one sanitising policy for article bodies, applied last on every path that shows one: the
 * public page (after plugins' content filters), the desk's reading views and the editor's preview.
 *
 * <p>jsoup's {@link Cleaner} keeps an allow-list of elements, attributes and URL schemes; then
 * values the allow-list cannot express are checked: an {@code id} must be one Stet gives ({@code
 * fn-1}, {@code fnref-1}, {@code fnref-1-2}, {@code sec-1}, never derived from what a writer
 * typed), a {@code class} one of Stet's few, and a link either http(s), mailto, a path on this site
 * or a fragment. What a writer types can therefore never become a form, a meta refresh, a script, a
 * style, an event handler or an element that looks like the desk's own controls.
 */
final class BodyPolicy {

  /** Base address for resolving relative links while their scheme is checked; never written. */
  private static final String BASE = "https://stet.invalid/";

  private static final Pattern OWN_ID =
      Pattern.compile("(fn|sec)-[1-9][0-9]{0,5}|fnref-[1-9][0-9]{0,5}(-[1-9][0-9]{0,5})?");

  /** The classes Stet's renderer writes; anything else is dropped. */
  static final Set<String> CLASSES =
      Set.of(
          "footnote-ref",
          "footnotes",
          "footnote-back",
          "citation",
          "citation-missing",
          "figure-number");

  private static final Safelist SAFELIST =
      new Safelist()
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
              "a",
              "img",
              "del",
              "i",
              "b",
              "mark",
              "figure",
              "figcaption",
              "span")
          .addAttributes("a", "href", "title", "id", "class")
          .addAttributes("sup", "class", "id")
          .addAttributes("ol", "start", "class")
          .addAttributes("li", "id")
          .addAttributes("h2", "id")
          .addAttributes("h3", "id")
          .addAttributes("h4", "id")
          .addAttributes("h5", "id")
          .addAttributes("h6", "id")
          .addAttributes("th", "align")
          .addAttributes("td", "align")
          .addAttributes(
              "img",
              "src",
              "alt",
              "title",
              "srcset",
              "sizes",
              "width",
              "height",
              "loading",
              "decoding")
          .addAttributes("span", "class")
          .addAttributes("mark", "class", "title")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addProtocols("img", "src", "http", "https")
          .preserveRelativeLinks(true);

  private BodyPolicy() {}

  /** {@code html} (a fragment) cleaned by the policy. */
  static Document clean(String html) {
    return clean(Jsoup.parseBodyFragment(html, BASE));
  }

  /** {@code dirty} cleaned by the policy; {@code dirty} itself is left as it was. */
  static Document clean(Document dirty) {
    dirty.setBaseUri(BASE);
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    for (Element element : clean.body().getAllElements()) {
      enforceValues(element);
    }
    clean.outputSettings().prettyPrint(false);
    return clean;
  }

  /** A srcset Stet writes: media library paths with their widths. */
  private static final Pattern SRCSET =
      Pattern.compile(
          "/media/[A-Za-z0-9_-]{22}/[0-9a-f]{12}/[0-9]{1,5}\\.(jpg|png) [0-9]{1,5}w"
              + "(, /media/[A-Za-z0-9_-]{22}/[0-9a-f]{12}/[0-9]{1,5}\\.(jpg|png) [0-9]{1,5}w)*");

  private static void enforceValues(Element element) {
    if (element.tagName().equals("img")) {
      if (element.hasAttr("srcset") && !SRCSET.matcher(element.attr("srcset")).matches()) {
        element.removeAttr("srcset").removeAttr("sizes");
      }
      for (String size : new String[] {"width", "height"}) {
        if (element.hasAttr(size) && !element.attr(size).matches("[1-9][0-9]{0,4}")) {
          element.removeAttr(size);
        }
      }
      if (element.hasAttr("loading") && !element.attr("loading").equals("lazy")) {
        element.removeAttr("loading");
      }
      if (element.hasAttr("decoding") && !element.attr("decoding").equals("async")) {
        element.removeAttr("decoding");
      }
      if (element.hasAttr("sizes") && !element.attr("sizes").matches("[()a-z0-9:., -]{1,100}")) {
        element.removeAttr("sizes");
      }
    }
    if (element.hasAttr("id") && !OWN_ID.matcher(element.id()).matches()) {
      element.removeAttr("id");
    }
    if (element.hasAttr("class")) {
      Set<String> kept = new java.util.LinkedHashSet<>(element.classNames());
      kept.retainAll(CLASSES);
      if (kept.isEmpty()) {
        element.removeAttr("class");
      } else {
        element.classNames(kept);
      }
    }
    for (String attribute : new String[] {"href", "src"}) {
      if (element.hasAttr(attribute)) {
        String value = element.attr(attribute);
        if (value.startsWith("//")) {
          element.attr(attribute, "https:" + value); // no scheme-relative surprises
        } else if (!allowedTarget(value)) {
          element.removeAttr(attribute);
        }
      }
    }
  }

  /**
   * An absolute http(s) or mailto address (the scheme was checked by the safelist), a path on this
   * site or a fragment; not a relative path whose meaning depends on the page it is shown on.
   */
  private static boolean allowedTarget(String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")
        || value.startsWith("/")
        || value.startsWith("#");
  }
}
