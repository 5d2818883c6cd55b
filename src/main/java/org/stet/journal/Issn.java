package org.stet.journal;

import java.util.Locale;
import java.util.Optional;

/**
 * International Standard Serial Numbers as editors type them ("1234-5679", "12345679", "1234
 * 567x"): normalised to the hyphenated form and checked by their check digit (ISO 3297).
 */
public final class Issn {

  private Issn() {}

  /** {@code typed} as "NNNN-NNNC", or empty when it is no ISSN (blank answers empty too). */
  public static Optional<String> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (!digits.matches("[0-9]{7}[0-9X]")) {
      return Optional.empty();
    }
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (digits.charAt(i) - '0') * (8 - i);
    }
    int check = (11 - sum % 11) % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return digits.charAt(7) == expected
        ? Optional.of(digits.substring(0, 4) + "-" + digits.substring(4))
        : Optional.empty();
  }
}
