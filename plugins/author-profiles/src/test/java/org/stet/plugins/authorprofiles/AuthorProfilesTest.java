package org.stet.plugins.authorprofiles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;
import org.stet.spi.PluginContext;

/** The author box under articles and the profile on author pages. */
@QuarkusTest
class AuthorProfilesTest {

  private static final String SEED =
      "/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @Inject TestContent content;
  @Inject EntityManager entityManager;
  @Inject PluginContext context;

  @Test
  void theSeedArticleShowsTheAuthorBoxOfTheSeedPage() {
    Element box = page(SEED).selectFirst("aside.author-box");
    assertThat(box.selectFirst(".author-position").text()).isEqualTo("Senior Research fellow");
    assertThat(box.selectFirst(".author-name a").text()).isEqualTo("Lidiya Parkhomchik");
    assertThat(box.selectFirst(".author-name a").attr("href"))
        .isEqualTo("/authors/lidiya-parkhomchik");
    assertThat(box.selectFirst(".author-bio").text())
        .startsWith("Lydiya Parkhomchik (nee Timofeyenko) was born on February 9, 1984")
        .endsWith("Since 1986 she became resident of the Republic of Kazakhstan.");
  }

  @Test
  void eachArticleShowsThePositionItsAuthorHeldWhenItWasPublished() {
    Article old = content.publish("profile-old", "x", null, Instant.parse("2016-05-01T00:00:00Z"));
    content.publish("profile-new", "x", null, Instant.parse("2021-05-01T00:00:00Z"));
    long person = old.authors.get(0).id;
    sql(
        "insert into author_profiles_profile (person_id, biography) values (?1, 'Writes.')"
            + " on conflict do nothing",
        person);
    sql("delete from author_profiles_position where person_id = ?1", person);
    sql(
        "insert into author_profiles_position (person_id, title, starts_on, ends_on)"
            + " values (?1, 'Research assistant', date '2014-01-01', date '2018-12-31')",
        person);
    sql(
        "insert into author_profiles_position (person_id, title, starts_on)"
            + " values (?1, 'Director of studies', date '2019-01-01')",
        person);
    context.pagesChanged("author-profiles");

    assertThat(page("/articles/profile-old").selectFirst(".author-box .author-position").text())
        .isEqualTo("Research assistant");
    assertThat(page("/articles/profile-new").selectFirst(".author-box .author-position").text())
        .isEqualTo("Director of studies");
    assertThat(page("/authors/test-author").selectFirst(".author-profile .author-position").text())
        .isEqualTo("Director of studies");
  }

  @Test
  void hostileBiographiesAndLinksNeverRunOnThePage() {
    Article article =
        content.publish("profile-xss", "x", null, Instant.parse("2020-07-01T00:00:00Z"));
    long person = article.authors.get(0).id;
    sql(
        "insert into author_profiles_profile (person_id) values (?1) on conflict do nothing",
        person);
    sql(
        "update author_profiles_profile set biography = '<script>alert(1)</script>"
            + " [x](javascript:alert(2)) <img src=x onerror=alert(3)>',"
            + " orcid = '0000-0002-1825-0097' where person_id = ?1",
        person);
    sql("delete from author_profiles_link where person_id = ?1", person);
    sql(
        "insert into author_profiles_link values (?1, 0, '\"><script>alert(4)</script>',"
            + " 'https://example.org/\"onmouseover=\"alert(5)')",
        person);
    context.pagesChanged("author-profiles");

    for (String path : new String[] {"/articles/profile-xss", "/authors/test-author"}) {
      Document page = page(path);
      assertThat(
              page.select(
                  ".author-box script, .author-profile script:not([type=application/ld+json]),"
                      + " img[onerror]"))
          .as(path)
          .isEmpty();
      assertThat(page.select("[onmouseover]")).as(path).isEmpty();
      assertThat(page.select(".author-bio a").eachAttr("href"))
          .as(path)
          .noneMatch(href -> href.contains("javascript"));
    }
    Document author = page("/authors/test-author");
    assertThat(author.select("script[type=application/ld+json]").first().data())
        .doesNotContain("</script")
        .contains("https://orcid.org/0000-0002-1825-0097");
    assertThat(author.selectFirst(".author-orcid a").attr("href"))
        .isEqualTo("https://orcid.org/0000-0002-1825-0097");
    assertThat(author.selectFirst(".author-links a").text())
        .isEqualTo("\"><script>alert(4)</script>");
  }

