package org.stet.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.regex.Pattern;

/**
 * Numbers in paths (article ids, issue numbers, revision numbers): positive, or the address names
 * nothing (404); numbers in the query (page cursors, revisions to compare): positive, or a 400 that
 * names the parameter — never a parse error reaching the user.
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

  /** A page cursor from the query ({@code null} when left out: the first page), or 400. */
  public static Long cursor(String text) {
    if (text == null) {
      return null;
    }
    if (!ID.matcher(text).matches()) {
      throw new BadRequestException(
          "\"before\" is the cursor a page gave as \"next\"; leave it out for the first page.");
    }
    return Long.parseLong(text);
  }

  /** A revision number from the query ({@code name} says which), or 400. */
  public static int revision(String text, String name) {
    if (text == null || !SMALL.matcher(text).matches()) {
      throw new BadRequestException(
          "Give \"" + name + "\" as a revision number (1 is the first), e.g. ?from=1&to=2.");
    }
    return Integer.parseInt(text);
  }
}
