package org.stet.plugins.commentmoderation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A naive Bayes spam filter (Graham's combination of the most telling words, with Robinson's
 * smoothing for rare ones) that learns from moderators' decisions: "spam" teaches it spam,
 * "approve" teaches it the site's real discussion. No external service. Pure; the word counts are
 * kept by {@link CommentStore}.
 */
final class SpamFilter {

  /** Below this many examples of each kind the filter gives no score. */
  static final int MIN_EXAMPLES = 10;

  private static final int MOST_TELLING = 15;
  private static final int MAX_TOKENS = 300;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'_-]{1,23}");

  /** How often one token was seen in spam and in approved comments. */
  record Counts(int spam, int ham) {}

  private SpamFilter() {}

  /** The distinct tokens of a comment: its words, and the hosts of its links and e-mail. */
  static Set<String> tokens(String name, String email, String website, String text) {
    Set<String> tokens = new LinkedHashSet<>();
    Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (words.find() && tokens.size() < MAX_TOKENS) {
      tokens.add(words.group());
    }
    for (String link : CommentText.links(text)) {
      tokens.add("link:" + host(link));
    }
    if (!website.isEmpty()) {
      tokens.add("site:" + host(website));
    }
    int at = email.lastIndexOf('@');
    if (at >= 0) {
      tokens.add("mail:" + email.substring(at + 1).toLowerCase(Locale.ROOT));
    }
    Matcher nameWords = WORD.matcher(name.toLowerCase(Locale.ROOT));
    while (nameWords.find()) {
      tokens.add("name:" + nameWords.group());
    }
    int links = CommentText.links(text).size();
    tokens.add("links:" + Math.min(links, 5));
    Set<String> capped = new LinkedHashSet<>();
    tokens.forEach(token -> capped.add(token.length() > 80 ? token.substring(0, 80) : token));
    return capped;
  }

  /**
   * The probability that a comment with these tokens is spam, from the counts learnt so far; empty
   * while the filter has seen fewer than {@link #MIN_EXAMPLES} of either kind.
   */
  static OptionalDouble score(
      Set<String> tokens, Map<String, Counts> counts, int spamTotal, int hamTotal) {
    if (spamTotal < MIN_EXAMPLES || hamTotal < MIN_EXAMPLES) {
      return OptionalDouble.empty();
    }
    List<Double> probabilities = new ArrayList<>();
    for (String token : tokens) {
      Counts c = counts.getOrDefault(token, new Counts(0, 0));
      double inSpam = Math.min(1.0, (double) c.spam() / spamTotal);
      double inHam = Math.min(1.0, (double) c.ham() / hamTotal);
      double seen = c.spam() + c.ham();
      double raw = inSpam + inHam == 0 ? 0.5 : inSpam / (inSpam + inHam);
      // Robinson: a word seen n times moves from 0.5 towards its raw value with weight n.
      double smoothed = (0.5 + seen * raw) / (1 + seen);
      probabilities.add(Math.max(0.01, Math.min(0.99, smoothed)));
    }
    probabilities.sort(Comparator.comparingDouble(p -> -Math.abs(p - 0.5)));
    double logSpam = 0;
    double logHam = 0;
    for (double p : probabilities.subList(0, Math.min(MOST_TELLING, probabilities.size()))) {
      logSpam += Math.log(p);
      logHam += Math.log(1 - p);
    }
    return OptionalDouble.of(1 / (1 + Math.exp(logHam - logSpam)));
  }

  private static String host(String url) {
    try {
      String withScheme = url.regionMatches(true, 0, "www.", 0, 4) ? "http://" + url : url;
      String host = URI.create(withScheme.replaceAll("[^\\x21-\\x7e]", "")).getHost();
      return host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }
}