  @Test
  void theProfilesOrcidAndAffiliationReachTheArticlesCitationMetadata() throws Exception {
    Article article =
        content.publish("profile-citation", "x", null, Instant.parse("2021-03-01T00:00:00Z"));
    long person = article.authors.get(0).id;
    sql(
        "insert into author_profiles_profile (person_id) values (?1) on conflict do nothing",
        person);
    sql(
        "update author_profiles_profile set affiliation = 'Steppe & Sea Institute',"
            + " orcid = '0000-0002-1825-0097' where person_id = ?1",
        person);
    context.pagesChanged("author-profiles");

    Document page = page("/articles/profile-citation");
    assertThat(page.select("meta[name=citation_author_orcid]").eachAttr("content"))
        .containsExactly("https://orcid.org/0000-0002-1825-0097");
    assertThat(page.select("meta[name=citation_author_institution]").eachAttr("content"))
        .containsExactly("Steppe & Sea Institute");
    var data =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(page.selectFirst("head script[type=application/ld+json]").data());
    assertThat(data.path("author").get(0).path("sameAs").asText())
        .isEqualTo("https://orcid.org/0000-0002-1825-0097");

    sql(
        "update author_profiles_profile set orcid = '0000-0002-1825-0098' where person_id = ?1",
        person);
    context.pagesChanged("author-profiles");
    assertThat(page("/articles/profile-citation").select("meta[name=citation_author_orcid]"))
        .as("an ORCID iD whose check digit is wrong is left out")
        .isEmpty();
  }

  @Test
  void authorPagesDescribeThePersonInJsonLd() throws Exception {
    Element block =
        page("/authors/lidiya-parkhomchik").selectFirst("script[type=application/ld+json]");
    var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(block.data());
    assertThat(data.get("@type").asText()).isEqualTo("Person");
    assertThat(data.get("name").asText()).isEqualTo("Lidiya Parkhomchik");
    assertThat(data.get("jobTitle").asText()).isEqualTo("Senior Research fellow");
  }

  @Test
  void switchedOffThePluginShowsNoProfiles() {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/plugins");
    admin.post("/desk/admin/plugins/author-profiles/enabled", Map.of("enabled", "false"));
    try {
      assertThat(page(SEED).select(".author-box")).isEmpty();
      assertThat(page("/authors/lidiya-parkhomchik").select(".author-profile")).isEmpty();
      assertThat(page(SEED).select(".article-body p")).isNotEmpty();
      assertThat(admin.get("/desk/plugins/author-profiles").statusCode()).isEqualTo(404);
      assertThat(admin.get("/desk/plugins/author-profiles/people/lidiya-parkhomchik").statusCode())
          .isEqualTo(404);
      assertThat(
              given()
                  .get("/plugins/author-profiles/photos/AAAAAAAAAAAAAAAAAAAAAA/400.jpg")
                  .statusCode())
          .isEqualTo(404);
      assertThat(Jsoup.parse(admin.get("/desk").asString()).select("nav a").eachText())
          .doesNotContain("Profiles");
    } finally {
      admin.post("/desk/admin/plugins/author-profiles/enabled", Map.of("enabled", "true"));
    }
    assertThat(page(SEED).select(".author-box")).hasSize(1);
  }

  @Test
  void aFailingPluginLeavesTheArticleAndAuthorPagesWhole() {
    // The plugin's own table disappears: every query it makes for a profile fails.
    alter("alter table author_profiles_profile rename to author_profiles_profile_away");
    try {
      context.pagesChanged("author-profiles");
      Document article = page(SEED);
      assertThat(article.select(".author-box")).isEmpty();
      assertThat(article.select(".article-body p")).isNotEmpty();
      assertThat(article.select(".disclaimer")).hasSize(1);
      Document author = page("/authors/lidiya-parkhomchik");
      assertThat(author.select(".author-profile")).isEmpty();
      assertThat(author.select(".article-list a").eachText())
          .contains("Russia-US Relations on the Doorstep of the Incoming Trump Administration");
    } finally {
      alter("alter table author_profiles_profile_away rename to author_profiles_profile");
      context.pagesChanged("author-profiles");
    }
    assertThat(page(SEED).select(".author-box")).hasSize(1);
  }

  @Test
  void theSampleProfileHasItsHistoryFromTheStart() {
    Long count =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            entityManager
                                .createNativeQuery(
                                    "select count(*) from author_profiles_history h join person p"
                                        + " on p.id = h.person_id where p.slug ="
                                        + " 'lidiya-parkhomchik' and h.version = 1")
                                .getSingleResult())
                        .longValue());
    assertThat(count).isEqualTo(1);
  }

  private void alter(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
  }

  private void sql(String statement, long person) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager.createNativeQuery(statement).setParameter(1, person).executeUpdate());
  }

  private static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
