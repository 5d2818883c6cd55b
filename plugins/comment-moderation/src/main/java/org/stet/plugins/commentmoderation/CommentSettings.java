package org.stet.plugins.commentmoderation;

import java.util.Arrays;
import java.util.List;
import org.stet.spi.PluginSettings;

/** The plugin's settings, typed. */
record CommentSettings(
    boolean holdAll,
    int maxLinks,
    List<String> blockedWords,
    List<String> blockedEmails,
    List<String> blockedIps,
    int closeAfterDays,
    int maxDepth,
    int maxLength,
    int rateSeconds,
    int minSeconds,
    int spamThreshold,
    int reportsToHold,
    int keepIpDays,
    int digestHours,
    int stampHours) {

  static final String MODERATION = "moderation";
  static final String MAX_LINKS = "max-links";
  static final String BLOCKED_WORDS = "blocked-words";
  static final String BLOCKED_EMAILS = "blocked-emails";
  static final String BLOCKED_IPS = "blocked-ips";
  static final String CLOSE_AFTER_DAYS = "close-after-days";
  static final String MAX_DEPTH = "max-depth";
  static final String MAX_LENGTH = "max-length";
  static final String RATE_SECONDS = "rate-limit-seconds";
  static final String MIN_SECONDS = "min-seconds-to-submit";
  static final String SPAM_THRESHOLD = "spam-threshold";
  static final String REPORTS_TO_HOLD = "reports-to-hold";
  static final String KEEP_IP_DAYS = "keep-ip-days";
  static final String DIGEST_HOURS = "digest-hours";
  static final String STAMP_HOURS = "stamp-hours";

  /** The longest a form stamp can be good for (the setting's maximum). */
  static final int MOST_STAMP_HOURS = 48;

  static CommentSettings of(PluginSettings s) {
    return new CommentSettings(
        s.text(MODERATION).equals("all"),
        (int) s.integer(MAX_LINKS),
        lines(s.text(BLOCKED_WORDS)),
        lines(s.text(BLOCKED_EMAILS)),
        lines(s.text(BLOCKED_IPS)),
        (int) s.integer(CLOSE_AFTER_DAYS),
        (int) s.integer(MAX_DEPTH),
        (int) s.integer(MAX_LENGTH),
        (int) s.integer(RATE_SECONDS),
        (int) s.integer(MIN_SECONDS),
        (int) s.integer(SPAM_THRESHOLD),
        (int) s.integer(REPORTS_TO_HOLD),
        (int) s.integer(KEEP_IP_DAYS),
        (int) s.integer(DIGEST_HOURS),
        (int) s.integer(STAMP_HOURS));
  }

  /** How long a comment form may be open before it is sent. */
  java.time.Duration stampLifetime() {
    return java.time.Duration.ofHours(stampHours);
  }

  /** Non-empty lines, trimmed; lines starting with {@code #} are notes. */
  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R"))
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
