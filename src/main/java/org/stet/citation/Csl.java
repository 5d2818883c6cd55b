package org.stet.citation;

import java.util.Set;

/** The vocabulary of CSL-JSON 1.0.2 that Stet accepts: item types and what each variable holds. */
public final class Csl {

  private Csl() {}

  /** The item types of CSL 1.0.2. */
  public static final Set<String> TYPES =
      Set.of(
          "article",
          "article-journal",
          "article-magazine",
          "article-newspaper",
          "bill",
          "book",
          "broadcast",
          "chapter",
          "classic",
          "collection",
          "dataset",
          "document",
          "entry",
          "entry-dictionary",
          "entry-encyclopedia",
          "event",
          "figure",
          "graphic",
          "hearing",
          "interview",
          "legal_case",
          "legislation",
          "manuscript",
          "map",
          "motion_picture",
          "musical_score",
          "pamphlet",
          "paper-conference",
          "patent",
          "performance",
          "periodical",
          "personal_communication",
          "post",
          "post-weblog",
          "regulation",
          "report",
          "review",
          "review-book",
          "software",
          "song",
          "speech",
          "standard",
          "thesis",
          "treaty",
          "webpage");

  /** CSL variables that hold a list of names. */
  public static final Set<String> NAME_FIELDS =
      Set.of(
          "author",
          "chair",
          "collection-editor",
          "compiler",
          "composer",
          "container-author",
          "contributor",
          "curator",
          "director",
          "editor",
          "editorial-director",
          "executive-producer",
          "guest",
          "host",
          "interviewer",
          "illustrator",
          "narrator",
          "organizer",
          "original-author",
          "performer",
          "producer",
          "recipient",
          "reviewed-author",
          "script-writer",
          "series-creator",
          "translator");

  /** CSL variables that hold a date. */
  public static final Set<String> DATE_FIELDS =
      Set.of("accessed", "available-date", "event-date", "issued", "original-date", "submitted");

  /** CSL variables that hold text (or a number, kept as text). */
  public static final Set<String> TEXT_FIELDS =
      Set.of(
          "citation-key",
          "language",
          "journalAbbreviation",
          "shortTitle",
          "abstract",
          "annote",
          "archive",
          "archive_collection",
          "archive_location",
          "archive-place",
          "authority",
          "call-number",
          "chapter-number",
          "citation-label",
          "collection-number",
          "collection-title",
          "container-title",
          "container-title-short",
          "dimensions",
          "division",
          "DOI",
          "edition",
          "event",
          "event-title",
          "event-place",
          "genre",
          "ISBN",
          "ISSN",
          "issue",
          "jurisdiction",
          "keyword",
          "medium",
          "note",
          "number",
          "number-of-pages",
          "number-of-volumes",
          "original-publisher",
          "original-publisher-place",
          "original-title",
          "page",
          "page-first",
          "part",
          "part-title",
          "PMCID",
          "PMID",
          "printing",
          "publisher",
          "publisher-place",
          "references",
          "reviewed-genre",
          "reviewed-title",
          "scale",
          "section",
          "source",
          "status",
          "supplement",
          "title",
          "title-short",
          "URL",
          "version",
          "volume",
          "volume-title",
          "volume-title-short",
          "year-suffix");

  /**
   * Fields a processor computes or that only describe a record elsewhere: dropped without a word
   * (Crossref's CSL-JSON carries dozens, e.g. {@code indexed}, {@code license}, {@code score}).
   */
  static final Set<String> COMPUTED =
      Set.of("citation-number", "first-reference-note-number", "locator", "categories", "custom");

  static final Set<String> NAME_PARTS =
      Set.of(
          "family",
          "given",
          "literal",
          "suffix",
          "dropping-particle",
          "non-dropping-particle",
          "comma-suffix",
          "static-ordering",
          "parse-names");
}
