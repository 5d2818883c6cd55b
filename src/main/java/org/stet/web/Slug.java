package org.stet.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The URL names of articles, people, categories, tags and journals (as the schema enforces). */
public final class Slug {

  /** Longest slug the schema allows anywhere. */
  public static final int MAX_LENGTH = 160;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  private Slug() {}

  /** Whether {@code text} has the shape of a slug; anything else cannot name a page. */
  public static boolean isValid(String text) {
    return text != null && text.length() <= MAX_LENGTH && SLUG.matcher(text).matches();
  }

  /** A slug made from a name: "International Relations" becomes "international-relations". */
  public static String from(String name) {
    String ascii =
        Normalizer.normalize(name.replace('ı', 'i').replace('İ', 'I'), Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String slug = NOT_WORD.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("Cannot make a URL name from \"" + name + "\"");
    }
    return slug;
  }
}
