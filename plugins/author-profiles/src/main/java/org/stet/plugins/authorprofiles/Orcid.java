package org.stet.plugins.authorprofiles;

import java.util.regex.Pattern;

/** ORCID iDs: four groups of four characters, the last one an ISO 7064 11,2 check character. */
final class Orcid {

  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");

  private Orcid() {}

  /** Whether {@code id} is well formed and its check character is right. */
  static boolean isValid(String id) {
    if (id == null || !FORMAT.matcher(id).matches()) {
      return false;
    }
    String digits = id.replace("-", "");
    int total = 0;
    for (int i = 0; i < 15; i++) {
      total = (total + (digits.charAt(i) - '0')) * 2;
    }
    int result = (12 - total % 11) % 11;
    char check = result == 10 ? 'X' : (char) ('0' + result);
    return digits.charAt(15) == check;
  }
}
