package org.stet.journal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digital Object Identifiers as Crossref registers them ("10.5555/jpe.2017.12"): a prefix the
 * journal's publisher was given, a slash and a suffix. Suffixes are kept to the characters Crossref
 * recommends (letters, digits and {@code - . _ ; ( ) /}), so every DOI Stet assigns or accepts is
 * one Crossref takes and that works unescaped in an address.
 */
public final class Doi {

  /** The pattern a journal without its own uses. */
  public static final String DEFAULT_SUFFIX_PATTERN = "{journal}.{year}.{id}";

  /** The longest DOI stored (the database allows 300; Crossref's suffix limit is 200). */
  public static final int MAX_SUFFIX = 200;

  private static final Pattern PREFIX = Pattern.compile("10\\.[0-9]{4,9}");

  private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._;()/-]+");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  private static final java.util.List<String> PLACEHOLDERS =
      java.util.List.of("journal", "year", "volume", "issue", "id");

  private static final String CHARACTERS =
      "letters, digits and the characters - . _ ; ( ) / (no spaces)";

  private Doi() {}

  /** A refusal an editor can act on. */
  public static final class Invalid extends RuntimeException {
    public Invalid(String message) {
      super(message);
    }
  }

  /** The prefix as typed ("10.5555", " 10.5555/ "), checked; blank answers empty. */
  public static Optional<String> prefix(String typed) {
    String value = blankAsNull(typed);
    if (value == null) {
      return Optional.empty();
    }
    String prefix = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    if (!PREFIX.matcher(prefix).matches()) {
      throw new Invalid(
          "\""
              + shortened(value)
              + "\" is not a DOI prefix: a prefix is \"10.\" and four to nine digits, such as"
              + " 10.5555, as Crossref gave it to the publisher.");
    }
    return Optional.of(prefix);
  }

  /** The suffix pattern as typed, checked: known placeholders, Crossref's characters, {id}. */
  public static Optional<String> suffixPattern(String typed) {
    String value = blankAsNull(typed);
    if (value == null) {
      return Optional.empty();
    }
    Matcher placeholder = PLACEHOLDER.matcher(value);
    StringBuilder literal = new StringBuilder();
    int last = 0;
    boolean hasId = false;
    while (placeholder.find()) {
      if (!PLACEHOLDERS.contains(placeholder.group(1))) {
        throw new Invalid(
            "The suffix pattern names {"
                + placeholder.group(1)
                + "}; it can use {journal}, {year}, {volume}, {issue} and {id}.");
      }
      hasId |= placeholder.group(1).equals("id");
      literal.append(value, last, placeholder.start());
      last = placeholder.end();
    }
    literal.append(value.substring(last));
    if (!hasId) {
      throw new Invalid(
          "The suffix pattern needs {id}, the article's number, so that no two articles can get"
              + " the same DOI; for example "
              + DEFAULT_SUFFIX_PATTERN
              + ".");
    }
    if (!literal.isEmpty() && !SUFFIX.matcher(literal).matches()) {
      throw new Invalid(
          "The suffix pattern may hold, besides its placeholders, only " + CHARACTERS + ".");
    }
    if (value.length() > MAX_SUFFIX) {
      throw new Invalid("The suffix pattern is at most " + MAX_SUFFIX + " characters.");
    }
    return Optional.of(value);
  }

  /**
   * The DOI {@code pattern} gives an article, or why it gives none (a {volume} the issue lacks).
   */
  public static String assigned(String prefix, String pattern, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(pattern);
    StringBuilder suffix = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new Invalid(
            "The journal's suffix pattern uses {"
                + placeholder.group(1)
                + "}, which this article's issue does not have.");
      }
      placeholder.appendReplacement(suffix, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(suffix);
    return checked(prefix + "/" + suffix);
  }

  /**
   * {@code typed} as a DOI ("10.5555/abc"; a doi.org address or "doi:" before it is taken off), or
   * a refusal saying what is wrong: no prefix, an empty suffix, a character Crossref refuses.
   */
  public static String checked(String typed) {
    String value = blankAsNull(typed);
    if (value == null) {
      throw new Invalid("Give the DOI, such as 10.5555/jpe.2017.12.");
    }
    String doi = value.replaceFirst("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)", "");
    int slash = doi.indexOf('/');
    if (slash < 0 || !PREFIX.matcher(doi.substring(0, slash)).matches()) {
      throw new Invalid(
          "\""
              + shortened(value)
              + "\" is not a DOI: a DOI is a prefix such as 10.5555, a slash and a suffix.");
    }
    String suffix = doi.substring(slash + 1);
    if (suffix.isEmpty()) {
      throw new Invalid("The DOI " + shortened(doi) + " has no suffix after the slash.");
    }
    if (!SUFFIX.matcher(suffix).matches()) {
      throw new Invalid(
          "The DOI "
              + shortened(doi)
              + " has a character Crossref does not accept in a suffix; use only "
              + CHARACTERS
              + ".");
    }
    if (suffix.length() > MAX_SUFFIX) {
      throw new Invalid("A DOI's suffix is at most " + MAX_SUFFIX + " characters.");
    }
    return doi;
  }

  /** The lower-case form DOIs are compared by (they are case-insensitive). */
  public static String key(String doi) {
    return doi.toLowerCase(Locale.ROOT);
  }

  private static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
