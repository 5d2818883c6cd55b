package org.stet.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.citation.References;
import org.stet.journal.IssuePlacement;
import org.stet.journal.IssueStatus;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.person.Person;
import org.stet.settings.Site;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;
import org.stet.web.Slug;

/**
 * Imports the sample articles (Markdown with YAML front matter, listed in {@code sample/index.txt})
 * on start. An article whose slug exists is left alone, so importing twice, or from two instances
 * at once, never duplicates anything.
 */
@ApplicationScoped
public class SampleContentImporter {

  private static final Logger LOG = Logger.getLogger(SampleContentImporter.class);
  private static final String FOLDER = "sample/";

  /** Serialises imports of several instances starting on one database. */
  private static final long IMPORT_LOCK = 0x57e7_0001L;

  private final YAMLMapper yaml =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final SampleContentConfig config;
  private final EntityManager entityManager;

  SampleContentImporter(SampleContentConfig config, EntityManager entityManager) {
    this.config = config;
    this.entityManager = entityManager;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.enabled()) {
      int imported = importAll();
      if (imported > 0) {
        LOG.infof(
            "Imported %d sample article(s); set stet.sample-content.enabled=false to stop",
            imported);
      }
    }
  }

  /** Imports every fixture not yet in the database; returns how many were imported. */
  @Transactional
  public int importAll() {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(?1)")
        .setParameter(1, IMPORT_LOCK)
        .getSingleResult();
    int imported = 0;
    for (String name : read("index.txt").lines().map(String::strip).toList()) {
      if (!name.isEmpty() && importFixture(read(name))) {
        imported++;
      }
    }
    return imported;
  }

  private boolean importFixture(String text) {
    if (!text.startsWith("---\n")) {
      throw new IllegalStateException("A sample fixture must start with YAML front matter");
    }
    int end = text.indexOf("\n---\n", 4);
    SampleArticle sample = parse(text.substring(4, end));
    if (Article.findBySlug(sample.slug()).isPresent()) {
      return false;
    }
    applySiteDefaults(sample.site());
    Article article = new Article();
    article.title = sample.title();
    article.slug = sample.slug();
    article.body = text.substring(end + 5);
    article.excerpt = sample.excerpt();
    article.status = ArticleStatus.PUBLISHED;
    article.publishedAt = OffsetDateTime.parse(sample.publishedAt()).toInstant();
    article.category =
        sample.category() == null
            ? null
            : findOrCreate(sample.category(), Category::findBySlug, Category::new);
    for (String tag : sample.tags()) {
      article.tags.add(findOrCreate(tag, Tag::findBySlug, Tag::new));
    }
    for (String author : sample.authors()) {
      article.authors.add(person(author));
    }
    article.references.addAll(References.check(sample.references()).items());
    article.persist();
    entityManager
        .createNativeQuery("update article set view_count = ?1 where id = ?2")
        .setParameter(1, sample.views())
        .setParameter(2, article.id)
        .executeUpdate();
    if (sample.journal() != null) {
      place(article, sample.journal());
    }
    return true;
  }

  private SampleArticle parse(String frontMatter) {
    try {
      return yaml.readValue(frontMatter, SampleArticle.class);
    } catch (IOException e) {
      throw new UncheckedIOException("The sample fixture's front matter is not valid YAML", e);
    }
  }

  private static void applySiteDefaults(SampleArticle.SiteSettings settings) {
    Site site = Site.current();
    if (settings == null || !Site.DEFAULT_NAME.equals(site.name)) {
      return;
    }
    site.name = settings.name();
    site.tagline = settings.tagline();
    site.timeZone = settings.timeZone();
  }

  private static <T extends org.stet.taxonomy.Term> T findOrCreate(
      String name, Function<String, java.util.Optional<T>> find, Supplier<T> create) {
    String slug = Slug.from(name);
    return find.apply(slug)
        .orElseGet(
            () -> {
              T term = create.get();
              term.name = name;
              term.slug = slug;
              term.persist();
              return term;
            });
  }

  private static Person person(String name) {
    return Person.findBySlug(Slug.from(name)).orElseGet(() -> Person.create(name));
  }

  private static void place(Article article, SampleArticle.JournalPlacement placement) {
    String slug = Slug.from(placement.name());
    Journal journal =
        Journal.findBySlug(slug)
            .orElseGet(
                () -> {
                  Journal created = new Journal();
                  created.name = placement.name();
                  created.slug = slug;
                  created.citationStyle = placement.citationStyle();
                  created.persist();
                  return created;
                });
    SampleArticle.Issue number = placement.issue();
    JournalIssue issue =
        JournalIssue.findByNumber(journal, number.number())
            .orElseGet(
                () -> {
                  JournalIssue created = new JournalIssue();
                  created.journal = journal;
                  created.number = number.number();
                  created.volume = number.volume();
                  created.year = number.year();
                  created.month = number.month();
                  created.title = number.title();
                  created.status = IssueStatus.valueOf(number.status());
                  created.persist();
                  return created;
                });
    IssuePlacement place = new IssuePlacement();
    place.article = article;
    place.issue = issue;
    place.position = IssuePlacement.nextPosition(issue);
    place.persist();
  }

  private static String read(String name) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing sample fixture " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
