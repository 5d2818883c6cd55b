package org.stet.markdown;

/** What a {@code [@key]} in a body becomes: a link to {@code #anchor} reading {@code label}. */
public record Citation(String anchor, String label) {}
