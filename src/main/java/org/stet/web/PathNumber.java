package org.stet.web;

import jakarta.ws.rs.NotFoundException;
import java.util.regex.Pattern;

/**
 * Numbers in paths (article ids, issue numbers, revision numbers): positive, or the address names
 * nothing (404) — never a parse error reaching the user.
 */
public final class PathNumber {

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final Pattern SMALL = Pattern.compile("[1-9][0-9]{0,8}");

  private PathNumber() {}

  /** A positive id, or 404. */
  public static long id(String text) {
    if (text == null || !ID.matcher(text).matches()) {
      throw new NotFoundException();
    }
    return Long.parseLong(text);
  }

  /** A positive number that fits an int (issue and revision numbers), or 404. */
  public static int small(String text) {
    if (text == null || !SMALL.matcher(text).matches()) {
      throw new NotFoundException();
    }
    return Integer.parseInt(text);
  }
}
