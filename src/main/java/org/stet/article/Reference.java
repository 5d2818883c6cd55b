package org.stet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A work an article cites, kept as data so the reference list and the in-text citations are
 * generated (APA style) rather than typed into the body.
 */
@Embeddable
public class Reference {

  /** How the body cites it: {@code [@citeKey]}. */
  @Column(name = "cite_key")
  public String citeKey;

  /** Authors in APA list form, e.g. {@code "Walker, S."}; family name before the comma. */
  public String[] authors;

  public Integer year;

  public String title;

  /** The site, journal or book the work appeared in; optional. */
  public String container;

  public String url;
}
