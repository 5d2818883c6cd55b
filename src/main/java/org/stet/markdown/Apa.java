package org.stet.markdown;

import java.util.ArrayList;
import java.util.List;

/** APA (6th edition) author lists and in-text citations, as the institute's pages use them. */
public final class Apa {

  private Apa() {}

  /** {@code "Akulov, A."}, {@code "Walker, S., & Addley, E."}, {@code "A, B, & C"}. */
  public static String authorList(List<String> authors) {
    if (authors.isEmpty()) {
      return "";
    }
    if (authors.size() == 1) {
      return authors.get(0);
    }
    List<String> head = authors.subList(0, authors.size() - 1);
    return String.join(", ", head) + ", & " + authors.get(authors.size() - 1);
  }

  /**
   * {@code "(Akulov, 2017)"}, {@code "(Walker & Addley, 2016)"}, {@code "(Smith et al., n.d.)"}.
   */
  public static String inText(List<String> authors, Integer year) {
    List<String> families = new ArrayList<>();
    for (String author : authors) {
      int comma = author.indexOf(',');
      families.add((comma < 0 ? author : author.substring(0, comma)).trim());
    }
    String names =
        switch (families.size()) {
          case 0 -> "Anonymous";
          case 1 -> families.get(0);
          case 2 -> families.get(0) + " & " + families.get(1);
          default -> families.get(0) + " et al.";
        };
    return "(" + names + ", " + (year == null ? "n.d." : year) + ")";
  }

  /** The title as a reference list shows it: ending in a full stop unless it has punctuation. */
  public static String sentence(String title) {
    String trimmed = title.strip();
    return trimmed.matches(".*[.?!]$") ? trimmed : trimmed + ".";
  }
}
