package org.stet.search;

import jakarta.ws.rs.BadRequestException;
import java.util.regex.Pattern;

/** What a reader typed into a search box, made safe to search for, or refused in words. */
public final class SearchText {

  /** The most words a search may have. */
  public static final int MAX_WORDS = 50;

  /** The most characters a search may have. */
  public static final int MAX_CHARACTERS = 1_000;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SearchText() {}

  /**
   * The text with control characters (NUL among them) turned into spaces and runs of space made
   * one; empty for no text. Too long a search is refused (400) saying the limit.
   */
  public static String checked(String typed) {
    if (typed == null) {
      return "";
    }
    String text = SPACES.matcher(CONTROL.matcher(typed).replaceAll(" ")).replaceAll(" ").strip();
    int words = text.isEmpty() ? 0 : text.split(" ").length;
    if (words > MAX_WORDS || text.length() > MAX_CHARACTERS) {
      throw new BadRequestException(
          "A search can have at most "
              + MAX_WORDS
              + " words and "
              + String.format("%,d", MAX_CHARACTERS)
              + " characters; this one has "
              + String.format("%,d", words)
              + (words == 1 ? " word" : " words")
              + " and "
              + String.format("%,d", text.length())
              + " characters. Search for fewer, more telling words.");
    }
    return text;
  }
}
