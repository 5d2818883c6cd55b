package org.stet.spi;

import java.util.List;

/**
 * Sends plain-text e-mail through Stet's mailer (the desk's notifications use the same).
 * Implemented by Stet; inject it.
 *
 * @since 0.3
 */
public interface Mail {

  /**
   * Sends a mail after the current transaction commits (at once outside one). A mail that cannot be
   * sent is logged, never thrown: it must not undo what it reports.
   */
  void send(String to, String subject, String text);

  /** The addresses of the site's active editors. */
  List<String> editorAddresses();

  /** The site's public address, for links in mails, e.g. {@code https://example.org}. */
  String siteUrl();
}
