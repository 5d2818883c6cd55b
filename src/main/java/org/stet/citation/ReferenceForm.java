package org.stet.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's form for one reference: a form per kind of work (journal article, book, chapter,
 * report, web page, news article), each with the fields citation styles use for it, and the way
 * between those fields and a CSL-JSON item. Fields the form does not show are kept as they were.
 */
public final class ReferenceForm {

  /** One input: the CSL variable, its label, a hint, and how it is typed. */
  public record Field(String name, String label, String hint, Kind kind) {

    /** Whether the input is a list of names (one per line). */
    public boolean isNames() {
      return kind == Kind.NAMES;
    }
  }

  /** How a field is typed. */
  public enum Kind {
    TEXT,
    NAMES,
    DATE
  }

  /** A kind of work the desk has a form for: its CSL type, its name and its fields. */
  public record Type(String id, String label, List<Field> fields) {}

  private static final Field AUTHORS =
      new Field(
          "author",
          "Authors",
          "One per line, family name first: \"Walker, Shaun\". An organisation on its own line"
              + " without a comma.",
          Kind.NAMES);
  private static final Field EDITORS =
      new Field("editor", "Editors", "One per line, family name first.", Kind.NAMES);
  private static final Field ISSUED =
      new Field("issued", "Year or date", "2017, or 2017-01-05", Kind.DATE);
  private static final Field TITLE = new Field("title", "Title", "", Kind.TEXT);
  private static final Field PUBLISHER = new Field("publisher", "Publisher", "", Kind.TEXT);
  private static final Field PLACE =
      new Field("publisher-place", "Place of publication", "", Kind.TEXT);
  private static final Field PAGES = new Field("page", "Pages", "e.g. 12-34", Kind.TEXT);
  private static final Field DOI = new Field("DOI", "DOI", "e.g. 10.1038/193293a0", Kind.TEXT);
  private static final Field URL =
      new Field("URL", "URL", "The address where it can be read", Kind.TEXT);
  private static final Field ACCESSED =
      new Field("accessed", "Accessed on", "The date you read it online: 2020-01-05", Kind.DATE);

  /** The six forms, in the order the desk offers them. */
  public static final List<Type> TYPES =
      List.of(
          new Type(
              "article-journal",
              "Journal article",
              List.of(
                  AUTHORS,
                  ISSUED,
                  TITLE,
                  new Field("container-title", "Journal", "", Kind.TEXT),
                  new Field("volume", "Volume", "", Kind.TEXT),
                  new Field("issue", "Issue", "", Kind.TEXT),
                  PAGES,
                  DOI,
                  URL)),
          new Type(
              "book",
              "Book",
              List.of(
                  AUTHORS,
                  EDITORS,
                  ISSUED,
                  TITLE,
                  new Field("edition", "Edition", "e.g. 2", Kind.TEXT),
                  PUBLISHER,
                  PLACE,
                  new Field("ISBN", "ISBN", "", Kind.TEXT),
                  DOI,
                  URL)),
          new Type(
              "chapter",
              "Book chapter",
              List.of(
                  AUTHORS,
                  ISSUED,
                  TITLE,
                  EDITORS,
                  new Field("container-title", "Book title", "", Kind.TEXT),
                  PAGES,
                  PUBLISHER,
                  PLACE,
                  DOI,
                  URL)),
          new Type(
              "report",
              "Report",
              List.of(
                  AUTHORS,
                  ISSUED,
                  TITLE,
                  new Field("publisher", "Institution", "Who published it", Kind.TEXT),
                  new Field("number", "Report number", "", Kind.TEXT),
                  new Field("collection-title", "Series", "", Kind.TEXT),
                  PLACE,
                  DOI,
                  URL)),
          new Type(
              "webpage",
              "Web page",
              List.of(
                  AUTHORS,
                  ISSUED,
                  TITLE,
                  new Field("container-title", "Website", "e.g. The Guardian", Kind.TEXT),
                  URL,
                  ACCESSED)),
          new Type(
              "article-newspaper",
              "News article",
              List.of(
                  AUTHORS,
                  ISSUED,
                  TITLE,
                  new Field("container-title", "Newspaper", "", Kind.TEXT),
                  PAGES,
                  URL,
                  ACCESSED)));

