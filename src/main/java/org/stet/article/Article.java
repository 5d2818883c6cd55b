package org.stet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.stet.person.Person;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;

/** A piece of writing, from first draft to publication. The body is Markdown. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

  private static final String PUBLISHED = "status = org.stet.article.ArticleStatus.PUBLISHED";
  private static final String NEWEST_FIRST = " order by publishedAt desc, id desc";
  private static final String OLDEST_FIRST = " order by publishedAt asc, id asc";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String title;

  public String slug;

  public String body;

  public String excerpt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "category_id")
  public Category category;

  @Enumerated(EnumType.STRING)
  public ArticleStatus status = ArticleStatus.DRAFT;

  @Column(name = "published_at")
  public Instant publishedAt;

  /** Written only by the batched view counter, never by an entity save. */
  @Column(name = "view_count", insertable = false, updatable = false)
  public long viewCount;

  @Version public long version;

  /** When the article entered its current state; the desk's queues are ordered by it. */
  @Column(name = "state_changed_at")
  public Instant stateChangedAt = Instant.now();

  /** The article's DOI without a resolver ("10.1234/abc"), or null. */
  public String doi;

  /** When the DOI was deposited with Crossref (from then on it never changes), or null. */
  @Column(name = "doi_deposited_at")
  public Instant doiDepositedAt;

  /** The journal a submission is considered for; its review anonymity applies. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "journal_id")
  public org.stet.journal.Journal journal;

  @ManyToMany
  @JoinTable(
      name = "article_author",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "person_id"))
  @OrderColumn(name = "position")
  public List<Person> authors = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "article_tag",
      joinColumns = @JoinColumn(name = "article_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderColumn(name = "position")
  public List<Tag> tags = new ArrayList<>();

  /**
   * The works the article cites, in the writer's order: CSL-JSON items whose {@code id} is the cite
   * key the body uses ({@code [@key]}); checked by {@code org.stet.citation.References}.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "reference_items")
  public List<Map<String, Object>> references = new ArrayList<>();

  public static Optional<Article> findPublishedBySlug(String slug) {
    return find("slug = ?1 and status = ?2", slug, ArticleStatus.PUBLISHED).firstResultOptional();
  }

  /** A published article, or a retracted one (which stays readable, with its notice). */
  public static Optional<Article> findOnSiteBySlug(String slug) {
    return find(
            "slug = ?1 and status in (?2, ?3)",
            slug,
            ArticleStatus.PUBLISHED,
            ArticleStatus.RETRACTED)
        .firstResultOptional();
  }

  public static Optional<Article> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }

  /** Whether {@code scope} holds any published article (a term with none has no public page). */
  public static boolean anyPublished(ArticleScope scope) {
    String where = PUBLISHED + (scope.condition().isEmpty() ? "" : " and " + scope.condition());
    return find(where, scope.copyOfParameters()).page(0, 1).firstResultOptional().isPresent();
  }

  /**
   * A page of published articles in {@code scope}, newest first. Without a cursor it is the first
   * page; {@code older} pages continue after the cursor, newer pages end just before it.
   */
  public static PublishedSlice slicePublished(
      ArticleScope scope, PageCursor cursor, boolean older, int size) {
    String where = PUBLISHED + (scope.condition().isEmpty() ? "" : " and " + scope.condition());
    List<Article> page;
    boolean more;
    if (cursor == null || older) {
      String keyset =
          cursor == null ? "" : " and (publishedAt < :at or (publishedAt = :at and id < :id))";
      page = find(where + keyset + NEWEST_FIRST, bind(scope, cursor)).page(0, size + 1).list();
      more = page.size() > size;
      page = new ArrayList<>(page.subList(0, Math.min(size, page.size())));
    } else {
      String keyset = " and (publishedAt > :at or (publishedAt = :at and id > :id))";
      page =
          new ArrayList<>(
              Article.<Article>find(where + keyset + OLDEST_FIRST, bind(scope, cursor))
                  .page(0, size + 1)
                  .list());
      more = page.size() > size;
      page = new ArrayList<>(page.subList(0, Math.min(size, page.size())));
      Collections.reverse(page);
    }
    if (page.isEmpty()) {
      return new PublishedSlice(page, null, null);
    }
    PageCursor first = PageCursor.of(page.get(0));
    PageCursor last = PageCursor.of(page.get(page.size() - 1));
    boolean hasOlder = (cursor == null || older) ? more : exists(where, scope, last, "<");
    boolean hasNewer = (cursor == null) ? false : (older ? exists(where, scope, first, ">") : more);
    return new PublishedSlice(page, hasNewer ? first : null, hasOlder ? last : null);
  }

  private static boolean exists(String where, ArticleScope scope, PageCursor from, String op) {
    String keyset =
        " and (publishedAt " + op + " :at or (publishedAt = :at and id " + op + " :id))";
    return find(where + keyset, bind(scope, from)).page(0, 1).firstResultOptional().isPresent();
  }

  private static Parameters bind(ArticleScope scope, PageCursor cursor) {
    Parameters parameters = scope.copyOfParameters();
    return cursor == null
        ? parameters
        : parameters.and("at", cursor.publishedAt()).and("id", cursor.id());
  }
}
