package org.stet.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.article.PageCursor;
import org.stet.article.service.Caller;
import org.stet.identity.Bylines;
import org.stet.review.ReviewState;
import org.stet.settings.Site;

/**
 * The desk's lists: the editors' queue of articles by state (oldest waiting first) and each
 * author's own articles (newest first). Both are keyset-paginated on indexed columns, so a page
 * costs the same at 100,000 articles as at 100.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueService {

  /** Articles on one page of the queue. */
  public static final int PAGE_SIZE = 50;

  /**
   * One line of a list; {@code publishedAt} is when it appears (or appeared) on the site, null
   * until it is scheduled or published.
   */
  public record Item(
      long id,
      String title,
      ArticleStatus status,
      Instant since,
      List<String> authors,
      Instant publishedAt) {}

  /** A page of a list, and the cursor of the next page (null on the last). */
  public record Page(List<Item> items, String next) {}

  /**
   * What an editor narrows the queue to: words of the title or an author's name, or an article's
   * number; a journal and a category (by slug); the editor who assigned its reviewers; only
   * articles with an overdue review. Empty fields narrow nothing.
   */
  public record Filter(
      String text, String journal, String category, Long handledBy, boolean overdue) {

    public static final Filter NONE = new Filter("", "", "", null, false);

    public boolean any() {
      return !text.isBlank()
          || !journal.isEmpty()
          || !category.isEmpty()
          || handledBy != null
          || overdue;
    }
  }

  /** Articles in {@code state}, the longest waiting first, continuing after {@code after}. */
  public Page queue(ArticleStatus state, PageCursor after, int size) {
    return queue(state, Filter.NONE, after, size);
  }

  /**
   * Articles in {@code state} (every state for {@code null}) that pass {@code filter}, the longest
   * waiting first, continuing after {@code after}.
   */
  public Page queue(ArticleStatus state, Filter filter, PageCursor after, int size) {
    StringBuilder where = new StringBuilder("select a from Article a where 1 = 1");
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (state != null) {
      where.append(" and a.status = :state");
      parameters.put("state", state);
    }
    String text = filter.text().strip();
    if (!text.isEmpty()) {
      String like =
          "%"
              + text.toLowerCase(java.util.Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%";
      where.append(
          " and (lower(a.title) like :like escape '\\' or exists (select 1 from Article b join"
              + " b.authors p where b = a and lower(p.displayName) like :like escape '\\')"
              + " or function('search_matches', a.id, :words) = true");
      parameters.put("like", like);
      parameters.put("words", text);
      String number = text.startsWith("#") ? text.substring(1) : text;
      if (number.matches("[0-9]{1,18}")) {
        where.append(" or a.id = :number");
        parameters.put("number", Long.parseLong(number));
      }
      where.append(")");
    }
    if (!filter.journal().isEmpty()) {
      where.append(" and a.journal.slug = :journal");
      parameters.put("journal", filter.journal());
    }
    if (!filter.category().isEmpty()) {
      where.append(" and a.category.slug = :category");
      parameters.put("category", filter.category());
    }
    if (filter.handledBy() != null) {
      where.append(
          " and exists (select 1 from ReviewAssignment r where r.article = a"
              + " and r.assignedBy = :editor)");
      parameters.put("editor", filter.handledBy());
    }
    if (filter.overdue()) {
      where.append(
          " and exists (select 1 from ReviewAssignment r where r.article = a"
              + " and r.state in :open and r.dueOn < :today)");
      parameters.put("open", List.of(ReviewState.INVITED, ReviewState.ACCEPTED));
      parameters.put("today", java.time.LocalDate.now(Site.current().zone()));
    }
    if (after != null) {
      // A row comparison, so PostgreSQL seeks the index to the cursor instead of filtering.
      where.append(" and (a.stateChangedAt, a.id) > (:at, :id)");
      parameters.put("at", after.publishedAt());
      parameters.put("id", after.id());
    }
    var query =
        Article.getEntityManager()
            .createQuery(where + " order by a.stateChangedAt, a.id", Article.class)
            .setMaxResults(size + 1);
    parameters.forEach(query::setParameter);
    List<Article> rows = query.getResultList();
    return page(rows, size, true, last -> new PageCursor(last.stateChangedAt, last.id).toString());
  }

  /**
   * How many articles are in each state, for the board's tabs: read from the counts a trigger keeps
   * exact (V4 migration), so this costs the same at any size.
   */
  @SuppressWarnings("unchecked")
  public Map<ArticleStatus, Long> counts() {
    Map<ArticleStatus, Long> counts = new EnumMap<>(ArticleStatus.class);
    for (ArticleStatus state : ArticleStatus.values()) {
      counts.put(state, 0L);
    }
    List<Object[]> rows =
        Article.getEntityManager()
            .createNativeQuery("select status, articles from article_state_count")
            .getResultList();
    for (Object[] row : rows) {
      counts.put(ArticleStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** The caller's own articles, newest first, continuing below the id {@code before}. */
  public Page own(Caller author, Long before, int size) {
    if (author.personId() == null) {
      return new Page(List.of(), null);
    }
    var query =
        Article.getEntityManager()
            .createQuery(
                "select a from Article a join a.authors p where p.id = :person"
                    + (before == null ? "" : " and a.id < :before")
                    + " order by a.id desc",
                Article.class)
            .setParameter("person", author.personId())
            .setMaxResults(size + 1);
    if (before != null) {
      query.setParameter("before", before);
    }
    return page(query.getResultList(), size, false, last -> String.valueOf(last.id));
  }

  /** A page of {@code rows}; {@code editors} see the accounts behind bylines that share a name. */
  private static Page page(
      List<Article> rows,
      int size,
      boolean editors,
      java.util.function.Function<Article, String> cursor) {
    boolean more = rows.size() > size;
    List<Article> shown = more ? rows.subList(0, size) : rows;
    Map<Long, List<String>> authors = authorsOf(shown, editors);
    List<Item> items = new ArrayList<>();
    for (Article article : shown) {
      items.add(
          new Item(
              article.id,
              article.title,
              article.status,
              article.stateChangedAt,
              authors.getOrDefault(article.id, List.of()),
              article.publishedAt));
    }
    return new Page(items, more ? cursor.apply(shown.get(shown.size() - 1)) : null);
  }

  /** The bylines of a page of articles in one query (two for editors), in byline order. */
  private static Map<Long, List<String>> authorsOf(List<Article> articles, boolean editors) {
    Map<Long, List<String>> authors = new LinkedHashMap<>();
    if (articles.isEmpty()) {
      return authors;
    }
    List<Object[]> rows =
        Article.getEntityManager()
            .createQuery(
                "select a.id, p.id, p.displayName from Article a join a.authors p"
                    + " where a.id in :ids order by a.id, index(p)",
                Object[].class)
            .setParameter("ids", articles.stream().map(article -> article.id).toList())
            .getResultList();
    Map<Long, String> labels =
        editors
            ? Bylines.forEditors(rows.stream().map(row -> (Long) row[1]).distinct().toList())
            : Map.of();
    for (Object[] row : rows) {
      authors
          .computeIfAbsent((Long) row[0], key -> new ArrayList<>())
          .add(labels.getOrDefault((Long) row[1], (String) row[2]));
    }
    return authors;
  }

  /** The state named in a query, SUBMITTED when none is named; 400 for a name that is none. */
  public static ArticleStatus state(String name) {
    if (name == null || name.isEmpty()) {
      return ArticleStatus.SUBMITTED;
    }
    try {
      return ArticleStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "There is no state "
              + name
              + "; states are "
              + java.util.List.of(ArticleStatus.values())
              + ".");
    }
  }

  /** The cursor in a query, or none; 400 for text that is no cursor. */
  public static PageCursor cursor(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    return PageCursor.parse(after)
        .orElseThrow(() -> new BadRequestException("The page cursor " + after + " is not valid."));
  }
}
