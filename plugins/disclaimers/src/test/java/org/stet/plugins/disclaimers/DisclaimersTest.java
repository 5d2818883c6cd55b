package org.stet.plugins.disclaimers;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;
import org.stet.spi.PluginContext;

/** The disclaimers plugin on the public pages: the sample note, rules, order, switching, XSS. */
@QuarkusTest
class DisclaimersTest {

  private static final String SEED =
      "/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @Inject EntityManager entityManager;
  @Inject TestContent content;
  @Inject PluginContext context;

  @AfterEach
  void cleanUp() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "delete from disclaimers_disclaimer where sample_key is null")
                    .executeUpdate());
    context.pagesChanged("disclaimers");
    switchTo(true);
  }

  @Test
  void theSeedArticleShowsTheSampleNoteFromARuleNotFromItsBody() {
    Document page = page(SEED);
    assertThat(page.select("article .disclaimer").eachText())
        .containsExactly(
            "Note: The views expressed in this blog are the author's own and do not necessarily"
                + " reflect the Institute's editorial policy.");
    assertThat(page.select(".article-body").text()).doesNotContain("views expressed");
    assertThat(page.selectFirst(".publication-note").nextElementSibling().className())
        .as("under the publication note, before the tags, as on the seed page")
        .isEqualTo("disclaimer");
  }

  @Test
  void aJournalRulePicksTheArticlesInThatJournalsIssues() {
    disclaimer("From the journal's editors.", "JOURNAL", "asya-avrupa-haber-yorum", 50);
    assertThat(page(SEED).select(".disclaimer").eachText())
        .containsExactly(
            "From the journal's editors.",
            "Note: The views expressed in this blog are the author's own and do not necessarily"
                + " reflect the Institute's editorial policy.");
  }

  @Test
  void switchingThePluginOffRemovesTheNoteAndOnBringsItBack() {
    switchTo(false);
    assertThat(page(SEED).select(".disclaimer")).isEmpty();
    assertThat(page(SEED).select(".article-body p")).isNotEmpty();
    switchTo(true);
    assertThat(page(SEED).select(".disclaimer")).hasSize(1);
  }

  @Test
  void rulesPickArticlesByCategoryTagAndAuthorInPriorityOrderAndArticlesCanOptOut() {
    Article article =
        content.publish(
            "disclaimer-rules",
            "Body.",
            content.category("Disclaimer Category"),
            Instant.parse("2021-01-01T00:00:00Z"));
    disclaimer("In this category.", "CATEGORY", "disclaimer-category", 20);
    disclaimer("Other category.", "CATEGORY", "somewhere-else", 10);
    long byAuthor = disclaimer("By this author.", "AUTHOR", "test-author", 10);

    assertThat(page("/articles/disclaimer-rules").select(".disclaimer").eachText())
        .containsExactly(
            "By this author.",
            "In this category.",
            "Note: The views expressed in this blog are the author's own and do not necessarily"
                + " reflect the Institute's editorial policy.");

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("insert into disclaimers_article values (?1, ?2, 'OPT_OUT')")
                    .setParameter(1, article.id)
                    .setParameter(2, byAuthor)
                    .executeUpdate());
    context.pagesChanged("disclaimers");
    assertThat(page("/articles/disclaimer-rules").select(".disclaimer").eachText())
        .first()
        .isEqualTo("In this category.");
  }

  @Test
  void hostileDisclaimerTextNeverRunsOnThePage() {
    content.publish("disclaimer-xss", "Body.", null, Instant.parse("2021-02-01T00:00:00Z"));
    disclaimer(
        "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
            + " <b onmouseover=alert(4)>bold</b>",
        "ALL",
        null,
        1);
    Document page = page("/articles/disclaimer-xss");
    var disclaimer = page.select(".disclaimer").first();
    assertThat(disclaimer.select("script, img, style, iframe")).isEmpty();
    assertThat(disclaimer.select("[onerror], [onmouseover]")).isEmpty();
    assertThat(disclaimer.select("a").eachAttr("href"))
        .noneMatch(href -> href.contains("javascript"));
    assertThat(disclaimer.text()).contains("<script>alert(1)</script>");
  }

  @Test
  void aFailingPluginLeavesThePageWholeAndTheOtherPartsIntact() {
    // The plugin's own table disappears: every query it makes fails.
    rename("disclaimers_version", "disclaimers_version_away");
    try {
      context.pagesChanged("disclaimers");
      Document page = page(SEED);
      assertThat(page.select(".disclaimer")).isEmpty();
      assertThat(page.select(".article-body p")).isNotEmpty();
      assertThat(page.select(".publication-note").text()).startsWith("*Published in the");
      assertThat(page.select(".tags a").eachText()).isNotEmpty();
    } finally {
      rename("disclaimers_version_away", "disclaimers_version");
      context.pagesChanged("disclaimers");
    }
    assertThat(page(SEED).select(".disclaimer")).hasSize(1);
  }

  private void rename(String from, String to) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("alter table " + from + " rename to " + to)
                    .executeUpdate());
  }

  private long disclaimer(String body, String rule, String value, int priority) {
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long created =
                      ((Number)
                              entityManager
                                  .createNativeQuery(
                                      "insert into disclaimers_disclaimer (title, rule,"
                                          + " rule_value, priority) values ('t', ?1, ?2, ?3)"
                                          + " returning id")
                                  .setParameter(1, rule)
                                  .setParameter(2, value)
                                  .setParameter(3, priority)
                                  .getSingleResult())
                          .longValue();
                  entityManager
                      .createNativeQuery(
                          "insert into disclaimers_version (disclaimer_id, version, body)"
                              + " values (?1, 1, ?2)")
                      .setParameter(1, created)
                      .setParameter(2, body)
                      .executeUpdate();
                  return created;
                });
    context.pagesChanged("disclaimers");
    return id;
  }

  private static void switchTo(boolean on) {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/plugins");
    admin.post("/desk/admin/plugins/disclaimers/enabled", Map.of("enabled", Boolean.toString(on)));
  }

  private static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
