package org.stet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.journal.IssuePlacement;
import org.stet.journal.JournalIssue;
import org.stet.person.Person;
import org.stet.settings.Site;
import org.stet.taxonomy.Category;
import org.stet.taxonomy.Tag;

@QuarkusTest
class SampleContentTest {

  @Inject SampleContentImporter importer;

  @Test
  @Transactional
  void importsTheSeedArticleWithItsMetadata() {
    Article article =
        Article.findBySlug(
                "russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration")
            .orElseThrow();

    assertThat(article.category.name).isEqualTo("International Relations");
    assertThat(article.tags)
        .extracting(tag -> tag.name)
        .containsExactly("US", "Russia", "International Relations");
    assertThat(article.authors)
        .extracting(person -> person.displayName)
        .containsExactly("Lidiya Parkhomchik");
    assertThat(article.references)
        .extracting(reference -> reference.get("id"))
        .containsExactly("akulov2017", "harding2016", "mora2017", "walker2016");
    assertThat(article.body).doesNotContain("Published in the").doesNotContain("Retrieved from");
    JournalIssue issue = IssuePlacement.findByArticle(article).orElseThrow().issue;
    assertThat(issue.number).isEqualTo(14);
    assertThat(issue.month).isEqualTo(2);
    assertThat(issue.year).isEqualTo(2017);
    assertThat(issue.journal.name).isEqualTo("Asya Avrupa: Haber-Yorum");
    assertThat(Site.current().name).isEqualTo("Eurasian Research Institute");
  }

  @Test
  void importingAgainDuplicatesNothing() {
    long articles = count(Article.class);
    long people = count(Person.class);
    long tags = count(Tag.class);
    long categories = count(Category.class);

    assertThat(importer.importAll()).isZero();

    assertThat(count(Article.class)).isEqualTo(articles);
    assertThat(count(Person.class)).isEqualTo(people);
    assertThat(count(Tag.class)).isEqualTo(tags);
    assertThat(count(Category.class)).isEqualTo(categories);
  }

  @Transactional
  long count(Class<?> entity) {
    return Article.getEntityManager()
        .createQuery("select count(e) from " + entity.getSimpleName() + " e", Long.class)
        .getSingleResult();
  }
}
