package org.stet.identity;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read as
 * another host ({@code //evil}, {@code /\evil}, {@code https://evil}) becomes {@code /desk}.
 */
public final class LocalRedirect {

  public static final String DEFAULT = "/desk";

  private LocalRedirect() {}

  public static String safe(String target) {
    if (target == null
        || target.isEmpty()
        || target.length() > 2000
        || target.charAt(0) != '/'
        || target.startsWith("//")
        || target.contains("\\")
        || target.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return DEFAULT;
    }
    try {
      URI uri = new URI(target);
      if (uri.getScheme() != null || uri.getRawAuthority() != null) {
        return DEFAULT;
      }
    } catch (URISyntaxException e) {
      return DEFAULT;
    }
    return target;
  }
}
