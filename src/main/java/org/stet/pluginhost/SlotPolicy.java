package org.stet.pluginhost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.stet.spi.Slot;

/**
 * What a plugin's slot HTML may contain, applied to every part before it reaches a page: plugins
 * escape what people typed themselves (Qute does it by default), and this is the second defence if
 * one forgets. The desk's navigation takes list items and links, the comment count plain text, the
 * head meta and link elements; the page slots take document elements and forms, never scripts,
 * styles, frames, event handlers or {@code javascript:} addresses. JSON-LD data blocks ({@code
 * <script type="application/ld+json">}) are kept when they are JSON, written afresh with {@code <}
 * escaped so no text can end the block.
 */
final class SlotPolicy {

  /** Base address for resolving relative links while their scheme is checked; never written. */
  private static final String BASE = "https://stet.invalid/";

  private static final String JSON_LD = "script[type=application/ld+json]";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static final String[] COMMON =
      new String[] {
        "class",
        "id",
        "dir",
        "lang",
        "title",
        "role",
        "hidden",
        "tabindex",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
        "aria-invalid",
        "aria-live",
        "aria-current"
      };

  private static final Safelist NAV =
      new Safelist()
          .addTags("li", "a", "span")
          .addAttributes(":all", COMMON)
          .addAttributes("a", "href", "rel")
          .addProtocols("a", "href", "http", "https")
          .preserveRelativeLinks(true);

  private static final Safelist HEAD =
      new Safelist()
          .addTags("meta", "link")
          .addAttributes("meta", "name", "property", "content")
          .addAttributes("link", "rel", "href", "type", "hreflang", "title")
          .addProtocols("link", "href", "http", "https")
          .preserveRelativeLinks(true);

  private static final Safelist PAGE =
      new Safelist()
          .addTags(
              "a",
              "abbr",
              "aside",
              "b",
              "bdi",
              "blockquote",
              "br",
              "button",
              "cite",
              "code",
              "dd",
              "del",
              "div",
              "dl",
              "dt",
              "em",
              "fieldset",
              "figcaption",
              "figure",
              "footer",
              "form",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "header",
              "hr",
              "i",
              "img",
              "input",
              "ins",
              "label",
              "legend",
              "li",
              "nav",
              "ol",
              "option",
              "p",
              "pre",
              "q",
              "s",
              "section",
              "select",
              "small",
              "span",
              "strong",
              "sub",
              "sup",
              "table",
              "tbody",
              "td",
              "textarea",
              "tfoot",
              "th",
              "thead",
              "time",
              "tr",
              "u",
              "ul")
          .addAttributes(":all", COMMON)
          .addAttributes("a", "href", "rel", "hreflang")
          .addAttributes("img", "src", "alt", "width", "height", "loading", "decoding")
          .addAttributes("time", "datetime")
          .addAttributes("form", "action", "method", "novalidate")
          .addAttributes(
              "input",
              "type",
              "name",
              "value",
              "required",
              "maxlength",
              "minlength",
              "autocomplete",
              "checked",
              "placeholder",
              "size",
              "inputmode",
              "readonly",
              "disabled")
          .addAttributes("textarea", "name", "rows", "cols", "required", "maxlength", "placeholder")
          .addAttributes("button", "type", "name", "value", "disabled")
          .addAttributes("label", "for")
          .addAttributes("select", "name", "required")
          .addAttributes("option", "value", "selected")
          .addAttributes("ol", "start", "reversed")
          .addAttributes("td", "colspan", "rowspan")
          .addAttributes("th", "colspan", "rowspan", "scope")
          .addAttributes("blockquote", "cite")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addProtocols("img", "src", "http", "https")
          .addProtocols("form", "action", "http", "https")
          .addProtocols("blockquote", "cite", "http", "https")
          .preserveRelativeLinks(true);

  private SlotPolicy() {}

  /** {@code html} from a plugin for {@code slot}, as the policy lets it onto the page. */
  static String clean(Slot slot, String html) {
    if (html.isEmpty()) {
      return html;
    }
    if (slot == Slot.ARTICLE_COMMENT_COUNT) {
      return org.jsoup.nodes.Entities.escape(Jsoup.parseBodyFragment(html).text());
    }
    Document dirty = Jsoup.parseBodyFragment(html, BASE);
    // JSON-LD blocks wait outside the cleaner, each where it was (as a marker text).
    String nonce = Long.toHexString(RANDOM.nextLong());
    List<String> data = new ArrayList<>();
    for (Element block : dirty.select(JSON_LD)) {
      java.util.Optional<String> json =
          slot == Slot.DESK_NAV || slot == Slot.DESK_TODOS
              ? java.util.Optional.empty()
              : jsonLd(block.data());
      if (json.isPresent()) {
        block.replaceWith(new TextNode(marker(nonce, data.size())));
        data.add(json.get());
      } else {
        block.remove();
      }
    }
    Safelist safelist =
        slot == Slot.DESK_NAV || slot == Slot.DESK_TODOS ? NAV : slot == Slot.HEAD ? HEAD : PAGE;
    Document clean = new Cleaner(safelist).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    for (Element element : clean.body().getAllElements()) {
      for (String attribute : new String[] {"href", "src", "action", "cite"}) {
        if (element.hasAttr(attribute) && !allowedTarget(element.attr(attribute))) {
          element.removeAttr(attribute);
        }
      }
    }
    if (!data.isEmpty()) {
      for (TextNode text : textNodes(clean)) {
        for (int i = 0; i < data.size(); i++) {
          if (text.getWholeText().equals(marker(nonce, i))) {
            Element script = new Element("script").attr("type", "application/ld+json");
            script.appendChild(new DataNode(data.get(i)));
            text.replaceWith(script);
          }
        }
      }
    }
    return clean.body().html();
  }

  private static String marker(String nonce, int index) {
    return "\uE000json-ld-" + nonce + "-" + index + "\uE000";
  }

  private static List<TextNode> textNodes(Document document) {
    List<TextNode> texts = new ArrayList<>();
    document
        .body()
        .traverse(
            (node, depth) -> {
              if (node instanceof TextNode text) {
                texts.add(text);
              }
            });
    return texts;
  }

  /**
   * The block's JSON written again with every {@code <}, {@code >} and {@code &} as a Unicode
   * escape; nothing when it is not JSON.
   */
  private static java.util.Optional<String> jsonLd(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !(node.isObject() || node.isArray())) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(
          JSON.writeValueAsString(node)
              .replace("<", "\\u003c")
              .replace(">", "\\u003e")
              .replace("&", "\\u0026"));
    } catch (JsonProcessingException e) {
      return java.util.Optional.empty();
    }
  }

  /** http(s) or mailto (the safelist checked the scheme), a path on this site, or a fragment. */
  private static boolean allowedTarget(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")
        || (value.startsWith("/") && !value.startsWith("//"))
        || value.startsWith("#");
  }
}
