package org.stet.citation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.stet.markdown.CitationCluster;
import org.stet.markdown.MarkdownRenderer;

/**
 * The rules for an article's references, kept as CSL-JSON items (the format Zotero, Crossref,
 * pandoc and citeproc share): each item is a JSON object whose {@code id} is the cite key the body
 * uses ({@code [@key]}). {@link #check} turns whatever arrived (the API, a form, a paste) into
 * items Stet stores, or refuses with a message that names the entry.
 */
public final class References {

  /** More than any article needs (long review articles cite a few hundred works). */
  public static final int MAX_ITEMS = 1000;

  /** A cite key, as the body's citations spell it. */
  public static final Pattern KEY = CitationCluster.KEY;

  private static final int MAX_TEXT = 2000;
  private static final int MAX_ABSTRACT = 10_000;
  private static final int MAX_NAMES = 500;

  private References() {}

  /** What {@link #check} made of the items: the items to store and what it left out. */
  public record Checked(List<Map<String, Object>> items, List<String> notes) {}

  /**
   * Checks and normalises {@code raw} (a JSON array of CSL-JSON objects, as Jackson reads it): keys
   * unique and well formed, types known, names and dates in CSL's shapes, text bounded. Fields CSL
   * does not define are left out and listed in the notes.
   *
   * @throws ReferenceProblem naming the entry (by position and key) and what is wrong with it
   */
  public static Checked check(List<?> raw) {
    if (raw.size() > MAX_ITEMS) {
      throw new ReferenceProblem(
          "An article can have at most "
              + MAX_ITEMS
              + " references; this list has "
              + raw.size()
              + ".");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      Map<String, Object> item = item(raw.get(i), i + 1, notes);
      String key = (String) item.get("id");
      Integer earlier = seen.putIfAbsent(key, i + 1);
      if (earlier != null) {
        throw new ReferenceProblem(
            "Reference "
                + (i + 1)
                + " has the key \""
                + key
                + "\", like reference "
                + earlier
                + "; each reference needs its own key.");
      }
      items.add(item);
    }
    return new Checked(items, notes);
  }

  /**
   * Gives every item without a key one made from its first author (or title) and year: {@code
   * smith2020}, then {@code smith2020a}, ...; never one of {@code takenKeys} or of another item.
   */
  public static void assignKeys(List<Map<String, Object>> items, Set<String> takenKeys) {
    Set<String> taken = new HashSet<>(takenKeys);
    for (Map<String, Object> item : items) {
      Object id = item.get("id");
      if (id != null) {
        taken.add(id.toString().strip());
      }
    }
    for (Map<String, Object> item : items) {
      Object id = item.get("id");
      if (id != null && !id.toString().isBlank()) {
        continue; // a key given is kept, and checked: the text may already cite it
      }
      String base = keyBase(item);
      String key = base;
      for (int n = 0; taken.contains(key); n++) {
        key = base + (n < 26 ? String.valueOf((char) ('a' + n)) : String.valueOf(n));
      }
      taken.add(key);
      item.put("id", key);
    }
  }

