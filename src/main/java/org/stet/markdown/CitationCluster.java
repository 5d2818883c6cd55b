package org.stet.markdown;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One bracketed citation in a body, as pandoc writes them: {@code [@key]}, {@code [see @key, p.
 * 12]}, {@code [@a; @b]}, {@code [-@key]} (the author's name left out, as after "Akulov (2017)
 * shows"). {@code source} is the text as typed.
 */
public record CitationCluster(String source, List<Cite> cites) {

  /** A cite key: letters, digits and {@code _}, with {@code - : . /} inside, up to 80. */
  public static final Pattern KEY =
      Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_:./-]{0,78}[A-Za-z0-9_])?");

  /** One work cited: its key, the text before and after it, and whether the name is left out. */
  public record Cite(String key, String prefix, String suffix, boolean suppressAuthor) {}
}
