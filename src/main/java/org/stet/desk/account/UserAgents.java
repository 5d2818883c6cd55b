package org.stet.desk.account;

/** A browser's description of itself ({@code User-Agent}) in words: "Firefox on Windows". */
final class UserAgents {

  private UserAgents() {}

  static String describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "An unknown browser";
    }
    return browser(userAgent) + " on " + system(userAgent);
  }

  private static String browser(String ua) {
    if (ua.contains("Edg/")) {
      return "Edge";
    }
    if (ua.contains("Firefox/")) {
      return "Firefox";
    }
    if (ua.contains("Chrome/") || ua.contains("Chromium/")) {
      return "Chrome";
    }
    if (ua.contains("Safari/")) {
      return "Safari";
    }
    return "A browser";
  }

  private static String system(String ua) {
    if (ua.contains("Android")) {
      return "Android";
    }
    if (ua.contains("iPhone") || ua.contains("iPad")) {
      return "iOS";
    }
    if (ua.contains("Windows")) {
      return "Windows";
    }
    if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
      return "macOS";
    }
    if (ua.contains("Linux") || ua.contains("X11")) {
      return "Linux";
    }
    return "an unknown system";
  }
}