  /** For works of other types (read from a paste): the fields most styles use. */
  private static final List<Field> OTHER =
      List.of(
          AUTHORS,
          EDITORS,
          ISSUED,
          TITLE,
          new Field("container-title", "Appeared in", "Journal, book or website", Kind.TEXT),
          PUBLISHER,
          PAGES,
          DOI,
          URL);

  private static final Pattern DATE =
      Pattern.compile("(-?\\d{1,4})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?");

  private ReferenceForm() {}

  /** The form for CSL type {@code type}: one of the six, or the general one. */
  public static Type type(String type) {
    for (Type known : TYPES) {
      if (known.id().equals(type)) {
        return known;
      }
    }
    return new Type(type, "Other (" + type + ")", OTHER);
  }

  /** What the form shows for {@code item}: each field's text. */
  public static Map<String, String> values(Map<String, Object> item) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", References.key(item));
    for (Field field : type(String.valueOf(item.get("type"))).fields()) {
      Object value = item.get(field.name());
      values.put(
          field.name(),
          value == null
              ? ""
              : switch (field.kind()) {
                case NAMES -> names(value);
                case DATE -> date(value);
                case TEXT -> value.toString();
              });
    }
    return values;
  }

  /**
   * {@code before} (an item, or empty for a new one) with the form's {@code values} for type {@code
   * type}: the fields of the form replace the item's (an empty one removes it), others are kept.
   * The result still goes through {@link References#check}.
   */
  public static Map<String, Object> apply(
      Map<String, Object> before, String type, Map<String, String> values) {
    Map<String, Object> item = new LinkedHashMap<>(before);
    item.put("id", values.getOrDefault("id", "").strip());
    item.put("type", type);
    for (Field field : type(type).fields()) {
      String text = values.getOrDefault(field.name(), "").strip();
      if (text.isEmpty()) {
        item.remove(field.name());
        continue;
      }
      item.put(
          field.name(),
          switch (field.kind()) {
            case NAMES -> parseNames(text);
            case DATE -> parseDate(text);
            case TEXT -> text;
          });
    }
    return item;
  }

  private static String names(Object value) {
    List<String> lines = new ArrayList<>();
    if (value instanceof List<?> names) {
      for (Object name : names) {
        if (name instanceof Map<?, ?> parts) {
          Object literal = parts.get("literal");
          Object family = parts.get("family");
          Object given = parts.get("given");
          lines.add(
              literal != null ? literal.toString() : family + (given == null ? "" : ", " + given));
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String date(Object value) {
    if (value instanceof Map<?, ?> date) {
      if (date.get("date-parts") instanceof List<?> parts
          && !parts.isEmpty()
          && parts.get(0) instanceof List<?> first) {
        List<String> texts = new ArrayList<>();
        for (Object part : first) {
          String text = part.toString();
          texts.add(texts.isEmpty() || text.length() > 1 ? text : "0" + text);
        }
        return String.join("-", texts);
      }
      Object text = date.get("literal") != null ? date.get("literal") : date.get("raw");
      return text == null ? "" : text.toString();
    }
    return String.valueOf(value);
  }

  private static List<Map<String, Object>> parseNames(String text) {
    List<Map<String, Object>> names = new ArrayList<>();
    for (String line : text.split("\\r?\\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      Map<String, Object> person = new LinkedHashMap<>();
      int comma = name.indexOf(',');
      if (comma < 0) {
        person.put("literal", name);
      } else {
        person.put("family", name.substring(0, comma).strip());
        String given = name.substring(comma + 1).strip();
        if (!given.isEmpty()) {
          person.put("given", given);
        }
      }
      names.add(person);
    }
    return names;
  }

  private static Map<String, Object> parseDate(String text) {
    Matcher date = DATE.matcher(text);
    if (!date.matches()) {
      return Map.of("literal", text);
    }
    List<Integer> parts = new ArrayList<>();
    for (int group = 1; group <= 3 && date.group(group) != null; group++) {
      parts.add(Integer.parseInt(date.group(group)));
    }
    return Map.of("date-parts", List.of(parts));
  }
}
