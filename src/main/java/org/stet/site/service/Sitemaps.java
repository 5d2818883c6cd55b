package org.stet.site.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stet.site.Links;

/**
 * The public pages search engines are told about, as sitemaps.org files: an index that names one
 * file per part, and the parts. Articles, authors and tags are split by id ranges of {@link
 * #PER_FILE} (so no file can hold more URLs than the protocol allows, and each file is read by
 * keyset, never by offset); the remaining pages (home, indexes, categories, journals, issues) are
 * one part. Every read goes to the database; {@link SitemapFiles} keeps the written files.
 */
@ApplicationScoped
public class Sitemaps {

  /** The most URLs a sitemap file may list. */
  public static final int PER_FILE = 50_000;

  private static final int BATCH = 5_000;

  /** What a part lists. */
  public enum Kind {
    ARTICLES,
    AUTHORS,
    TAGS;

    String file() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind a file name begins with, if any. */
    static Optional<Kind> ofFile(String name) {
      for (Kind kind : values()) {
        if (kind.file().equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /** One file of the index: its path and when the newest thing in it changed. */
  public record Part(String path, Instant lastModified) {}

  /** One URL of a part: a site path and when its page last changed (null: unknown). */
  public record Entry(String path, Instant lastModified) {}

  /** Receives a part's entries one by one. */
  @FunctionalInterface
  public interface Sink {
    void accept(Entry entry) throws IOException;
  }

  private static final String PUBLISHED_ARTICLES =
      "select a.id, a.slug, greatest(a.published_at,"
          + " (select max(c.corrected_at) from article_correction c where c.article_id = a.id))"
          + " from article a where a.status = 'PUBLISHED' and a.published_at <= now()";

  /**
   * People and tags with a published article, each with its newest one, probed per row on the
   * listing indexes of {@code article_author} and {@code article_tag}: the cost follows the number
   * of people or tags, not of articles.
   */
  private static final String SHOWN_PEOPLE =
      "select p.id, p.slug, last.newest from person p cross join lateral"
          + " (select max(aa.published_at) as newest from article_author aa"
          + " where aa.person_id = p.id and aa.published_at <= now()) last"
          + " where last.newest is not null";

  private static final String SHOWN_TAGS =
      "select t.id, t.slug, last.newest from tag t cross join lateral"
          + " (select max(tg.published_at) as newest from article_tag tg"
          + " where tg.tag_id = t.id and tg.published_at <= now()) last"
          + " where last.newest is not null";

  private final AgroalDataSource dataSource;

  Sitemaps(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Streams the pages part. */
  public void pages(Sink sink) {
    query(
        "select '/', max(published_at) from article where status = 'PUBLISHED'"
            + " and published_at <= now()"
            + " union all select '/journals', null"
            + " union all select '/authors', null",
        rows -> sink.accept(new Entry(rows.getString(1), instant(rows.getTimestamp(2)))));
    query(
        "select c.slug, last.newest from category c cross join lateral"
            + " (select max(a.published_at) as newest from article a where a.category_id = c.id"
            + " and a.status = 'PUBLISHED' and a.published_at <= now()) last"
            + " where last.newest is not null order by c.id",
        rows ->
            sink.accept(
                new Entry(Links.category(rows.getString(1)), instant(rows.getTimestamp(2)))));
    query(
        "select slug from journal order by id",
        rows -> sink.accept(new Entry(Links.journal(rows.getString(1)), null)));
    query(
        "select j.slug, i.number from journal_issue i join journal j on j.id = i.journal_id"
            + " where i.status = 'PUBLISHED' order by i.id",
        rows -> sink.accept(new Entry(Links.issue(rows.getString(1), rows.getInt(2)), null)));
  }

  /** Whether {@code kind} part {@code number} lists anything (else its file is not found). */
  public boolean exists(String kindName, int number) {
    Optional<Kind> kind = Kind.ofFile(kindName);
    if (kind.isEmpty() || number < 0) {
      return false;
    }
    long from = (long) number * PER_FILE;
    boolean[] found = {false};
    query(
        keyset(kind.get(), 1),
        statement -> {
          statement.setLong(1, from - 1);
          statement.setLong(2, from + PER_FILE);
        },
        rows -> found[0] = true);
    return found[0];
  }

  /** Streams part {@code number} of {@code kind} (one that {@link #exists}). */
  public void part(String kindName, int number, Sink sink) {
    Kind kind = Kind.ofFile(kindName).orElseThrow();
    long from = (long) number * PER_FILE;
    long to = from + PER_FILE;
    long after = from - 1;
    while (true) {
      List<Entry> batch = new ArrayList<>(BATCH);
      long[] last = {after};
      query(
          keyset(kind, BATCH),
          statement -> {
            statement.setLong(1, last[0]);
            statement.setLong(2, to);
          },
          rows -> {
            last[0] = rows.getLong(1);
            batch.add(new Entry(path(kind, rows.getString(2)), instant(rows.getTimestamp(3))));
          });
      for (Entry entry : batch) {
        try {
          sink.accept(entry);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (batch.size() < BATCH) {
        return;
      }
      after = last[0];
    }
  }

  /** The rows of {@code kind} with ids after ? and before ?, at most {@code limit}. */
  private static String keyset(Kind kind, int limit) {
    return switch (kind) {
          case ARTICLES -> PUBLISHED_ARTICLES + " and a.id > ? and a.id < ? order by a.id";
          case AUTHORS -> SHOWN_PEOPLE + " and p.id > ? and p.id < ? order by p.id";
          case TAGS -> SHOWN_TAGS + " and t.id > ? and t.id < ? order by t.id";
        }
        + " limit "
        + limit;
  }

  private static String path(Kind kind, String slug) {
    return switch (kind) {
      case ARTICLES -> Links.article(slug);
      case AUTHORS -> Links.author(slug);
      case TAGS -> Links.tag(slug);
    };
  }

  /** The parts the index names, the pages part first. */
  public List<Part> index() {
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("/sitemaps/pages.xml", null));
    for (Kind kind : Kind.values()) {
      String grouped =
          switch (kind) {
            case ARTICLES ->
                "select a.id / "
                    + PER_FILE
                    + ", max(a.published_at) from article a"
                    + " where a.status = 'PUBLISHED' and a.published_at <= now()";
            case AUTHORS ->
                "select id / " + PER_FILE + ", max(newest) from (" + SHOWN_PEOPLE + ") shown";
            case TAGS ->
                "select id / " + PER_FILE + ", max(newest) from (" + SHOWN_TAGS + ") shown";
          };
      query(
          grouped + " group by 1 order by 1",
          rows ->
              parts.add(
                  new Part(
                      "/sitemaps/" + kind.file() + "-" + rows.getLong(1) + ".xml",
                      instant(rows.getTimestamp(2)))));
    }
    return List.copyOf(parts);
  }

  @FunctionalInterface
  private interface Rows {
    void next(ResultSet rows) throws SQLException, IOException;
  }

  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private void query(String sql, Rows rows) {
    query(sql, statement -> {}, rows);
  }

  private void query(String sql, Parameters parameters, Rows rows) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      parameters.set(statement);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.next(result);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the sitemap failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
