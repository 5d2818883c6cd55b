package org.stet.site.service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.article.ArticleCorrection;
import org.stet.article.ArticleScope;
import org.stet.article.service.CategoryService;
import org.stet.journal.IssuePlacement;
import org.stet.journal.IssueStatus;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.service.CitationStyleService;
import org.stet.person.Person;
import org.stet.pluginhost.PluginsChanged;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;
import org.stet.site.Links;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;

/**
 * The newest published articles of the site, a category, a tag, an author, a journal or one of its
 * issues, as a feed (written as Atom or RSS by the resource). Retracted articles are not in feeds.
 * Feeds are kept until {@code stet.site.page-refresh} has passed or something they show changed.
 */
@ApplicationScoped
public class Feeds {

  /** What a feed follows. */
  public enum Kind {
    SITE,
    CATEGORY,
    TAG,
    AUTHOR,
    JOURNAL,
    ISSUE
  }

  /** One feed: its kind, the slug it follows (the journal's for an issue) and the issue number. */
  public record Source(Kind kind, String slug, int number) {

    public static Source site() {
      return new Source(Kind.SITE, "", 0);
    }
  }

  /**
   * A feed: its title and subtitle (may be null), the site's name and address, the path its page
   * has and its Atom and RSS addresses extend (e.g. {@code /categories/energy}, empty for the
   * site), its language, when its newest entry changed, and its entries.
   */
  public record Feed(
      String title,
      String subtitle,
      String siteName,
      String siteUrl,
      String path,
      String language,
      Instant updated,
      List<Entry> entries) {

    /** The HTML page that lists these articles, and more. */
    public String pageUrl() {
      return siteUrl + (path.isEmpty() ? "/" : path);
    }

    public String atomUrl() {
      return siteUrl + path + "/feed";
    }

    public String rssUrl() {
      return siteUrl + path + "/rss";
    }
  }

  /**
   * An entry: a stable id (a {@code tag:} URI of the article's id), title, address, publication and
   * last change, byline names, category, the excerpt, and the full text (sanitised HTML; null when
   * the site's feeds carry excerpts).
   */
  public record Entry(
      String id,
      String title,
      String url,
      Instant published,
      Instant updated,
      List<String> authors,
      String category,
      String summary,
      String contentHtml) {}

  private final PublicSiteService site;
  private final CitableArticles citables;
  private final LoadingCache<Source, Optional<Feed>> feeds;

  Feeds(PublicSiteService site, CitableArticles citables, SiteConfig config) {
    this.site = site;
    this.citables = citables;
    this.feeds =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(config.pageRefresh())
            .build(source -> QuarkusTransaction.requiringNew().call(() -> read(source)));
  }

  /** The feed of {@code source}; empty when it has no public page (404). */
  public Optional<Feed> feed(Source source) {
    return feeds.get(source);
  }

  void onArticle(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
    feeds.invalidateAll();
  }

  void onCategories(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CategoryService.CategoriesChanged change) {
    feeds.invalidateAll();
  }

  void onPlugins(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginsChanged change) {
    feeds.invalidateAll();
  }

  void onStyle(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CitationStyleService.StyleChanged change) {
    feeds.invalidateAll();
  }

  void onSettings(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          org.stet.settings.FeedSettings.Changed change) {
    feeds.invalidateAll();
  }

