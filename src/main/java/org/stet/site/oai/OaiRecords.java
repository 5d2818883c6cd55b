package org.stet.site.oai;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads harvest records (kept by the database's triggers, see V17) for OAI-PMH: pages in
 * (datestamp, id) order by keyset, whole or per set, each record with what Dublin Core says of it
 * in the same statement; one record; the sets; a list's size from the kept counts.
 */
@ApplicationScoped
class OaiRecords {

  /** How far an exact count of a date-restricted list goes before its size is left unsaid. */
  static final int COUNT_LIMIT = 1_000;

  /** A set: the whole of one kind ({@code id} null) or one category or journal. */
  record SetFilter(String kind, Long id) {

    /** The key of its row in {@code harvest_count}. */
    String countKey() {
      return id == null ? kind : kind + ":" + id;
    }
  }

  /** A set as ListSets names it. */
  record SetInfo(String spec, String name) {}

  /** A record's header: its article's id, datestamp, whether deleted, and its sets. */
  record Header(long id, Instant datestamp, boolean deleted, List<String> sets) {}

  /**
   * What Dublin Core says of a present record: the article's title, address path, excerpt,
   * publication time, DOI, category, byline, tags, and its journal issue (null fields when none).
   */
  record Description(
      String title,
      String slug,
      String excerpt,
      Instant published,
      String doi,
      String category,
      List<String> authors,
      List<String> tags,
      String journal,
      String publisher,
      List<String> issns,
      Integer volume,
      Integer number,
      Integer year) {}

  /** A record; {@code description} is null when it is deleted. */
  record Record(Header header, Description description) {}

  private static final String SELECT =
      "select h.article_id, h.datestamp, h.deleted, hc.slug, hj.slug,"
          + " a.title, a.slug, a.excerpt, a.published_at, a.doi, c.name,"
          + " (select array_agg(p.display_name order by aa.position) from article_author aa"
          + "   join person p on p.id = aa.person_id where aa.article_id = a.id),"
          + " (select array_agg(t.name order by at.position) from article_tag at"
          + "   join tag t on t.id = at.tag_id where at.article_id = a.id),"
          + " j.name, j.publisher, j.print_issn, j.online_issn, i.volume, i.number, i.year"
          + " from harvest_record h"
          + " left join category hc on hc.id = h.category_id"
          + " left join journal hj on hj.id = h.journal_id"
          + " left join article a on a.id = h.article_id and not h.deleted"
          + " left join category c on c.id = a.category_id"
          + " left join issue_placement ip on ip.article_id = a.id"
          + " left join journal_issue i on i.id = ip.issue_id"
          + " left join journal j on j.id = i.journal_id";

  private final AgroalDataSource dataSource;

  OaiRecords(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Up to {@code size} records of {@code set} (null: all) with datestamps from {@code from} to
   * {@code until} (either null: open), after position ({@code afterDatestamp}, {@code afterId})
   * (null: from the start), in order.
   */
  List<Record> page(
      SetFilter set, Instant from, Instant until, Instant afterDatestamp, long afterId, int size) {
    List<Object> parameters = new ArrayList<>();
    String where = where(set, from, until, parameters);
    if (afterDatestamp != null) {
      where += " and (h.datestamp, h.article_id) > (?, ?)";
      parameters.add(Timestamp.from(afterDatestamp));
      parameters.add(afterId);
    }
    List<Record> records = new ArrayList<>();
    query(
        SELECT + where + " order by h.datestamp, h.article_id limit " + size,
        parameters,
        rows -> records.add(record(rows)));
    return records;
  }

  /** The record of article {@code id}, present or deleted, if it has ever been public. */
  Optional<Record> one(long id) {
    List<Record> records = new ArrayList<>();
    query(SELECT + " where h.article_id = ?", List.of(id), rows -> records.add(record(rows)));
    return records.stream().findFirst();
  }

  /**
   * How many records the list has, or -1 when it has more than {@link #COUNT_LIMIT} within a date
   * range (a size the protocol lets a repository leave unsaid).
   */
  long size(SetFilter set, Instant from, Instant until) {
    long[] count = {0};
    if (from == null && until == null) {
      query(
          "select records from harvest_count where set_key = ?",
          List.of(set == null ? "" : set.countKey()),
          rows -> count[0] = rows.getLong(1));
      return count[0];
    }
    List<Object> parameters = new ArrayList<>();
    String where = where(set, from, until, parameters);
    query(
        "select count(*) from (select 1 from harvest_record h" + where + " limit ?) s",
        Stream.concat(parameters.stream(), Stream.of((Object) (COUNT_LIMIT + 1))).toList(),
        rows -> count[0] = rows.getLong(1));
    return count[0] > COUNT_LIMIT ? -1 : count[0];
  }

  /** The earliest datestamp of any record; null when there is none yet. */
  Instant earliest() {
    Instant[] earliest = {null};
    query(
        "select min(datestamp) from harvest_record",
        List.of(),
        rows -> earliest[0] = instant(rows.getTimestamp(1)));
    return earliest[0];
  }

  /** The set {@code spec} names, if it exists. */
  Optional<SetFilter> set(String spec) {
    if (spec.equals("category") || spec.equals("journal")) {
      return Optional.of(new SetFilter(spec, null));
    }
    String[] parts = spec.split(":", 2);
    if (parts.length != 2 || !(parts[0].equals("category") || parts[0].equals("journal"))) {
      return Optional.empty();
    }
    List<SetFilter> found = new ArrayList<>();
    query(
        "select id from " + parts[0] + " where slug = ?",
        List.of(parts[1]),
        rows -> found.add(new SetFilter(parts[0], rows.getLong(1))));
    return found.stream().findFirst();
  }

  /** Every set: the two kinds, then each journal and each category with records, by name. */
  List<SetInfo> sets() {
    List<SetInfo> sets = new ArrayList<>();
    query(
        "select 'journal:' || slug, name from journal j where exists"
            + " (select 1 from harvest_record h where h.journal_id = j.id)"
            + " union all select 'category:' || slug, name from category c where exists"
            + " (select 1 from harvest_record h where h.category_id = c.id)"
            + " order by 1",
        List.of(),
        rows -> sets.add(new SetInfo(rows.getString(1), rows.getString(2))));
    if (sets.isEmpty()) {
      return sets;
    }
    List<SetInfo> all = new ArrayList<>();
    if (sets.stream().anyMatch(set -> set.spec().startsWith("journal:"))) {
      all.add(new SetInfo("journal", "Journals"));
    }
    if (sets.stream().anyMatch(set -> set.spec().startsWith("category:"))) {
      all.add(new SetInfo("category", "Categories"));
    }
    all.addAll(sets);
    return all;
  }

  private static String where(SetFilter set, Instant from, Instant until, List<Object> parameters) {
    StringBuilder where = new StringBuilder(" where true");
    if (set != null) {
      String column = set.kind().equals("journal") ? "h.journal_id" : "h.category_id";
      if (set.id() == null) {
        where.append(" and ").append(column).append(" is not null");
      } else {
        where.append(" and ").append(column).append(" = ?");
        parameters.add(set.id());
      }
    }
    if (from != null) {
      where.append(" and h.datestamp >= ?");
      parameters.add(Timestamp.from(from));
    }
    if (until != null) {
      where.append(" and h.datestamp < ?"); // until names a whole second (or day)
      parameters.add(Timestamp.from(until.plusSeconds(1)));
    }
    return where.toString();
  }

  private static Record record(ResultSet rows) throws SQLException {
    List<String> sets = new ArrayList<>();
    if (rows.getString(4) != null) {
      sets.add("category");
      sets.add("category:" + rows.getString(4));
    }
    if (rows.getString(5) != null) {
      sets.add("journal");
      sets.add("journal:" + rows.getString(5));
    }
    Header header =
        new Header(rows.getLong(1), instant(rows.getTimestamp(2)), rows.getBoolean(3), sets);
    if (header.deleted() || rows.getString(7) == null) {
      return new Record(header, null);
    }
    return new Record(
        header,
        new Description(
            rows.getString(6),
            rows.getString(7),
            rows.getString(8),
            instant(rows.getTimestamp(9)),
            rows.getString(10),
            rows.getString(11),
            texts(rows.getArray(12)),
            texts(rows.getArray(13)),
            rows.getString(14),
            rows.getString(15),
            Stream.of(rows.getString(16), rows.getString(17))
                .filter(java.util.Objects::nonNull)
                .toList(),
            (Integer) rows.getObject(18),
            (Integer) rows.getObject(19),
            (Integer) rows.getObject(20)));
  }

  private static List<String> texts(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  @FunctionalInterface
  private interface Rows {
    void next(ResultSet rows) throws SQLException;
  }

  private void query(String sql, List<Object> parameters, Rows rows) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.next(result);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading harvest records failed", e);
    }
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
