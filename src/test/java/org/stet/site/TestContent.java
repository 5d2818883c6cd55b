package org.stet.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.person.Person;
import org.stet.taxonomy.Category;
import org.stet.web.Slug;

/** Creates content for HTTP tests, each caller in its own category so tests do not collide. */
@ApplicationScoped
public class TestContent {

  /** Fired as the workflow would, so caches (pages, feeds, sitemap) see test content at once. */
  @jakarta.inject.Inject jakarta.enterprise.event.Event<org.stet.article.ArticleChanged> changed;

  @Transactional
  public Category category(String name) {
    Category category = new Category();
    category.name = name;
    category.slug = Slug.from(name);
    category.persist();
    return category;
  }

  /** A published article with {@code body}, in {@code category}, by a new author. */
  @Transactional
  public Article publish(String slug, String body, Category category, Instant publishedAt) {
    Person author =
        Person.findBySlug("test-author")
            .orElseGet(
                () -> {
                  Person person = new Person();
                  person.displayName = "Test Author";
                  person.slug = "test-author";
                  person.persist();
                  return person;
                });
    Article article = new Article();
    article.title = "Title of " + slug;
    article.slug = slug;
    article.body = body;
    article.status = ArticleStatus.PUBLISHED;
    article.publishedAt = publishedAt;
    article.category = category == null ? null : Category.findById(category.id);
    article.authors.add(author);
    article.persist();
    changed.fire(new org.stet.article.ArticleChanged(article.id, article.slug));
    return article;
  }

  /** Replaces the article's body, as an editor's correction after publication would. */
  @Transactional
  public void setBody(long articleId, String body) {
    Article.<Article>findById(articleId).body = body;
  }

  /** Gives the article these references (CSL-JSON items) and, when not null, this journal. */
  @Transactional
  public void cite(long articleId, List<java.util.Map<String, Object>> references, String journal) {
    Article article = Article.findById(articleId);
    article.references = new ArrayList<>(references);
    if (journal != null) {
      article.journal = org.stet.journal.Journal.findBySlug(journal).orElseThrow();
    }
  }

  /**
   * A new person named {@code name}; with {@code published}, on the byline of a published article.
   * Answers the person's slug.
   */
  @Transactional
  public String person(String name, boolean published) {
    Person person = Person.create(name);
    if (published) {
      Article article = new Article();
      article.title = "Article by " + name;
      article.slug = "by-" + person.slug;
      article.body = "Text.";
      article.status = ArticleStatus.PUBLISHED;
      article.publishedAt = Instant.parse("2024-01-01T00:00:00Z");
      article.authors.add(person);
      article.persist();
    }
    return person.slug;
  }

