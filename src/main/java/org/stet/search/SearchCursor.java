package org.stet.search;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of hits starts: after the hit with this relevance tier (0 title, 1 excerpt, 2 names,
 * 3 body; always 3 in newest-first order), publication time (null on the desk, which orders by
 * number) and id. Written into links as {@code <tier>.<epoch-micros or ->.<id>}.
 */
public record SearchCursor(int tier, Instant at, long id) {

  private static final Pattern FORMAT = Pattern.compile("[0-3]\\.(-|-?\\d{1,17})\\.\\d{1,18}");

  /** The cursor of a page link ({@code after}), null for none; 400 for text that is no cursor. */
  public static SearchCursor of(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    return parse(after)
        .orElseThrow(
            () ->
                new jakarta.ws.rs.BadRequestException(
                    "This page link is not valid. Search again and follow the links from"
                        + " there."));
  }

  /** The cursor in a link, or empty when the text is not one. */
  public static Optional<SearchCursor> parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    String[] parts = text.split("\\.");
    try {
      Instant at = null;
      if (!parts[1].equals("-")) {
        long micros = Long.parseLong(parts[1]);
        at =
            Instant.EPOCH
                .plusSeconds(Math.floorDiv(micros, 1_000_000L))
                .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
      }
      return Optional.of(
          new SearchCursor(Integer.parseInt(parts[0]), at, Long.parseLong(parts[2])));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    String micros =
        at == null ? "-" : String.valueOf(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000L);
    return tier + "." + micros + "." + id;
  }
}