  private Optional<Feed> read(Source source) {
    Site settings = Site.current();
    int size = settings.feedEntries;
    String siteName = settings.name;
    return switch (source.kind()) {
      case SITE ->
          Optional.of(
              feed(siteName, settings.tagline, "", latest(ArticleScope.all(), size), settings));
      case CATEGORY ->
          Category.findBySlug(source.slug())
              .flatMap(
                  category ->
                      term(
                          category.name,
                          Links.category(category.slug),
                          ArticleScope.inCategory(category),
                          settings));
      case TAG ->
          Tag.findBySlug(source.slug())
              .flatMap(
                  tag -> term(tag.name, Links.tag(tag.slug), ArticleScope.withTag(tag), settings));
      case AUTHOR ->
          Person.findBySlug(source.slug())
              .flatMap(
                  person ->
                      term(
                          person.displayName,
                          Links.author(person.slug),
                          ArticleScope.byAuthor(person),
                          settings));
      case JOURNAL ->
          Journal.findBySlug(source.slug())
              .map(
                  journal ->
                      feed(
                          journal.name,
                          journal.description,
                          Links.journal(journal.slug),
                          latest(ArticleScope.inJournal(journal.id), size),
                          settings));
      case ISSUE ->
          Journal.findBySlug(source.slug())
              .flatMap(journal -> JournalIssue.findByNumber(journal, source.number()))
              .filter(issue -> issue.status == IssueStatus.PUBLISHED)
              .map(
                  issue ->
                      feed(
                          issue.journal.name + ", " + issue.label(),
                          issue.title,
                          Links.issue(issue.journal.slug, issue.number),
                          IssuePlacement.listPublishedInIssue(issue).stream()
                              .map(placement -> placement.article)
                              .limit(Site.MAX_FEED_ENTRIES)
                              .toList(),
                          settings));
    };
  }

  /**
   * The feed of a category, tag or author named {@code name}, whose page is {@code path}: only
   * while it has a published article, as its page.
   */
  private Optional<Feed> term(String name, String path, ArticleScope scope, Site settings) {
    return Article.anyPublished(scope)
        ? Optional.of(
            feed(
                name + " | " + settings.name,
                null,
                path,
                latest(scope, settings.feedEntries),
                settings))
        : Optional.empty();
  }

  private static List<Article> latest(ArticleScope scope, int size) {
    return Article.slicePublished(scope, null, false, size).articles();
  }

  private Feed feed(
      String title, String subtitle, String path, List<Article> articles, Site settings) {
    String siteUrl = citables.siteUrl();
    Map<Long, Instant> corrected = corrections(articles);
    List<Entry> entries =
        articles.stream()
            .map(
                article -> {
                  Instant correction = corrected.get(article.id);
                  Instant updated =
                      correction != null && correction.isAfter(article.publishedAt)
                          ? correction
                          : article.publishedAt;
                  return new Entry(
                      id(siteUrl, article),
                      article.title,
                      siteUrl + Links.article(article.slug),
                      article.publishedAt,
                      updated,
                      article.authors.stream().map(person -> person.displayName).toList(),
                      article.category == null ? null : article.category.name,
                      article.excerpt,
                      settings.feedFullText ? site.bodyHtml(article) : null);
                })
            .toList();
    Instant updated =
        entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    return new Feed(
        title, subtitle, settings.name, siteUrl, path, settings.locale, updated, entries);
  }

  /** The newest correction of each article that has one. */
  private static Map<Long, Instant> corrections(List<Article> articles) {
    Map<Long, Instant> newest = new HashMap<>();
    if (articles.isEmpty()) {
      return newest;
    }
    List<Object[]> rows =
        ArticleCorrection.getEntityManager()
            .createQuery(
                "select c.articleId, max(c.correctedAt) from ArticleCorrection c"
                    + " where c.articleId in :ids group by c.articleId",
                Object[].class)
            .setParameter("ids", articles.stream().map(article -> article.id).toList())
            .getResultList();
    rows.forEach(row -> newest.put((Long) row[0], (Instant) row[1]));
    return newest;
  }

  /**
   * {@code tag:host,YYYY-MM-DD:article/ID}: the article's id and first day on the site, so the
   * entry stays the same entry when its title or address changes (RFC 4151).
   */
  private static String id(String siteUrl, Article article) {
    String host = URI.create(siteUrl).getHost();
    return "tag:"
        + (host == null ? "localhost" : host)
        + ","
        + article.publishedAt.atOffset(ZoneOffset.UTC).toLocalDate()
        + ":article/"
        + article.id;
  }
}
