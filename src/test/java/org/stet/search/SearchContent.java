package org.stet.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.article.ArticleStatus;
import org.stet.person.Person;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;
import org.stet.web.Slug;

/** Articles written for search tests, changed as the desk would change them. */
@ApplicationScoped
public class SearchContent {

  @Inject Event<ArticleChanged> changed;

  /** What an article is made of; null for what it does not have. */
  public record Draft(
      String title,
      String excerpt,
      String body,
      ArticleStatus status,
      Instant publishedAt,
      List<String> authors,
      List<String> tags,
      String category) {

    public static Draft published(String title, String body, Instant at) {
      return new Draft(title, null, body, ArticleStatus.PUBLISHED, at, List.of(), List.of(), null);
    }

    public Draft excerpt(String text) {
      return new Draft(title, text, body, status, publishedAt, authors, tags, category);
    }

    public Draft by(String... names) {
      return new Draft(title, excerpt, body, status, publishedAt, List.of(names), tags, category);
    }

    public Draft tagged(String... names) {
      return new Draft(
          title, excerpt, body, status, publishedAt, authors, List.of(names), category);
    }

    public Draft in(String categoryName) {
      return new Draft(title, excerpt, body, status, publishedAt, authors, tags, categoryName);
    }

    public Draft as(ArticleStatus state) {
      return new Draft(title, excerpt, body, state, publishedAt, authors, tags, category);
    }
  }

  /** Writes the article; people, tags and categories are found by name or made. Answers its id. */
  @Transactional
  public long write(Draft draft) {
    Article article = new Article();
    article.title = draft.title();
    article.slug = Slug.from(draft.title()) + "-" + java.util.UUID.randomUUID();
    article.excerpt = draft.excerpt();
    article.body = draft.body();
    article.status = draft.status();
    article.publishedAt = draft.publishedAt();
    for (String name : draft.authors()) {
      article.authors.add(person(name));
    }
    for (String name : draft.tags()) {
      article.tags.add(tag(name));
    }
    if (draft.category() != null) {
      article.category = category(draft.category());
    }
    article.persist();
    changed.fire(new ArticleChanged(article.id, article.slug));
    return article.id;
  }

  @Transactional
  public String slug(long articleId) {
    return Article.<Article>findById(articleId).slug;
  }

  @Transactional
  public void setStatus(long articleId, ArticleStatus status) {
    Article.<Article>findById(articleId).status = status;
  }

  @Transactional
  public void setBody(long articleId, String body) {
    Article.<Article>findById(articleId).body = body;
  }

  @Transactional
  public void renamePerson(String from, String to) {
    Person.<Person>find("displayName", from).firstResult().displayName = to;
  }

  @Transactional
  public void renameTag(String from, String to) {
    Tag.<Tag>find("name", from).firstResult().name = to;
  }

  @Transactional
  public void renameCategory(String from, String to) {
    Category.<Category>find("name", from).firstResult().name = to;
  }

  /**
   * {@code count} published articles titled "{word} number n", written by one statement, dated in
   * 1999 so they list after every other test's articles (tests page through the home page).
   */
  @Transactional
  public void many(String word, int count) {
    Article.getEntityManager()
        .createNativeQuery(
            "insert into article (title, slug, body, status, published_at)"
                + " select ?1 || ' number ' || g, ?2 || '-' || g, 'Text ' || g, 'PUBLISHED',"
                + " timestamptz '1999-12-31 00:00:00Z' - g * interval '1 minute'"
                + " from generate_series(1, ?3) g")
        .setParameter(1, word)
        .setParameter(2, Slug.from(word) + "-" + java.util.UUID.randomUUID())
        .setParameter(3, count)
        .executeUpdate();
  }

  /** Asks the reviewer's account to review the article (invited, open, anonymity as given). */
  @Transactional
  public void askToReview(long articleId, long reviewerAccountId, String anonymity) {
    Article.getEntityManager()
        .createNativeQuery(
            "insert into review_assignment (article_id, reviewer_id, revision, anonymity, due_on)"
                + " values (?1, ?2, 1, ?3, current_date + 14)")
        .setParameter(1, articleId)
        .setParameter(2, reviewerAccountId)
        .setParameter(3, anonymity)
        .executeUpdate();
  }

  /** Makes the person of the account an author of the article. */
  @Transactional
  public void addAuthor(long articleId, Person person) {
    Article.<Article>findById(articleId).authors.add(Person.findById(person.id));
  }

  private static Person person(String name) {
    return Person.<Person>find("displayName", name)
        .firstResultOptional()
        .orElseGet(() -> Person.create(name));
  }

  private static Tag tag(String name) {
    return Tag.<Tag>find("name", name)
        .firstResultOptional()
        .orElseGet(
            () -> {
              Tag tag = new Tag();
              tag.name = name;
              tag.slug = Slug.from(name);
              tag.persist();
              return tag;
            });
  }

  private static Category category(String name) {
    return Category.<Category>find("name", name)
        .firstResultOptional()
        .orElseGet(
            () -> {
              Category category = new Category();
              category.name = name;
              category.slug = Slug.from(name);
              category.persist();
              return category;
            });
  }
}
