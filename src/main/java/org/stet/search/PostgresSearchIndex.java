package org.stet.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGStatement;
import org.stet.search.SearchResults.Fragment;
import org.stet.search.SearchResults.Hit;
import org.stet.search.SearchResults.Named;
import org.stet.settings.SearchConfig;

/**
 * Search on PostgreSQL's full-text search over {@code article_search} (kept by triggers, see
 * V21_0__search.sql). Relevance is a tier: every word in the title, else within title and excerpt,
 * else within those and the names (authors, tags, category; a name typed whole also matches
 * exactly), else anywhere; the newest first within a tier. A page walks the tiers in order, each a
 * keyset query PostgreSQL answers from the GIN index (rare words) or by walking the
 * publication-time index (common ones), so no page reads every match. Every statement is planned
 * for its own query and stopped after {@code stet.search.timeout}.
 */
@ApplicationScoped
public class PostgresSearchIndex implements SearchIndex {

  private static final String[] TIERS = {"title", "lead", "byline", "document"};
  private static final int NAMES_TIER = 2;
  private static final int LAST_TIER = 3;

  /** Rows, newest first, a tier's page is looked for among before the GIN index is asked. */
  private static final int WALKED = 2_000;

  /** Matches the planner expects below which pages go straight to the GIN indexes. */
  private static final int FEW = 5_000;

  /** Matches the planner expects beyond which they are not counted ("more than 1,000"). */
  private static final int SURELY_MORE = 20_000;

  private static final char START = '\u0002';
  private static final char STOP = '\u0003';

  /** The text snippets are cut from: the excerpt and the body without Markdown's marks. */
  private static final String SNIPPET_TEXT =
      "translate(concat_ws(' … ', a.excerpt, regexp_replace(regexp_replace(regexp_replace(a.body,"
          + " '\\]\\([^)]*\\)', ' ', 'g'),"
          + " '(^|\\n)[ \\t]*(#{1,6}|>+|[-*+]|[0-9]+[.])[ \\t]+', '\\1', 'g'),"
          + " '[*_`\\[\\]|~]+', ' ', 'g')), chr(2) || chr(3), '  ')";

