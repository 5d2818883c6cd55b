package org.stet.site.service;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleCorrection;
import org.stet.article.ArticleScope;
import org.stet.article.ArticleStatus;
import org.stet.article.PageCursor;
import org.stet.article.PublishedAuthors;
import org.stet.article.PublishedSlice;
import org.stet.citation.CitedText;
import org.stet.journal.IssuePlacement;
import org.stet.journal.IssueStatus;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.service.CitationStyleService;
import org.stet.markdown.MarkdownRenderer;
import org.stet.markdown.RenderedBody;
import org.stet.media.ArticleFile;
import org.stet.media.FileChecks;
import org.stet.media.Sizes;
import org.stet.media.service.FileService;
import org.stet.media.service.MediaService;
import org.stet.person.Person;
import org.stet.pluginhost.PluginViews;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;
import org.stet.site.ArticleStructuredData;
import org.stet.site.CitableArticle;
import org.stet.site.CitationMetaTags;
import org.stet.site.JatsWriter;
import org.stet.site.Links;
import org.stet.site.PageModels.ArticleDetail;
import org.stet.site.PageModels.ArticleHead;
import org.stet.site.PageModels.ArticleSummary;
import org.stet.site.PageModels.AuthorIndex;
import org.stet.site.PageModels.Chrome;
import org.stet.site.PageModels.Correction;
import org.stet.site.PageModels.Download;
import org.stet.site.PageModels.IssuePage;
import org.stet.site.PageModels.IssueSummary;
import org.stet.site.PageModels.JournalPage;
import org.stet.site.PageModels.Listing;
import org.stet.site.PageModels.NamedLink;
import org.stet.site.PageModels.PublicationNote;
import org.stet.site.PageModels.ReferenceEntry;
import org.stet.site.PageModels.Retraction;
import org.stet.site.PageModels.ShownDate;
import org.stet.spi.ArticleView;
import org.stet.spi.PersonView;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;
import org.stet.workflow.WorkflowAction;
import org.stet.workflow.WorkflowEvent;

/** Reads what the public pages show; only published articles ever leave this class. */
@ApplicationScoped
@Transactional(SUPPORTS)
public class PublicSiteService {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** The text of the link to an article's first PDF, the one citation metadata names. */
  private static final String PDF_LINK = "Download PDF";

  private final MarkdownRenderer markdown;
  private final SiteConfig config;

  private final org.stet.pluginhost.ExtensionHost extensions;
  private final CitedText citedText;
  private final CitationStyleService styles;
  private final FileService files;
  private final MediaService media;
  private final CitableArticles citables;

  PublicSiteService(
      MarkdownRenderer markdown,
      SiteConfig config,
      org.stet.pluginhost.ExtensionHost extensions,
      CitedText citedText,
      CitationStyleService styles,
      FileService files,
      MediaService media,
      CitableArticles citables) {
    this.citables = citables;
    this.files = files;
    this.media = media;
    this.markdown = markdown;
    this.config = config;
    this.extensions = extensions;
    this.citedText = citedText;
    this.styles = styles;
  }

  public Chrome chrome() {
    Site site = Site.current();
    return new Chrome(site.name, site.tagline, site.locale);
  }

  public Optional<ArticleDetail> article(String slug) {
    return Article.findOnSiteBySlug(slug).map(this::detail);
  }

  /** Which listing to show: its scope, heading and the path its page links extend. */
  public record ListingRequest(String path, PageCursor cursor, boolean older) {}

  public Listing home(ListingRequest request) {
    return listing(ArticleScope.all(), "Latest articles", "", request, null);
  }

  /** A category's page; only categories with a published article have one. */
  public Optional<Listing> category(String slug, ListingRequest request) {
    return Category.findBySlug(slug)
        .flatMap(c -> term(ArticleScope.inCategory(c), c.name, "Category", request));
  }

  /** A tag's page; only tags with a published article have one (names of drafts stay private). */
  public Optional<Listing> tag(String slug, ListingRequest request) {
    return Tag.findBySlug(slug).flatMap(t -> term(ArticleScope.withTag(t), t.name, "Tag", request));
  }

  private Optional<Listing> term(
      ArticleScope scope, String name, String kind, ListingRequest request) {
    Listing listing = listing(scope, name, kind, request, null);
    return listing.items().isEmpty() && !Article.anyPublished(scope)
        ? Optional.empty()
        : Optional.of(listing);
  }

  /** An author's page; only people with a published article have one. */
  public Optional<Listing> author(String slug, ListingRequest request) {
    return Person.findBySlug(slug)
        .filter(PublishedAuthors::hasPublished)
        .map(
            p ->
                listing(
                    ArticleScope.byAuthor(p),
                    p.displayName,
                    "Author",
                    request,
                    PluginViews.view(p)));
  }

