package org.stet.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A periodical the site publishes, e.g. "Asya Avrupa: Haber-Yorum". */
@Entity
@Table(name = "journal")
public class Journal extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String name;

  public String slug;

  public String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_anonymity")
  public ReviewAnonymity reviewAnonymity = ReviewAnonymity.SINGLE;

  /** The CSL style of the journal's articles; null uses the site's. */
  @Column(name = "citation_style")
  public String citationStyle;

  /** The ISSN of the printed journal ("1234-5679"), or null. */
  @Column(name = "print_issn")
  public String printIssn;

  /** The ISSN of the online journal, or null. */
  @Column(name = "online_issn")
  public String onlineIssn;

  /** Who publishes the journal, for citation metadata; null is the site's name. */
  public String publisher;

  /** The DOI prefix Crossref gave the publisher ("10.5555"), or null: no DOIs are assigned. */
  @Column(name = "doi_prefix")
  public String doiPrefix;

  /** How an article's DOI suffix is made ({@link Doi}); null is the default pattern. */
  @Column(name = "doi_suffix_pattern")
  public String doiSuffixPattern;

  /** Who Crossref writes to about deposits, as its deposit XML names them. */
  @Column(name = "depositor_name")
  public String depositorName;

  @Column(name = "depositor_email")
  public String depositorEmail;

  /** The suffix pattern in use: the journal's own or the default. */
  public String suffixPattern() {
    return doiSuffixPattern == null ? Doi.DEFAULT_SUFFIX_PATTERN : doiSuffixPattern;
  }

  public static Optional<Journal> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
