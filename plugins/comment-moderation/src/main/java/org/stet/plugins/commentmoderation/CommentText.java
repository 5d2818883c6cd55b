package org.stet.plugins.commentmoderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.stet.spi.TypedText;
import org.stet.spi.WebAddress;

/**
 * Comment text: plain text with line breaks and web addresses made into links, never HTML. Checks
 * what readers type and renders it escaped; pure, no Quarkus.
 */
final class CommentText {

  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'";

  /** What a reader typed into the comment form; nulls as empty. */
  record Typed(String name, String email, String website, String text) {

    static Typed of(String name, String email, String website, String text) {
      return new Typed(
          name == null ? "" : name.strip(),
          email == null ? "" : email.strip(),
          website == null ? "" : website.strip(),
          text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n'));
    }
  }

  /** Why a comment cannot be posted: the status and a message per field. */
  record Problems(int status, Map<String, String> fields) {

    boolean none() {
      return fields.isEmpty();
    }

    String first() {
      return fields.values().iterator().next();
    }
  }

  private CommentText() {}

  /** What is wrong with {@code typed}: 413 for over-long text, 400 for the rest, none if fine. */
  static Problems check(Typed typed, int maxLength) {
    Map<String, String> fields = new LinkedHashMap<>();
    String name = typed.name();
    if (name.isEmpty() || visible(name).isEmpty()) {
      fields.put("name", "Give your name (it is shown with your comment).");
    } else if (name.codePointCount(0, name.length()) > 100) {
      fields.put("name", "Your name is longer than 100 characters.");
    } else if (!plainLine(name)) {
      fields.put(
          "name",
          "Your name contains invisible or direction-changing characters; type it plainly.");
    }
    String email = typed.email();
    if (email.length() > 254 || !EMAIL.matcher(email).matches() || !plainLine(email)) {
      fields.put("email", "Give an e-mail address such as name@example.org (it is never shown).");
    }
    if (!typed.website().isEmpty() && !WebAddress.isHttp(typed.website())) {
      fields.put("website", "Your web site must be an address starting with https:// or http://.");
    }
    String text = typed.text();
    int length = text.codePointCount(0, text.length());
    boolean tooLong = length > maxLength;
    if (tooLong) {
      fields.put(
          "text",
          String.format(
              Locale.ROOT,
              "Your comment is %,d characters long; at most %,d fit. Shorten it; nothing was"
                  + " posted, and your text is kept below.",
              length,
              maxLength));
    } else if (visible(text).isBlank()) {
      fields.put("text", "Write your comment.");
    } else if (TypedText.hasNonText(text)) {
      fields.put("text", "Your comment contains control characters (such as NUL); remove them.");
    } else if (text.indexOf('\uFFFD') >= 0) {
      fields.put(
          "text",
          "Your comment contains bytes that are not valid text (broken UTF-8); type or paste it"
              + " again.");
    } else if (invisibleCount(text) > Math.max(10, length / 20)) {
      fields.put("text", "Your comment contains too many invisible characters; remove them.");
    }
    return new Problems(tooLong ? 413 : 400, fields);
  }

  /**
   * The text as HTML: escaped, paragraphs at blank lines, line breaks kept, web addresses as links
   * marked as user content. Each paragraph takes its own direction ({@code dir="auto"}), so a
   * right-to-left override never reaches past the comment.
   */
  static String html(String text) {
    Document document = Document.createShell("");
    document.outputSettings().prettyPrint(false);
    Element root = document.body();
    for (String paragraph : text.strip().split("\n\\s*\n")) {
      if (paragraph.isBlank()) {
        continue;
      }
      Element shown = root.appendElement("p").attr("dir", "auto");
      String[] lines = paragraph.strip().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          shown.appendElement("br");
        }
        appendLinked(shown, lines[i]);
      }
    }
    return root.html();
  }

  private static void appendLinked(Element paragraph, String line) {
    Matcher matcher = URL.matcher(line);
    int from = 0;
    while (matcher.find()) {
      String url = matcher.group();
      int end = url.length();
      while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      url = url.substring(0, end);
      paragraph.appendText(line.substring(from, matcher.start()));
      if (WebAddress.isHttp(url)) {
        paragraph
            .appendElement("a")
            .attr("href", url)
            .attr("rel", "nofollow ugc noopener")
            .text(url);
      } else {
        paragraph.appendText(url);
      }
      from = matcher.start() + end;
    }
    paragraph.appendText(line.substring(from));
  }

  /** The web addresses in the text (what "links" counts). */
  static List<String> links(String text) {
    List<String> links = new ArrayList<>();
    Matcher matcher = URL.matcher(text);
    while (matcher.find()) {
      links.add(matcher.group());
    }
    Matcher www = Pattern.compile("(?i)(?<![/\\w.])www\\.[\\w-]+\\.[a-z]{2,}").matcher(text);
    while (www.find()) {
      links.add(www.group());
    }
    return links;
  }

  /** Identifies "the same comment again": same article, same e-mail, same words. */
  static String duplicateKey(long articleId, String email, String text) {
    String normal =
        articleId
            + "\n"
            + email.toLowerCase(Locale.ROOT)
            + "\n"
            + visible(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text without zero-width and other invisible formatting characters. */
  static String visible(String text) {
    return text.codePoints()
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .strip();
  }

  private static long invisibleCount(String text) {
    return text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT).count();
  }

  /**
   * Whether a one-line field (name, e-mail) is plain: no line breaks, tabs or other control
   * characters, no zero-width or direction-changing characters (Unicode category Cf), no
   * noncharacters and no broken UTF-8 (U+FFFD).
   */
  private static boolean plainLine(String value) {
    return !TypedText.hasNonText(value)
        && value
            .codePoints()
            .noneMatch(
                c ->
                    c == '\n'
                        || c == '\t'
                        || c == '\r'
                        || c == 0xFFFD
                        || c == 0x2028
                        || c == 0x2029
                        || Character.getType(c) == Character.FORMAT);
  }
}