  private static final String HEADLINE =
      "StartSel=\""
          + START
          + "\", StopSel=\""
          + STOP
          + "\", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final Pattern EXPECTED_ROWS = Pattern.compile("\"Plan Rows\": ([0-9.e+]+)");
  private static final Pattern NUMBER = Pattern.compile("#?([1-9][0-9]{0,17})");

  private final AgroalDataSource dataSource;
  private final int timeoutSeconds;

  PostgresSearchIndex(AgroalDataSource dataSource, SearchConfig config) {
    this.dataSource = dataSource;
    this.timeoutSeconds = (int) Math.max(1, config.timeout().toSeconds());
  }

  /** The query as PostgreSQL reads it, and the names and article number typed whole. */
  private record Query(String tsquery, Long[] people, Long[] tags, Long number) {

    boolean hasWords() {
      return !tsquery.isEmpty();
    }

    boolean hasNames() {
      return people.length > 0 || tags.length > 0;
    }
  }

  /**
   * One tier's part of a page: its condition, the tier, whether the desk's order by number applies,
   * where it starts (null: at its top), how many rows are wanted, and whether the condition asks
   * the text vectors (so their GIN indexes can answer it).
   */
  private record Step(
      Sql where, int tier, boolean byNumber, SearchCursor from, int wanted, boolean byWords) {}

  /** A matching article and its place in the order. */
  private record Row(int tier, java.time.Instant at, long id) {}

  @Override
  public SearchResults search(SearchRequest request) {
    try (Connection connection = dataSource.getConnection()) {
      Query query = query(connection, request);
      if (!query.hasWords() && !query.hasNames() && query.number() == null) {
        return new SearchResults(List.of(), 0, false, null, null, !request.words().isBlank());
      }
      double expected = expected(connection, request, query);
      List<Row> rows = page(connection, request, query, expected);
      SearchCursor next = null;
      if (rows.size() > request.size()) {
        rows = rows.subList(0, request.size());
        Row last = rows.get(rows.size() - 1);
        next = new SearchCursor(last.tier(), last.at(), last.id());
      }
      long count =
          expected > SURELY_MORE ? SearchResults.COUNTED + 1 : count(connection, request, query);
      String suggestion = count == 0 && query.hasWords() ? suggestion(connection, request) : null;
      return new SearchResults(
          hits(connection, request, query, rows),
          Math.min(count, SearchResults.COUNTED),
          count > SearchResults.COUNTED,
          next,
          suggestion,
          false);
    } catch (SQLException e) {
      if ("57014".equals(e.getSQLState())) {
        throw new BadRequestException(
            "This search took too long to answer. Search for fewer or more telling words, or"
                + " narrow it with the filters.");
      }
      throw new IllegalStateException("Searching failed", e);
    }
  }

  private Query query(Connection connection, SearchRequest request) throws SQLException {
    String words = request.words();
    Long number = null;
    Matcher asNumber = NUMBER.matcher(words);
    if (request.reader().desk() && asNumber.matches()) {
      number = Long.parseLong(asNumber.group(1));
    }
    if (words.isBlank()) {
      return new Query("", new Long[0], new Long[0], number);
    }
    Sql sql =
        new Sql(
            "select websearch_to_tsquery(search_config(), ?)::text,"
                + " array(select id from person where search_folded(display_name)"
                + " = search_folded(?)),"
                + " array(select id from tag where search_folded(name) = search_folded(?))",
            words,
            words,
            words);
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return new Query(
          result.getString(1),
          (Long[]) result.getArray(2).getArray(),
          (Long[]) result.getArray(3).getArray(),
          number);
    }
  }

  /**
   * Up to size + 1 rows from the cursor on, tier by tier. For each tier the newest {@link #WALKED}
   * rows (from the cursor) are checked first, along the publication-time index (on the desk, the
   * id): common words fill the page there at once. Only when they do not are the tier's matches
   * read from its GIN index and ordered, which costs as many rows as there are matches, and they
   * are then few. Neither step reads every match of a common word.
   */
  private List<Row> page(Connection connection, SearchRequest request, Query query, double expected)
      throws SQLException {
    List<Row> rows = new ArrayList<>();
    SearchCursor after = request.after();
    boolean byNumber = request.reader().desk();
    int first = request.newest() ? LAST_TIER : after == null ? 0 : after.tier();
    for (int tier = first; tier <= LAST_TIER && rows.size() <= request.size(); tier++) {
      Sql where = new Sql("");
      if (request.newest()) {
        matches(where, query, LAST_TIER);
      } else if (!tierMatches(where, query, tier)) {
        continue;
      }
      visible(where, request.reader(), query);
      filters(where, request.filters());
      Step step =
          new Step(
              where,
              tier,
              byNumber,
              after != null && after.tier() == tier ? after : null,
              request.size() + 1 - rows.size(),
              query.hasWords());
      boolean few = query.hasWords() && expected < FEW;
      List<Row> found = few ? List.of() : ordered(connection, step, true);
      if (found.size() < step.wanted()) {
        found = ordered(connection, step, false);
      }
      rows.addAll(found);
    }
    return rows;
  }

  /**
   * Up to {@code wanted} of the tier's matches from {@code from} on, newest first: among the newest
   * {@link #WALKED} rows only ({@code walked}), or all of them, from the GIN indexes.
   */
  private List<Row> ordered(Connection connection, Step step, boolean walked) throws SQLException {
    boolean byNumber = step.byNumber();
    SearchCursor from = step.from();
    String order =
        byNumber
            ? " order by s.article_id desc"
            : " order by s.published_at desc, s.article_id desc";
    Sql position = new Sql("");
    if (from != null) {
      if (byNumber) {
        position.add(" and s.article_id < ?", from.id());
      } else {
        position.add(
            " and (s.published_at, s.article_id) < (?, ?)", Timestamp.from(from.at()), from.id());
      }
    }
    Sql sql = new Sql("select s.article_id, s.published_at from ");
    if (walked) {
      sql.add("(select * from article_search s where ")
          .add(byNumber ? "true" : "s.published_at <= now()")
          .add(position)
          .add(order + " limit " + WALKED + ") s where ");
    } else {
      sql.add("article_search s where ");
    }
    sql.add(step.where());
    if (!walked) {
      sql.add(position);
    }
    sql.add(order + " limit " + step.wanted());
    List<Row> rows = new ArrayList<>();
    try (Planned planned =
            walked || !step.byWords()
                ? new Planned(connection)
                : new Planned(connection, "enable_seqscan", "enable_indexscan");
        PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(row(result, step.tier(), byNumber));
      }
    }
    return rows;
  }

  private static Row row(ResultSet result, int tier, boolean byNumber) throws SQLException {
    Timestamp at = result.getTimestamp(2);
    return new Row(tier, byNumber || at == null ? null : at.toInstant(), result.getLong(1));
  }

  /**
   * Plan settings switched off on the connection for one statement and switched back after, so the
   * connection goes back to the pool as it came.
   */
  private static final class Planned implements AutoCloseable {
    private final Connection connection;
    private final String[] off;

    Planned(Connection connection, String... off) throws SQLException {
      this.connection = connection;
      this.off = off;
      if (off.length == 0) {
        return;
      }
      try (java.sql.Statement statement = connection.createStatement()) {
        for (String setting : off) {
          statement.execute("set " + setting + " = off");
        }
      }
    }

    @Override
    public void close() throws SQLException {
      if (off.length == 0) {
        return;
      }
      try (java.sql.Statement statement = connection.createStatement()) {
        for (String setting : off) {
          statement.execute("reset " + setting);
        }
      }
    }
  }

  /** Matches of tier {@code tier} and of no tier before it; false when the tier can have none. */
  private boolean tierMatches(Sql sql, Query query, int tier) {
    boolean onlyNames = !query.hasWords() && query.hasNames();
    if (!query.hasWords()
        && !(tier == NAMES_TIER && onlyNames)
        && !(tier == 0 && query.number() != null)) {
      return false;
    }
    sql.add("(");
    matches(sql, query, tier);
    for (int earlier = 0; earlier < tier; earlier++) {
      sql.add(" and not ");
      matches(sql, query, earlier);
    }
    sql.add(")");
    return true;
  }

  /**
   * Whether the row matches within the vector of {@code tier}, or by number. Names typed whole
   * count only when the words are all too common to search for: otherwise their words match.
   */
  private static void matches(Sql sql, Query query, int tier) {
    sql.add("(");
    if (query.hasWords()) {
      sql.add("s." + TIERS[tier] + " @@ ?::tsquery", query.tsquery());
    } else if (tier >= NAMES_TIER && query.hasNames()) {
      sql.add(
          "s.article_id in (select article_id from article_author where person_id = any(?)"
              + " union select article_id from article_tag where tag_id = any(?))",
          query.people(),
          query.tags());
    } else {
      sql.add("false");
    }
    if (query.number() != null) {
      sql.add(" or s.article_id = ?", query.number());
    }
    sql.add(")");
  }

  /** What the reader may find. */
  private static void visible(Sql sql, SearchRequest.Reader reader, Query query) {
    if (!reader.desk()) {
      sql.add(" and s.published_at <= now()");
      return;
    }
    if (reader.everything()) {
      return;
    }
    sql.add(" and (false");
    if (reader.personId() != null) {
      sql.add(
          " or s.article_id in (select article_id from article_author where person_id = ?)",
          reader.personId());
    }
    if (reader.reviewerId() != null) {
      String reviews =
          "select article_id from review_assignment where reviewer_id = ?"
              + " and state in ('INVITED', 'ACCEPTED', 'SUBMITTED') and anonymity ";
      sql.add(" or s.article_id in (" + reviews + "<> 'DOUBLE')", reader.reviewerId());
      // Anonymous to the reviewer: found by its title (or number) only, never by its authors.
      sql.add(" or (s.article_id in (" + reviews + "= 'DOUBLE') and (", reader.reviewerId());
      sql.add(query.hasWords() ? "s.title @@ ?::tsquery" : "false", wordsOrNone(query));
      if (query.number() != null) {
        sql.add(" or s.article_id = ?", query.number());
      }
      sql.add("))");
    }
    sql.add(")");
  }

  private static Object[] wordsOrNone(Query query) {
    return query.hasWords() ? new Object[] {query.tsquery()} : new Object[0];
  }

  private static void filters(Sql sql, SearchRequest.Filters filters) {
    if (filters.category() != null) {
      sql.add(" and s.category_id = (select id from category where slug = ?)", filters.category());
    }
    if (filters.tag() != null) {
      sql.add(
          " and s.article_id in (select at.article_id from article_tag at"
              + " join tag t on t.id = at.tag_id where t.slug = ?)",
          filters.tag());
    }
    if (filters.author() != null) {
      sql.add(
          " and s.article_id in (select aa.article_id from article_author aa"
              + " join person p on p.id = aa.person_id where p.slug = ?)",
          filters.author());
    }
    if (filters.journal() != null) {
      sql.add(
          " and s.article_id in (select p.article_id from issue_placement p"
              + " join journal_issue i on i.id = p.issue_id join journal j on j.id = i.journal_id"
              + " where j.slug = ?",
          filters.journal());
      if (filters.issue() != null) {
        sql.add(" and i.number = ?", filters.issue());
      }
      sql.add(")");
    }
    if (filters.from() != null) {
      sql.add(" and s.published_at >= ?", Timestamp.from(filters.from()));
    }
    if (filters.until() != null) {
      sql.add(" and s.published_at < ?", Timestamp.from(filters.until()));
    }
  }

  /**
   * How many rows the planner's statistics expect to match (they always know the most common
   * words): many, and the count is not taken (building the GIN bitmap of a word in half the archive
   * would cost more than the page) and pages look among the newest rows first; few, and pages go
   * straight to the GIN indexes. 0 when nothing is searched by its words.
   */
  private double expected(Connection connection, SearchRequest request, Query query)
      throws SQLException {
    if (!query.hasWords()) {
      return 0;
    }
    Sql explain = new Sql("explain (format json) select 1 from article_search s where ");
    matches(explain, query, LAST_TIER);
    visible(explain, request.reader(), query);
    filters(explain, request.filters());
    try (PreparedStatement statement = prepare(connection, explain);
        ResultSet result = statement.executeQuery()) {
      result.next();
      Matcher rows = EXPECTED_ROWS.matcher(result.getString(1));
      return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }
  }

  /** Matches in all, counted up to one more than {@link SearchResults#COUNTED}. */
  private long count(Connection connection, SearchRequest request, Query query)
      throws SQLException {
    Sql where = new Sql("");
    matches(where, query, LAST_TIER);
    visible(where, request.reader(), query);
    filters(where, request.filters());
    Sql sql = new Sql("select count(*) from (select 1 from article_search s where ");
    sql.add(where).add(" limit " + (SearchResults.COUNTED + 1) + ") counted");
    try (Planned planned =
            query.hasWords()
                ? new Planned(connection, "enable_seqscan", "enable_indexscan")
                : new Planned(connection);
        PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The hits of {@code rows}, in their order, with names and snippets. */
  private List<Hit> hits(Connection connection, SearchRequest request, Query query, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    Map<Long, List<Named>> authors =
        authors(connection, ids, hiddenAuthors(connection, request, ids));
    Map<Long, Hit> found = new HashMap<>();
    Sql sql =
        new Sql(
            "select a.id, a.slug, a.title, a.status, a.published_at, c.name, c.slug,"
                + " ts_headline(search_config(), "
                + SNIPPET_TEXT
                + ", ?::tsquery, ?)"
                + " from article a left join category c on c.id = a.category_id"
                + " where a.id = any(?)",
            query.tsquery(),
            HEADLINE,
            ids);
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        long id = result.getLong(1);
        Timestamp at = result.getTimestamp(5);
        String category = result.getString(6);
        found.put(
            id,
            new Hit(
                id,
                result.getString(2),
                result.getString(3),
                org.stet.article.ArticleStatus.valueOf(result.getString(4)),
                at == null ? null : at.toInstant(),
                authors.getOrDefault(id, List.of()),
                category == null ? null : new Named(category, result.getString(7)),
                fragments(result.getString(8))));
      }
    }
    return rows.stream()
        .map(row -> found.get(row.id()))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Hits the desk reader sees only as an anonymous reviewer: their authors are not shown. */
  private Set<Long> hiddenAuthors(Connection connection, SearchRequest request, Long[] ids)
      throws SQLException {
    SearchRequest.Reader reader = request.reader();
    Set<Long> hidden = new HashSet<>();
    if (!reader.desk() || reader.everything() || reader.reviewerId() == null) {
      return hidden;
    }
    Sql sql =
        new Sql(
            "select r.article_id from review_assignment r where r.reviewer_id = ?"
                + " and r.anonymity = 'DOUBLE' and r.article_id = any(?)"
                + " and not exists (select 1 from article_author aa"
                + " where aa.article_id = r.article_id and aa.person_id = ?)",
            reader.reviewerId(),
            ids,
            reader.personId() == null ? -1L : reader.personId());
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        hidden.add(result.getLong(1));
      }
    }
    return hidden;
  }

  private Map<Long, List<Named>> authors(Connection connection, Long[] ids, Set<Long> hidden)
      throws SQLException {
    Map<Long, List<Named>> authors = new LinkedHashMap<>();
    Sql sql =
        new Sql(
            "select aa.article_id, p.display_name, p.slug from article_author aa"
                + " join person p on p.id = aa.person_id where aa.article_id = any(?)"
                + " order by aa.article_id, aa.position",
            (Object) ids);
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        long id = result.getLong(1);
        if (!hidden.contains(id)) {
          authors
              .computeIfAbsent(id, key -> new ArrayList<>())
              .add(new Named(result.getString(2), result.getString(3)));
        }
      }
    }
    return authors;
  }

  /** The headline split at the marks PostgreSQL put around matches (the text has none itself). */
  static List<Fragment> fragments(String headline) {
    List<Fragment> fragments = new ArrayList<>();
    if (headline == null) {
      return fragments;
    }
    int at = 0;
    while (at < headline.length()) {
      int start = headline.indexOf(START, at);
      if (start < 0) {
        fragments.add(new Fragment(headline.substring(at), false));
        break;
      }
      if (start > at) {
        fragments.add(new Fragment(headline.substring(at, start), false));
      }
      int stop = headline.indexOf(STOP, start);
      if (stop < 0) {
        stop = headline.length();
      }
      fragments.add(new Fragment(headline.substring(start + 1, stop), true));
      at = stop + 1;
    }
    return fragments;
  }

  /**
   * A search with each word that no published title, excerpt or name has replaced by the most
   * similar one that some has, when that search finds something; else null.
   */
  private String suggestion(Connection connection, SearchRequest request) throws SQLException {
    Matcher words = WORD.matcher(request.words());
    StringBuilder suggested = new StringBuilder();
    int copied = 0;
    boolean changed = false;
    while (words.find()) {
      String word = words.group();
      if (word.equals("OR")) {
        continue;
      }
      String better = similarWord(connection, word);
      if (better != null) {
        suggested.append(request.words(), copied, words.start()).append(better);
        copied = words.end();
        changed = true;
      }
    }
    if (!changed) {
      return null;
    }
    suggested.append(request.words().substring(copied));
    String text = suggested.toString();
    SearchRequest again =
        new SearchRequest(text, request.filters(), true, null, request.reader(), 1);
    Query query = query(connection, again);
    return query.hasWords() && count(connection, again, query) > 0 ? text : null;
  }

  /** The known word most like {@code word}, when {@code word} itself is not known. */
  private String similarWord(Connection connection, String word) throws SQLException {
    Sql sql =
        new Sql(
            "select w.word, w.word = search_folded(?) from search_word w"
                + " where w.word % search_folded(?)"
                + " order by w.word = search_folded(?) desc, similarity(w.word, search_folded(?))"
                + " desc, w.word limit 1",
            word, word, word, word);
    try (PreparedStatement statement = prepare(connection, sql);
        ResultSet result = statement.executeQuery()) {
      return result.next() && !result.getBoolean(2) ? result.getString(1) : null;
    }
  }

  @Override
  public long reindex(java.util.function.LongConsumer progress) {
    long done = 0;
    long after = 0;
    try (Connection connection = dataSource.getConnection()) {
      while (true) {
        Long[] ids;
        Sql batch = new Sql("select id from article where id > ? order by id limit 500", after);
        try (PreparedStatement statement = prepare(connection, batch);
            ResultSet result = statement.executeQuery()) {
          List<Long> found = new ArrayList<>();
          while (result.next()) {
            found.add(result.getLong(1));
          }
          ids = found.toArray(Long[]::new);
        }
        if (ids.length == 0) {
          return done;
        }
        // Each batch is its own statement and transaction: rows are locked briefly, never read
        // locked at all (readers see the old row until the batch commits).
        try (PreparedStatement statement =
            connection.prepareStatement("select count(search_refresh(id)) from unnest(?) id")) {
          statement.setArray(1, connection.createArrayOf("bigint", ids));
          statement.execute();
        }
        done += ids.length;
        progress.accept(ids.length);
        after = ids[ids.length - 1];
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Re-indexing failed after " + done + " articles", e);
    }
  }

  /** A statement and its parameters, built together. */
  private static final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql(String text, Object... parameters) {
      add(text, parameters);
    }

    Sql add(String more, Object... values) {
      text.append(more);
      parameters.addAll(List.of(values));
      return this;
    }

    Sql add(Sql more) {
      text.append(more.text);
      parameters.addAll(more.parameters);
      return this;
    }
  }

  /** The statement, planned for its own parameters and stopped after the timeout. */
  private PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.text.toString());
    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    statement.setQueryTimeout(timeoutSeconds);
    int index = 1;
    for (Object value : sql.parameters) {
      if (value instanceof Long[] array) {
        Array sqlArray = connection.createArrayOf("bigint", array);
        statement.setArray(index++, sqlArray);
      } else {
        statement.setObject(index++, value);
      }
    }
    return statement;
  }
}