  /**
   * A page of the authors index: after the person with id {@code after}, before the one with id
   * {@code before}, or the first page when both are null. Empty when the id names no author.
   */
  public Optional<AuthorIndex> authors(Long after, Long before) {
    Long from = after != null ? after : before;
    Person anchor = from == null ? null : Person.findById(from);
    if (from != null && anchor == null) {
      return Optional.empty();
    }
    boolean forward = before == null;
    int size = config.authorsPageSize();
    List<Person> rows = PublishedAuthors.listInNameOrder(anchor, forward, size + 1);
    boolean more = rows.size() > size;
    List<Person> page =
        forward
            ? rows.subList(0, Math.min(size, rows.size()))
            : rows.subList(Math.max(0, rows.size() - size), rows.size());
    boolean hasPrevious = forward ? anchor != null : more;
    boolean hasNext = forward ? more : true;
    return Optional.of(
        new AuthorIndex(
            page.stream().map(p -> new NamedLink(p.displayName, Links.author(p.slug))).toList(),
            hasPrevious && !page.isEmpty() ? "/authors?before=" + page.get(0).id : null,
            hasNext && !page.isEmpty() ? "/authors?after=" + page.get(page.size() - 1).id : null));
  }

  public List<NamedLink> journals() {
    return Journal.<Journal>list("order by name").stream()
        .map(journal -> new NamedLink(journal.name, Links.journal(journal.slug)))
        .toList();
  }

  public Optional<JournalPage> journal(String slug) {
    return Journal.findBySlug(slug)
        .map(
            journal ->
                new JournalPage(
                    journal.name,
                    journal.description,
                    JournalIssue.listOfJournal(journal).stream()
                        .map(
                            issue ->
                                new IssueSummary(
                                    issue.label(),
                                    issue.title,
                                    Links.issue(journal.slug, issue.number),
                                    issue.status == IssueStatus.PUBLISHED))
                        .toList(),
                    Links.journal(journal.slug)));
  }

  public Optional<IssuePage> issue(String journalSlug, int number) {
    ZoneId zone = Site.current().zone();
    return Journal.findBySlug(journalSlug)
        .flatMap(journal -> JournalIssue.findByNumber(journal, number))
        .map(issue -> issuePage(issue, zone));
  }

  /** An issue's page, with its JSON-LD: the issue, in its journal, and its contents. */
  private IssuePage issuePage(JournalIssue issue, ZoneId zone) {
    List<Article> articles =
        IssuePlacement.listPublishedInIssue(issue).stream().map(p -> p.article).toList();
    return new IssuePage(
        issue.journal.name,
        Links.journal(issue.journal.slug),
        issue.label(),
        issue.title,
        issue.status == IssueStatus.PUBLISHED,
        articles.stream().map(article -> summary(article, zone)).toList(),
        Links.issue(issue.journal.slug, issue.number),
        citables.siteUrl() + Links.issue(issue.journal.slug, issue.number),
        citables.issueStructuredData(issue, articles));
  }

  private Listing listing(
      ArticleScope scope,
      String heading,
      String kindLabel,
      ListingRequest request,
      PersonView person) {
    PublishedSlice slice =
        Article.slicePublished(scope, request.cursor(), request.older(), config.pageSize());
    ZoneId zone = Site.current().zone();
    return new Listing(
        heading,
        kindLabel,
        slice.articles().stream().map(article -> summary(article, zone)).toList(),
        slice.newer() == null ? null : request.path() + "?newer=" + slice.newer(),
        slice.older() == null ? null : request.path() + "?older=" + slice.older(),
        person,
        request.path());
  }

  /** The article's body as its page shows it (citations, figures, plugins' filters), sanitised. */
  public String bodyHtml(Article article) {
    Optional<IssuePlacement> placement = IssuePlacement.findByArticle(article);
    CitedText.Rendered text = text(article, styles.styleOf(article, placement));
    ArticleView view = PluginViews.view(article, placement);
    return markdown.sanitise(extensions.filter(view, text.body().html()));
  }

  private ArticleDetail detail(Article article) {
    ZoneId zone = Site.current().zone();
    Optional<IssuePlacement> placement = IssuePlacement.findByArticle(article);
    String style = styles.styleOf(article, placement);
    CitedText.Rendered text = text(article, style);
    RenderedBody body = text.body();
    List<ReferenceEntry> references =
        text.references().stream().map(e -> new ReferenceEntry(e.anchor(), e.html())).toList();
    ArticleView view = PluginViews.view(article, placement);
    List<ArticleCorrection> corrections = ArticleCorrection.of(article.id);
    Instant modified = ArticleCorrection.newest(corrections);
    List<Download> downloads = downloads(article);
    CitableArticle citable = citable(article, placement, modified, downloads);
    return new ArticleDetail(
        view,
        article.title,
        article.excerpt,
        date(article.publishedAt, zone),
        article.viewCount,
        article.category == null
            ? null
            : new NamedLink(article.category.name, Links.category(article.category.slug)),
        authorLinks(article),
        markdown.sanitise(extensions.filter(view, body.html())),
        references,
        body.footnotes(),
        placement.map(p -> note(p.issue)).orElse(null),
        article.tags.stream().map(tag -> new NamedLink(tag.name, Links.tag(tag.slug))).toList(),
        article.status == ArticleStatus.RETRACTED ? retraction(article, zone) : null,
        downloads,
        corrections.stream()
            .filter(correction -> correction.note != null)
            .map(correction -> new Correction(date(correction.correctedAt, zone), correction.note))
            .toList(),
        head(citable),
        citables.formatted(citable, style),
        citable.doiUrl());
  }

