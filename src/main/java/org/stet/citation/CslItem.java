package org.stet.citation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one stored CSL-JSON reference for the exports (citation meta tags, JSON-LD, JATS, BibTeX,
 * RIS): text variables, names and dates, tolerant of the shapes real CSL-JSON takes (a title as a
 * one-element list, a year as text). Never throws on odd input: what it cannot read is absent.
 */
public final class CslItem {

  /** A name: a person's family and given names, or a literal (an institution); blanks are null. */
  public record Name(String family, String given, String literal) {

    /** "Winter, G. D.", or the literal. */
    public String inverted() {
      if (literal != null) {
        return literal;
      }
      return given == null ? family : family + ", " + given;
    }

    /** "G. D. Winter", or the literal. */
    public String natural() {
      if (literal != null) {
        return literal;
      }
      return given == null ? family : given + " " + family;
    }
  }

  private final Map<String, Object> item;

  public CslItem(Map<String, Object> item) {
    this.item = item == null ? Map.of() : item;
  }

  /** The item's type ("article-journal"), "article" when it has none. */
  public String type() {
    return text("type").orElse("article");
  }

  /** A text variable ("title", "container-title", "DOI", "volume", ...), stripped, if not blank. */
  public Optional<String> text(String variable) {
    Object value = item.get(variable);
    if (value instanceof List<?> list) {
      value = list.isEmpty() ? null : list.get(0);
    }
    if (value == null || value instanceof Map<?, ?>) {
      return Optional.empty();
    }
    String text = value.toString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** The names of a name variable ("author", "editor"), in order. */
  public List<Name> names(String variable) {
    List<Name> names = new ArrayList<>();
    if (item.get(variable) instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> parts) {
          String family = part(parts.get("family"));
          String given = part(parts.get("given"));
          String literal = part(parts.get("literal"));
          if (literal == null && family == null && given != null) {
            literal = given;
            given = null;
          }
          if (literal != null || family != null) {
            names.add(new Name(family, given, family == null ? literal : null));
          }
        }
      }
    }
    return names;
  }

  /**
   * A date variable ("issued") as its parts: year, then month and day where known; empty when it
   * has no year.
   */
  public List<Integer> date(String variable) {
    List<Integer> parts = new ArrayList<>();
    if (item.get(variable) instanceof Map<?, ?> date
        && date.get("date-parts") instanceof List<?> all
        && !all.isEmpty()
        && all.get(0) instanceof List<?> first) {
      for (Object part : first) {
        Integer number = number(part);
        if (number == null || parts.size() == 3) {
          break;
        }
        parts.add(number);
      }
    }
    return parts;
  }

  /** The year of a date variable, if it has one. */
  public Optional<Integer> year(String variable) {
    List<Integer> parts = date(variable);
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(0));
  }

  /** The first page of "page" ("12" of "12-19" or "12–19"). */
  public Optional<String> firstPage() {
    return text("page").map(page -> page.split("[-–—]", 2)[0].strip()).filter(p -> !p.isEmpty());
  }

  /** The last page of "page" ("19" of "12-19"), if it names a range. */
  public Optional<String> lastPage() {
    return text("page")
        .map(page -> page.split("[-–—]", 2))
        .filter(parts -> parts.length == 2)
        .map(parts -> parts[1].strip())
        .filter(p -> !p.isEmpty());
  }

  private static String part(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static Integer number(Object part) {
    if (part instanceof Number number) {
      return number.intValue();
    }
    try {
      return part == null ? null : Integer.valueOf(part.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
