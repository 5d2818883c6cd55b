package org.stet.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One RIS record as CSL-JSON: the tags of the RIS specification that CSL has a field for. */
final class Ris {

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("JOUR", "article-journal"),
          Map.entry("EJOUR", "article-journal"),
          Map.entry("JFULL", "article-journal"),
          Map.entry("ABST", "article-journal"),
          Map.entry("MGZN", "article-magazine"),
          Map.entry("NEWS", "article-newspaper"),
          Map.entry("BOOK", "book"),
          Map.entry("EBOOK", "book"),
          Map.entry("EDBOOK", "book"),
          Map.entry("CHAP", "chapter"),
          Map.entry("ECHAP", "chapter"),
          Map.entry("RPRT", "report"),
          Map.entry("GOVDOC", "report"),
          Map.entry("CONF", "paper-conference"),
          Map.entry("CPAPER", "paper-conference"),
          Map.entry("THES", "thesis"),
          Map.entry("ELEC", "webpage"),
          Map.entry("WEB", "webpage"),
          Map.entry("BLOG", "post-weblog"),
          Map.entry("DATA", "dataset"),
          Map.entry("DBASE", "dataset"),
          Map.entry("COMP", "software"),
          Map.entry("PAT", "patent"),
          Map.entry("STAND", "standard"),
          Map.entry("STAT", "legislation"),
          Map.entry("BILL", "bill"),
          Map.entry("CASE", "legal_case"),
          Map.entry("MAP", "map"),
          Map.entry("VIDEO", "motion_picture"),
          Map.entry("MPCT", "motion_picture"),
          Map.entry("SOUND", "song"),
          Map.entry("PCOMM", "personal_communication"),
          Map.entry("MANSCPT", "manuscript"),
          Map.entry("UNPB", "manuscript"),
          Map.entry("ENCYC", "entry-encyclopedia"),
          Map.entry("DICT", "entry-dictionary"),
          Map.entry("PAMP", "pamphlet"));

  /** Text tags, first match wins: title, container, numbers, publisher, identifiers. */
  private static final List<Map.Entry<String, List<String>>> TEXT =
      List.of(
          Map.entry("title", List.of("TI", "T1", "CT")),
          Map.entry("container-title", List.of("T2", "JO", "JF", "BT", "JA", "J2")),
          Map.entry("collection-title", List.of("T3")),
          Map.entry("volume", List.of("VL")),
          Map.entry("issue", List.of("IS", "M1")),
          Map.entry("edition", List.of("ET")),
          Map.entry("publisher", List.of("PB")),
          Map.entry("publisher-place", List.of("CY", "PP")),
          Map.entry("DOI", List.of("DO")),
          Map.entry("URL", List.of("UR", "L2")),
          Map.entry("abstract", List.of("AB", "N2")),
          Map.entry("language", List.of("LA")),
          Map.entry("note", List.of("N1")));

  private static final Pattern YEAR =
      Pattern.compile("(-?\\d{1,4})(?:/(\\d{1,2}))?(?:/(\\d{1,2}))?");
  private static final Pattern DOI_IN_URL =
      Pattern.compile("(?i)^https?://(?:dx\\.)?doi\\.org/(.+)$");

  private Ris() {}

  static Map<String, Object> item(Map<String, List<String>> record) {
    Map<String, Object> item = new LinkedHashMap<>();
    String type = first(record, List.of("TY")).orElse("GEN");
    item.put("type", TYPES.getOrDefault(type.toUpperCase(), "document"));
    first(record, List.of("ID")).ifPresent(id -> item.put("id", id));
    names(record, List.of("AU", "A1"), item, "author");
    names(record, List.of("ED", "A2"), item, "editor");
    names(record, List.of("A3"), item, "collection-editor");
    for (Map.Entry<String, List<String>> field : TEXT) {
      first(record, field.getValue()).ifPresent(value -> item.put(field.getKey(), value));
    }
    Optional<String> start = first(record, List.of("SP"));
    Optional<String> end = first(record, List.of("EP"));
    start.ifPresent(s -> item.put("page", end.map(e -> s + "-" + e).orElse(s)));
    String url = (String) item.get("URL");
    if (url != null && !item.containsKey("DOI")) {
      Matcher doi = DOI_IN_URL.matcher(url);
      if (doi.matches()) {
        item.put("DOI", doi.group(1));
      }
    }
    first(record, List.of("SN"))
        .ifPresent(sn -> item.put(item.get("type").equals("book") ? "ISBN" : "ISSN", sn));
    first(record, List.of("PY", "Y1", "DA"))
        .flatMap(Ris::date)
        .ifPresent(d -> item.put("issued", d));
    first(record, List.of("Y2")).flatMap(Ris::date).ifPresent(d -> item.put("accessed", d));
    return item;
  }

  /** The year of an item's {@code issued} date, when it has one. */
  static Optional<Integer> year(Map<String, Object> item) {
    if (item.get("issued") instanceof Map<?, ?> issued) {
      if (issued.get("date-parts") instanceof List<?> parts
          && !parts.isEmpty()
          && parts.get(0) instanceof List<?> date
          && !date.isEmpty()) {
        try {
          return Optional.of(Integer.parseInt(date.get(0).toString()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      if (issued.get("raw") != null) {
        Matcher year = Pattern.compile("\\b(\\d{4})\\b").matcher(issued.get("raw").toString());
        return year.find() ? Optional.of(Integer.parseInt(year.group(1))) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<Map<String, Object>> date(String value) {
    Matcher date = YEAR.matcher(value.strip());
    if (!date.lookingAt()) {
      return value.isBlank() ? Optional.empty() : Optional.of(Map.of("raw", value.strip()));
    }
    List<Integer> parts = new ArrayList<>();
    for (int group = 1; group <= 3 && date.group(group) != null; group++) {
      int part = Integer.parseInt(date.group(group));
      if (group > 1 && part == 0) {
        break;
      }
      parts.add(part);
    }
    return Optional.of(Map.of("date-parts", List.of(parts)));
  }

  private static void names(
      Map<String, List<String>> record, List<String> tags, Map<String, Object> item, String field) {
    List<Map<String, Object>> names = new ArrayList<>();
    for (String tag : tags) {
      for (String value : record.getOrDefault(tag, List.of())) {
        if (value.isBlank()) {
          continue;
        }
        int comma = value.indexOf(',');
        Map<String, Object> name = new LinkedHashMap<>();
        if (comma < 0) {
          name.put("literal", value.strip());
        } else {
          name.put("family", value.substring(0, comma).strip());
          String given = value.substring(comma + 1).replaceAll(",.*$", "").strip();
          if (!given.isEmpty()) {
            name.put("given", given);
          }
        }
        names.add(name);
      }
      if (!names.isEmpty()) {
        break;
      }
    }
    if (!names.isEmpty()) {
      item.put(field, names);
    }
  }

  private static Optional<String> first(Map<String, List<String>> record, List<String> tags) {
    for (String tag : tags) {
      for (String value : record.getOrDefault(tag, List.of())) {
        if (!value.isBlank()) {
          return Optional.of(value.strip());
        }
      }
    }
    return Optional.empty();
  }
}