  /** The published (or retracted) article with {@code slug}, as citation metadata describes it. */
  public Optional<CitableArticle> citable(String slug) {
    return Article.findOnSiteBySlug(slug)
        .map(article -> citable(article, IssuePlacement.findByArticle(article)));
  }

  /**
   * The published (or retracted) article with {@code slug} as JATS describes it: its body rendered
   * in its citation style, without plugins' additions (a disclaimer belongs to the page, not to the
   * scholarly record).
   */
  public Optional<JatsWriter.Source> jats(String slug) {
    return Article.findOnSiteBySlug(slug).map(this::jats);
  }

  /** {@link #jats(String)} of an article already read. */
  public JatsWriter.Source jats(Article article) {
    Optional<IssuePlacement> placement = IssuePlacement.findByArticle(article);
    CitedText.Rendered text = text(article, styles.styleOf(article, placement));
    return new JatsWriter.Source(
        citable(article, placement), article.id, text.body().html(), text.body().footnotes());
  }

  /**
   * The article as a Crossref deposit describes it, with its references as plain text in its
   * citation style; the article must be published or retracted.
   */
  public org.stet.site.CrossrefWriter.Item crossref(Article article) {
    Optional<IssuePlacement> placement = IssuePlacement.findByArticle(article);
    CitableArticle citable = citable(article, placement);
    return new org.stet.site.CrossrefWriter.Item(
        citable, citables.referenceTexts(citable, styles.styleOf(article, placement)));
  }

  /** The article's text as readers see it, in citation style {@code style}, before plugins. */
  private CitedText.Rendered text(Article article, String style) {
    return citedText.render(article.body, article.references, style, false, media::resolve);
  }

  /** The article as citation metadata describes it, its corrections and files read here. */
  private CitableArticle citable(Article article, Optional<IssuePlacement> placement) {
    return citable(
        article,
        placement,
        ArticleCorrection.newest(ArticleCorrection.of(article.id)),
        downloads(article));
  }

  private CitableArticle citable(
      Article article,
      Optional<IssuePlacement> placement,
      Instant modified,
      List<Download> downloads) {
    return citables.of(
        article,
        placement,
        modified,
        downloads.stream()
            .filter(download -> download.text().equals(PDF_LINK))
            .findFirst()
            .map(Download::href)
            .orElse(null),
        Site.current().zone());
  }

  private static ArticleHead head(CitableArticle citable) {
    return new ArticleHead(
        citable.url(), CitationMetaTags.of(citable), ArticleStructuredData.of(citable));
  }

  /** The article's files, the first PDF offered as "Download PDF". */
  private List<Download> downloads(Article article) {
    List<Download> downloads = new java.util.ArrayList<>();
    boolean pdfOffered = false;
    for (ArticleFile file : files.ofPublished(article)) {
      boolean pdf = file.kind == FileChecks.Kind.PDF && !pdfOffered;
      pdfOffered |= pdf;
      downloads.add(
          new Download(
              pdf ? PDF_LINK : file.label,
              "/articles/" + article.slug + "/files/" + file.name,
              (pdf ? file.label + ", " : "") + file.kind.label + ", " + Sizes.words(file.size)));
    }
    return downloads;
  }

  private static Retraction retraction(Article article, ZoneId zone) {
    WorkflowEvent event =
        WorkflowEvent.<WorkflowEvent>find(
                "articleId = ?1 and action = ?2 order by id desc",
                article.id,
                WorkflowAction.RETRACT.name())
            .firstResult();
    return event == null
        ? new Retraction(null, null)
        : new Retraction(date(event.at, zone), event.note);
  }

  private static PublicationNote note(JournalIssue issue) {
    boolean out = issue.status == IssueStatus.PUBLISHED;
    return new PublicationNote(
        out ? "Published in the" : "To appear in the",
        issue.label(),
        Links.issue(issue.journal.slug, issue.number),
        issue.journal.name);
  }

  private static ArticleSummary summary(Article article, ZoneId zone) {
    return new ArticleSummary(
        article.title,
        Links.article(article.slug),
        date(article.publishedAt, zone),
        authorLinks(article),
        article.excerpt);
  }

  private static List<NamedLink> authorLinks(Article article) {
    return article.authors.stream()
        .map(person -> new NamedLink(person.displayName, Links.author(person.slug)))
        .toList();
  }

  static ShownDate date(Instant at, ZoneId zone) {
    return new ShownDate(
        SHOWN.format(at.atZone(zone)),
        // Whole seconds: HTML's datetime takes at most three digits of a second's fraction.
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(zone)));
  }
}
