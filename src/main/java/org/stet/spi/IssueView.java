package org.stet.spi;

/**
 * The journal issue an article is placed in, as plugins see it.
 *
 * @param published whether the issue is out (otherwise planned)
 * @since 0.2
 */
public record IssueView(
    String journalSlug, String journalName, int number, int year, int month, boolean published) {}
