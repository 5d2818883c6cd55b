package org.stet.media;

import java.util.Locale;

/**
 * Sizes in words, as file managers show them: "980 bytes", "12 KB", "1.2 MB", "50 MB" (in units of
 * 1,024, so the setting {@code 50M} reads "50 MB").
 */
public final class Sizes {

  private static final double KB = 1024;
  private static final double MB = 1024 * 1024;

  private Sizes() {}

  public static String words(long bytes) {
    if (bytes < KB) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < MB) {
      return Math.max(1, Math.round(bytes / KB)) + " KB";
    }
    double megabytes = bytes / MB;
    return megabytes < 10
        ? String.format(Locale.ROOT, "%.1f MB", megabytes).replace(".0 MB", " MB")
        : Math.round(megabytes) + " MB";
  }
}
