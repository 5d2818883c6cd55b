package org.stet.desk;

import io.quarkus.qute.RawString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.stet.spi.SafeMarkdown;

/**
 * Letters people write on the desk (reviews, decision letters, response letters) as HTML: their
 * Markdown with any raw HTML shown as text, then cleaned by the same policy as plugins' Markdown
 * (paragraphs, lists, quotes, emphasis, code, links; no images). Templates reach it as {@code
 * inject:letters}.
 */
@Named("letters")
@ApplicationScoped
public class DeskLetters {

  private final SafeMarkdown markdown;

  DeskLetters(SafeMarkdown markdown) {
    this.markdown = markdown;
  }

  /** The letter as cleaned HTML; empty for none. */
  public RawString html(String letter) {
    return new RawString(letter == null || letter.isBlank() ? "" : markdown.toHtml(letter));
  }
}