  /** {@code count} published articles in a new category; the oldest first. */
  @Transactional
  public List<Article> publishMany(String categoryName, int count, Instant newest) {
    Category category = category(categoryName);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Pairs share a timestamp, so the id must break the tie in the keyset.
      Instant at = newest.minusSeconds(3600L * ((count - 1 - i) / 2));
      articles.add(publish(category.slug + "-" + i, "Body " + i, category, at));
    }
    return articles;
  }

  /**
   * Gives the article this title, excerpt and DOI (either may be null) and a byline of new people
   * with these names, in order.
   */
  @Transactional
  public void describe(
      long articleId, String title, String excerpt, String doi, List<String> authorNames) {
    Article article = Article.findById(articleId);
    article.title = title;
    article.excerpt = excerpt;
    article.doi = doi;
    article.authors.clear();
    for (String name : authorNames) {
      article.authors.add(Person.create(name));
    }
    changed.fire(new org.stet.article.ArticleChanged(article.id, article.slug));
  }

  /** The article's DOI, or null. */
  @Transactional
  public String doiOf(long articleId) {
    return Article.<Article>findById(articleId).doi;
  }

  /** Puts the article at the end of the issue without giving it a DOI (as before DOI settings). */
  @Transactional
  public void placeWithoutDoi(long articleId, String journalSlug, int number) {
    org.stet.journal.JournalIssue issue =
        org.stet.journal.JournalIssue.findByNumber(
                org.stet.journal.Journal.findBySlug(journalSlug).orElseThrow(), number)
            .orElseThrow();
    org.stet.journal.IssuePlacement placement = new org.stet.journal.IssuePlacement();
    placement.article = Article.findById(articleId);
    placement.issue = issue;
    placement.position = org.stet.journal.IssuePlacement.nextPosition(issue);
    placement.persist();
  }

  /** Sets the DOI of the article with {@code slug} (null: none). */
  @Transactional
  public void setDoi(String slug, String doi) {
    Article.<Article>find("slug", slug).firstResult().doi = doi;
  }

  /** A correction of the published article, made {@code at}, without a note. */
  @Transactional
  public void correct(long articleId, Instant at) {
    org.stet.article.ArticleCorrection correction = new org.stet.article.ArticleCorrection();
    correction.articleId = articleId;
    correction.revision =
        org.stet.article.ArticleRevision.record(Article.findById(articleId), null);
    correction.correctedAt = at;
    correction.persist();
    changed(articleId);
  }

  /** An article in {@code status} by the person of the account {@code ownerEmail}. */
  @Transactional
  public long articleInState(String ownerEmail, ArticleStatus status) {
    Article article = new Article();
    article.title =
        "Workflow article ("
            + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + ")";
    article.slug = "workflow-" + java.util.UUID.randomUUID();
    article.body = "Text.";
    article.status = status;
    if (status == ArticleStatus.PUBLISHED
        || status == ArticleStatus.SCHEDULED
        || status == ArticleStatus.RETRACTED) {
      article.publishedAt =
          Instant.now().plusSeconds(status == ArticleStatus.SCHEDULED ? 3600 : -3600);
    }
    article.authors.add(org.stet.identity.Account.findByEmail(ownerEmail).orElseThrow().person);
    article.persist();
    return article.id;
  }

  @Transactional
  public ArticleStatus status(long articleId) {
    return Article.<Article>findById(articleId).status;
  }

  /** Moves a scheduled article's publication time into the past, as if time had passed. */
  @Transactional
  public void makeDue(long articleId) {
    Article.getEntityManager()
        .createNativeQuery(
            "update article set published_at = now() - interval '1 minute' where id = ?1")
        .setParameter(1, articleId)
        .executeUpdate();
  }

  @Transactional
  public long articleId(String slug) {
    return Article.findBySlug(slug).orElseThrow().id;
  }

  @Transactional
  public long viewCount(long articleId) {
    return ((Number)
            Article.getEntityManager()
                .createNativeQuery("select view_count from article where id = ?1")
                .setParameter(1, articleId)
                .getSingleResult())
        .longValue();
  }

  /** The slug of the journal the article is considered for, or null. */
  @Transactional
  public String journalOf(long articleId) {
    Article article = Article.findById(articleId);
    return article.journal == null ? null : article.journal.slug;
  }

  /** Tags the article with a new tag named {@code name}. */
  @Transactional
  public void tag(long articleId, String name) {
    org.stet.taxonomy.Tag tag = new org.stet.taxonomy.Tag();
    tag.name = name;
    tag.slug = Slug.from(name);
    tag.persist();
    Article.<Article>findById(articleId).tags.add(tag);
    changed(articleId);
  }

  /** Publishes the article now, as if an editor had. */
  @Transactional
  public void publishNow(long articleId) {
    Article article = Article.findById(articleId);
    article.status = ArticleStatus.PUBLISHED;
    article.publishedAt = Instant.now().minusSeconds(60);
    changed(articleId);
  }

  /** An article published {@code at} by the person with {@code personSlug}; answers its id. */
  @Transactional
  public long publishBy(String personSlug, String slug, Instant at) {
    Article article = new Article();
    article.title = "Title of " + slug;
    article.slug = slug;
    article.body = "Text.";
    article.status = ArticleStatus.PUBLISHED;
    article.publishedAt = at;
    article.authors.add(Person.findBySlug(personSlug).orElseThrow());
    article.persist();
    changed(article.id);
    return article.id;
  }

  /** Retracts the published article, as its editor would. */
  @Transactional
  public void retract(long articleId) {
    Article.<Article>findById(articleId).status = ArticleStatus.RETRACTED;
    changed(articleId);
  }

  /** An article in {@code status} by the person with {@code personSlug}. */
  @Transactional
  public long articleBy(String personSlug, ArticleStatus status) {
    Article article = new Article();
    article.title = "By " + personSlug;
    article.slug = "by-" + personSlug + "-" + java.util.UUID.randomUUID();
    article.body = "Text.";
    article.status = status;
    article.authors.add(Person.findBySlug(personSlug).orElseThrow());
    article.persist();
    return article.id;
  }

  /** Files the article under {@code category}, as its editor would. */
  @Transactional
  public void fileUnder(long articleId, Category category) {
    Article.<Article>findById(articleId).category = Category.findById(category.id);
    changed(articleId);
  }

  private void changed(long articleId) {
    changed.fire(
        new org.stet.article.ArticleChanged(articleId, Article.<Article>findById(articleId).slug));
  }

  /** The slug of the article's category, or null. */
  @Transactional
  public String categoryOf(long articleId) {
    Article article = Article.findById(articleId);
    return article.category == null ? null : article.category.slug;
  }
}
