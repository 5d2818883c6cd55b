package org.stet.spi;

/**
 * A workflow step as plugins see it.
 *
 * @param action e.g. {@code PUBLISH}, {@code ACCEPT} (see docs/workflow.md)
 * @param from the state before, e.g. {@code ACCEPTED}
 * @param to the state after, e.g. {@code PUBLISHED}
 * @param actor who takes it (an e-mail address), or {@code system} for scheduled publication
 * @param note what the actor wrote, or {@code null}
 * @since 0.2
 */
public record TransitionView(
    long articleId,
    String articleSlug,
    String action,
    String from,
    String to,
    String actor,
    String note) {}
