package org.stet.spi;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks for web addresses people type into plugin forms (profile links, a commenter's site).
 *
 * @since 0.3
 */
public final class WebAddress {

  private WebAddress() {}

  /**
   * The address with its scheme in lower case ({@code HTTPS://x} becomes {@code https://x}), as
   * stored; only for addresses {@link #isHttp} accepts.
   */
  public static String normalize(String url) {
    int colon = url.indexOf(':');
    return url.substring(0, colon).toLowerCase(java.util.Locale.ROOT) + url.substring(colon);
  }

  /**
   * Whether {@code url} is an absolute {@code https://} or {@code http://} address with a host, at
   * most 2,000 characters, without spaces, quotes or angle brackets (so it is safe in an {@code
   * href} once escaped, and never {@code javascript:} or {@code data:}).
   */
  public static boolean isHttp(String url) {
    if (url == null
        || url.length() > 2000
        || url.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == '<' || c == '>' || c == 0x7F)) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          && uri.getHost() != null
          && url.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
