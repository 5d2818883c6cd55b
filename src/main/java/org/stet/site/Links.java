package org.stet.site;

/** The public site's URL scheme, in one place. */
public final class Links {

  private Links() {}

  public static String article(String slug) {
    return "/articles/" + slug;
  }

  public static String category(String slug) {
    return "/categories/" + slug;
  }

  public static String tag(String slug) {
    return "/tags/" + slug;
  }

  public static String author(String slug) {
    return "/authors/" + slug;
  }

  public static String journal(String slug) {
    return "/journals/" + slug;
  }

  public static String issue(String journalSlug, int number) {
    return journal(journalSlug) + "/issues/" + number;
  }

  /**
   * The site's address ({@code stet.site.base-url}) without a trailing slash, for absolute links.
   */
  public static String site(org.stet.settings.SiteConfig config) {
    String base = config.baseUrl();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
