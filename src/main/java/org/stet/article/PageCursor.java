package org.stet.article;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in a listing ordered by publication time, newest first: the keyset of the last (or
 * first) article shown. Written into links as {@code <epoch-micros>.<id>}.
 */
public record PageCursor(Instant publishedAt, long id) {

  private static final Pattern FORMAT = Pattern.compile("-?\\d{1,17}\\.\\d{1,18}");

  /** The cursor in a link, or empty when the text is not one. */
  public static Optional<PageCursor> parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    int dot = text.indexOf('.');
    try {
      long micros = Long.parseLong(text.substring(0, dot));
      long id = Long.parseLong(text.substring(dot + 1));
      Instant at =
          Instant.EPOCH
              .plusSeconds(Math.floorDiv(micros, 1_000_000L))
              .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
      return Optional.of(new PageCursor(at, id));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  public static PageCursor of(Article article) {
    return new PageCursor(article.publishedAt, article.id);
  }

  @Override
  public String toString() {
    long micros = publishedAt.getEpochSecond() * 1_000_000L + publishedAt.getNano() / 1_000L;
    return micros + "." + id;
  }
}