  private static String keyBase(Map<String, Object> item) {
    String word = "ref";
    if (item.get("author") instanceof List<?> authors
        && !authors.isEmpty()
        && authors.get(0) instanceof Map<?, ?> first) {
      Object family = first.get("family") != null ? first.get("family") : first.get("literal");
      if (family != null) {
        word = family.toString();
      }
    } else if (item.get("title") instanceof String title) {
      word = title;
    }
    String ascii =
        Normalizer.normalize(word, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", " ")
            .strip();
    String first = ascii.isEmpty() ? "ref" : ascii.split(" ")[0];
    if (first.length() > 40) {
      first = first.substring(0, 40);
    }
    return first + Ris.year(item).map(String::valueOf).orElse("");
  }

  /** The keys {@code body} cites that none of {@code items} has, in the order first cited. */
  public static List<String> unknownKeys(String body, List<Map<String, Object>> items) {
    return unknownKeys(MarkdownRenderer.citations(body), items);
  }

  /** The keys {@code clusters} cite that none of {@code items} has, in the order first cited. */
  public static List<String> unknownKeys(
      List<CitationCluster> clusters, List<Map<String, Object>> items) {
    Set<String> known = new HashSet<>();
    items.forEach(item -> known.add(key(item)));
    Set<String> unknown = new LinkedHashSet<>();
    for (CitationCluster cluster : clusters) {
      for (CitationCluster.Cite cite : cluster.cites()) {
        if (!known.contains(cite.key())) {
          unknown.add(cite.key());
        }
      }
    }
    return List.copyOf(unknown);
  }

  /**
   * One line of text with an item's fields, for comparing versions of it: type, names, date, title
   * and the rest, each labelled, in a fixed order.
   */
  public static String summary(Map<String, Object> item) {
    List<String> parts = new ArrayList<>();
    parts.add(String.valueOf(item.get("type")));
    item.entrySet().stream()
        .filter(field -> !field.getKey().equals("id") && !field.getKey().equals("type"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(field -> parts.add(field.getKey() + ": " + shown(field.getValue())));
    return String.join("; ", parts);
  }

  private static String shown(Object value) {
    if (value instanceof List<?> list) {
      List<String> shown = new ArrayList<>();
      list.forEach(entry -> shown.add(shown(entry)));
      return String.join(", ", shown);
    }
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey("family") || map.containsKey("literal")) {
        Object literal = map.get("literal");
        return literal != null
            ? literal.toString()
            : map.get("family") + (map.get("given") == null ? "" : " " + map.get("given"));
      }
      if (map.get("date-parts") instanceof List<?> parts) {
        List<String> dates = new ArrayList<>();
        parts.forEach(
            date -> dates.add(date instanceof List<?> d ? joined(d, "-") : String.valueOf(date)));
        return String.join(" to ", dates);
      }
      Object text = map.get("literal") != null ? map.get("literal") : map.get("raw");
      return String.valueOf(text != null ? text : map);
    }
    return String.valueOf(value);
  }

  private static String joined(List<?> values, String separator) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(String.valueOf(value)));
    return String.join(separator, texts);
  }

  /** The cite key of item {@code item} (stored items always have one). */
  public static String key(Map<String, Object> item) {
    return (String) item.get("id");
  }

  private static Map<String, Object> item(Object raw, int position, List<String> notes) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new ReferenceProblem(
          "Reference " + position + " is not a JSON object with the reference's fields.");
    }
    Object id = map.get("id");
    String key = id instanceof String || id instanceof Number ? id.toString().strip() : null;
    String name = "Reference " + position + (key == null ? "" : " (" + key + ")");
    if (key == null || key.isEmpty()) {
      throw new ReferenceProblem(name + " has no key (\"id\"): give it one, e.g. smith2020.");
    }
    if (!KEY.matcher(key).matches()) {
      throw new ReferenceProblem(
          name
              + ": a key is up to 80 letters, digits and _ (with - : . / inside), without"
              + " spaces.");
    }
    Object type = map.get("type");
    if (!(type instanceof String text) || !Csl.TYPES.contains(text)) {
      throw new ReferenceProblem(
          name
              + " has "
              + (type == null ? "no type" : "the unknown type \"" + type + "\"")
              + "; use a CSL type such as article-journal, book, chapter, report, webpage or"
              + " article-newspaper.");
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", key);
    item.put("type", text);
    List<String> leftOut = new ArrayList<>();
    for (Map.Entry<?, ?> field : map.entrySet()) {
      String variable = String.valueOf(field.getKey());
      Object value = field.getValue();
      if (variable.equals("id") || variable.equals("type") || value == null) {
        continue;
      }
      if (Csl.NAME_FIELDS.contains(variable)) {
        item.put(variable, names(name, variable, value));
      } else if (Csl.DATE_FIELDS.contains(variable)) {
        item.put(variable, date(name, variable, value));
      } else if (Csl.TEXT_FIELDS.contains(variable)) {
        // Crossref writes some text fields as lists ("container-title": ["Nature"]).
        Object single = value instanceof List<?> list ? (list.isEmpty() ? "" : list.get(0)) : value;
        String string = text(name, variable, single);
        if (!string.isEmpty()) {
          item.put(variable, string);
        }
      } else if (!Csl.COMPUTED.contains(variable)) {
        leftOut.add(variable);
      }
    }
    if (!leftOut.isEmpty()) {
      notes.add(
          name
              + ": left out what CSL has no field for ("
              + String.join(", ", leftOut.subList(0, Math.min(12, leftOut.size())))
              + (leftOut.size() > 12 ? " and " + (leftOut.size() - 12) + " more" : "")
              + ").");
    }
    if (!item.containsKey("title") && !item.containsKey("DOI") && !item.containsKey("URL")) {
      throw new ReferenceProblem(name + " needs at least a title, a DOI or a URL.");
    }
    Object url = item.get("URL");
    if (url != null && !((String) url).matches("(?i)https?://\\S+")) {
      throw new ReferenceProblem(name + ": the URL must start with http:// or https://.");
    }
    return item;
  }

  private static String text(String name, String variable, Object value) {
    if (!(value instanceof String) && !(value instanceof Number)) {
      throw new ReferenceProblem(name + ": \"" + variable + "\" must be text.");
    }
    String text = value.toString().strip();
    int max = variable.equals("abstract") || variable.equals("note") ? MAX_ABSTRACT : MAX_TEXT;
    if (text.length() > max) {
      throw new ReferenceProblem(
          name + ": \"" + variable + "\" is longer than " + max + " characters.");
    }
    if (text.indexOf('\0') >= 0) {
      throw new ReferenceProblem(name + ": \"" + variable + "\" contains a NUL character.");
    }
    return text;
  }

  private static List<Map<String, Object>> names(String name, String variable, Object value) {
    if (!(value instanceof List<?> list)) {
      throw new ReferenceProblem(
          name + ": \"" + variable + "\" must be a list of names, e.g. [{\"family\": \"Smith\"}].");
    }
    if (list.size() > MAX_NAMES) {
      throw new ReferenceProblem(
          name + ": \"" + variable + "\" has more than " + MAX_NAMES + " names.");
    }
    List<Map<String, Object>> names = new ArrayList<>();
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> parts)) {
        throw new ReferenceProblem(
            name + ": each of \"" + variable + "\" must be an object with family and given names.");
      }
      Map<String, Object> person = new LinkedHashMap<>();
      for (Map.Entry<?, ?> part : parts.entrySet()) {
        String partName = String.valueOf(part.getKey());
        if (!Csl.NAME_PARTS.contains(partName) || part.getValue() == null) {
          continue;
        }
        Object partValue = part.getValue();
        if (partValue instanceof Boolean flag) {
          person.put(partName, flag);
        } else {
          String text = text(name, variable + "." + partName, partValue);
          if (!text.isEmpty()) {
            person.put(partName, text);
          }
        }
      }
      if (!person.containsKey("family") && !person.containsKey("literal")) {
        if (person.containsKey("given")) {
          person.put("family", person.remove("given"));
        } else {
          continue;
        }
      }
      names.add(person);
    }
    return names;
  }

  private static Map<String, Object> date(String name, String variable, Object value) {
    Map<String, Object> date = new LinkedHashMap<>();
    if (value instanceof String || value instanceof Number) {
      date.put("raw", text(name, variable, value));
      return date;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ReferenceProblem(
          name + ": \"" + variable + "\" must be a date, e.g. {\"date-parts\": [[2017, 1, 5]]}.");
    }
    Object parts = map.get("date-parts");
    if (parts != null) {
      date.put("date-parts", dateParts(name, variable, parts));
    }
    for (String field : List.of("season", "literal", "raw")) {
      if (map.get(field) != null) {
        date.put(field, text(name, variable + "." + field, map.get(field)));
      }
    }
    if (map.get("circa") != null) {
      date.put(
          "circa",
          map.get("circa") instanceof Boolean b ? b : text(name, variable, map.get("circa")));
    }
    if (date.isEmpty()) {
      throw new ReferenceProblem(
          name + ": \"" + variable + "\" has no date-parts, literal or raw date.");
    }
    return date;
  }

  private static List<List<Integer>> dateParts(String name, String variable, Object parts) {
    String problem =
        name + ": \"" + variable + "\" date-parts must be like [[2017, 1, 5]] (year, month, day).";
    if (!(parts instanceof List<?> ranges) || ranges.isEmpty() || ranges.size() > 2) {
      throw new ReferenceProblem(problem);
    }
    List<List<Integer>> result = new ArrayList<>();
    for (Object range : ranges) {
      if (!(range instanceof List<?> numbers) || numbers.isEmpty() || numbers.size() > 3) {
        throw new ReferenceProblem(problem);
      }
      List<Integer> date = new ArrayList<>();
      for (Object number : numbers) {
        int value;
        try {
          value = Integer.parseInt(number.toString().strip());
        } catch (NumberFormatException e) {
          throw new ReferenceProblem(problem);
        }
        int index = date.size();
        boolean valid =
            index == 0
                ? value >= -9999 && value <= 9999
                : index == 1 ? value >= 1 && value <= 24 : value >= 1 && value <= 31;
        if (!valid) {
          throw new ReferenceProblem(problem);
        }
        date.add(value);
      }
      result.add(date);
    }
    return result;
  }
}
