package org.stet.site;

import java.util.List;
import org.stet.markdown.RenderedBody;
import org.stet.spi.ArticleView;
import org.stet.spi.PersonView;

/** What the public templates show: plain, immutable data, already formatted for the reader. */
public final class PageModels {

  private PageModels() {}

  /** Site name and the like, shown on every page. */
  public record Chrome(String siteName, String tagline, String locale) {}

  /** A labelled link, e.g. a category, a tag or an author. */
  public record NamedLink(String name, String href) {}

  /** A date as a reader sees it ({@code 18.01.2017}) and as machines read it (ISO 8601). */
  public record ShownDate(String text, String iso) {}

  /**
   * One entry of the reference list, formatted by the article's citation style as sanitised HTML;
   * {@code anchor} is what citations link to.
   */
  public record ReferenceEntry(String anchor, String html) {}

  /** "*Published in the February 2017 No. 14 issue of the "…" journal." */
  public record PublicationNote(String lead, String issueLabel, String issueHref, String journal) {}

  /** Why and when an article was retracted, shown at its top. */
  public record Retraction(ShownDate date, String reason) {}

  /** A correction readers are told of: when, and what was corrected. */
  public record Correction(ShownDate date, String note) {}

  /**
   * Everything on an article page. {@code note} is {@code null} when it is in no issue, {@code
   * retraction} when it was not retracted; {@code corrections} are the ones with a note, oldest
   * first; {@code head} is what the page's head tells machines; {@code citeThis} how to cite it in
   * its citation style (sanitised HTML); {@code doiUrl} its DOI as a doi.org address, or null.
   */
  public record ArticleDetail(
      ArticleView view,
      String title,
      String excerpt,
      ShownDate date,
      long views,
      NamedLink category,
      List<NamedLink> authors,
      String bodyHtml,
      List<ReferenceEntry> references,
      List<RenderedBody.Footnote> footnotes,
      PublicationNote note,
      List<NamedLink> tags,
      Retraction retraction,
      List<Download> downloads,
      List<Correction> corrections,
      ArticleHead head,
      String citeThis,
      String doiUrl) {}

  /**
   * What an article page's head carries for machines: its canonical address, the citation meta tags
   * ({@link CitationMetaTags}) and the JSON-LD ({@link ArticleStructuredData}).
   */
  public record ArticleHead(
      String canonical, List<CitationMetaTags.Meta> metas, String structuredData) {}

  /**
   * A file readers can download from the article page: the link's text ("Download PDF" for the
   * first PDF, else the label), its address, and what and how big it is ("PDF, 1.2 MB").
   */
  public record Download(String text, String href, String details) {}

  /** An article in a list. */
  public record ArticleSummary(
      String title, String href, ShownDate date, List<NamedLink> authors, String excerpt) {}

  /**
   * A paginated list of articles. {@code newerHref}/{@code olderHref} are {@code null} on the
   * first/last page; {@code person} is set on an author's page; {@code feedPath} is the path its
   * feeds extend ({@code /feed}, {@code /rss}), empty on the home page (the site's feeds).
   */
  public record Listing(
      String heading,
      String kindLabel,
      List<ArticleSummary> items,
      String newerHref,
      String olderHref,
      PersonView person,
      String feedPath) {}

  /** The authors index: people with published articles, in name order, a page of them. */
  public record AuthorIndex(List<NamedLink> authors, String previousHref, String nextHref) {}

  /** A published article found by a search, with the words around what matched. */
  public record SearchHit(
      String title,
      String href,
      ShownDate date,
      List<NamedLink> authors,
      NamedLink category,
      List<org.stet.search.SearchResults.Fragment> snippet) {}

  /**
   * The search page: the search as typed and narrowed, its hits and how many match ({@code
   * countText}, e.g. "23 articles", "more than 1,000 articles"), links to the next and first page
   * (null when there is none), a "did you mean" search and its address, and the choices the filter
   * form offers. {@code narrowing} names the filters that came with a link (tag, author, journal)
   * and where the search goes without each.
   */
  public record SearchPage(
      String query,
      boolean searched,
      boolean onlyCommonWords,
      List<SearchHit> hits,
      String countText,
      String nextHref,
      String firstHref,
      String suggestion,
      String suggestionHref,
      SearchChoices chosen,
      List<NamedLink> narrowing,
      List<NamedLink> categories) {}

  /** The filters of a search as chosen (empty text for none); {@code newest} for date order. */
  public record SearchChoices(
      String category,
      String tag,
      String author,
      String journal,
      String issue,
      String from,
      String to,
      boolean newest) {

    /** The same choices without the tag. */
    public SearchChoices withoutTag() {
      return new SearchChoices(category, "", author, journal, issue, from, to, newest);
    }

    /** The same choices without the author. */
    public SearchChoices withoutAuthor() {
      return new SearchChoices(category, tag, "", journal, issue, from, to, newest);
    }

    /** The same choices without the journal and its issue. */
    public SearchChoices withoutJournal() {
      return new SearchChoices(category, tag, author, "", "", from, to, newest);
    }
  }

  /** An issue in a journal's list of issues. */
  public record IssueSummary(String label, String title, String href, boolean published) {}

  /** A journal and its issues, newest first; its feeds extend {@code path}. */
  public record JournalPage(
      String name, String description, List<IssueSummary> issues, String path) {}

  /** An issue and its table of contents; {@code structuredData} is its JSON-LD. */
  public record IssuePage(
      String journalName,
      String journalHref,
      String label,
      String title,
      boolean published,
      List<ArticleSummary> contents,
      String path,
      String canonical,
      String structuredData) {

    /** What its feeds are called: "Journal, No. 14". */
    public String feedTitle() {
      return journalName + ", " + label;
    }
  }
}
