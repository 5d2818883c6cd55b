package org.stet.web;

import java.net.URI;

/**
 * Whether a browser says a request comes from this site: {@code Sec-Fetch-Site} (sent by current
 * browsers with every request), else {@code Origin} (sent with every POST, PUT and DELETE) compared
 * with the {@code Host} the request came to and with the site's configured address (behind a proxy
 * that rewrites {@code Host}). {@code SameSite} cookies alone are not enough: a sibling subdomain
 * or another port on the host is the same <em>site</em> but another <em>origin</em>.
 */
public final class SameOrigin {

  /** What the headers say. */
  public enum Verdict {
    /** The browser says the request comes from a page of this origin. */
    SAME,
    /** The browser says it comes from another origin (or an opaque one). */
    CROSS,
    /** Nothing is said: not a browser, or a very old one. */
    UNKNOWN
  }

  private SameOrigin() {}

  public static Verdict of(String fetchSite, String origin, String host, String siteUrl) {
    if (fetchSite != null && !fetchSite.equals("none")) {
      return fetchSite.equals("same-origin") ? Verdict.SAME : Verdict.CROSS;
    }
    if (origin == null) {
      return Verdict.UNKNOWN;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      String site = siteUrl == null ? null : URI.create(siteUrl).getRawAuthority();
      return authority != null
              && (authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(site))
          ? Verdict.SAME
          : Verdict.CROSS;
    } catch (IllegalArgumentException e) {
      return Verdict.CROSS; // "null" (sandboxed frames, file pages) and anything unreadable
    }
  }
}
