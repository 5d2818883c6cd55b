package org.stet.spi;

/**
 * The site as plugins see it, e.g. for a public page of their own ({@code {#include layout}} reads
 * {@code chrome.siteName}, {@code chrome.tagline}, {@code chrome.locale}: pass this as {@code
 * chrome}).
 *
 * @param timeZone the site's time zone id, e.g. {@code Asia/Almaty}, for dates readers see
 * @since 0.3
 */
public record SiteView(String siteName, String tagline, String locale, String timeZone) {}
