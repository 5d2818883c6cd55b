package org.stet.spi;

/**
 * A person as plugins see it.
 *
 * @since 0.1
 */
public record PersonView(long id, String slug, String displayName) {}
