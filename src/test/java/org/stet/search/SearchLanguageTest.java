package org.stet.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.audit.AuditLog;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.search.SearchContent.Draft;

/** The site's search language: choosing it re-reads every article; re-indexing by hand. */
@QuarkusTest
class SearchLanguageTest {

  @Inject SearchContent content;
  @Inject SearchLanguages languages;
  @Inject TestAccounts accounts;

  private static final AuditLog.Actor ADMIN = new AuditLog.Actor(null, "test", null);

  @Test
  void changingTheLanguageReadsEveryArticleAgainAndSearchFollows() throws Exception {
    long id =
        content.write(
            Draft.published("Zephyrine pipelines", "Text.", Instant.parse("2024-02-02T00:00:00Z")));
    assertThat(ids("zephyrine pipeline")).containsExactly(id);
    assertThat(languages.available())
        .extracting(SearchLanguages.Language::name)
        .startsWith("simple")
        .contains("english", "german", "french", "russian");
    assertThatThrownBy(() -> languages.set(ADMIN, "klingon"))
        .isInstanceOf(BadRequestException.class);
    try {
      languages.set(ADMIN, "simple");
      awaitReindexed();
      assertThat(ids("zephyrine pipeline")).as("no stemming").isEmpty();
      assertThat(ids("zephyrine pipelines")).containsExactly(id);
    } finally {
      languages.set(ADMIN, "english");
      awaitReindexed();
    }
    assertThat(ids("zephyrine pipeline")).containsExactly(id);
  }

  @Test
  void administratorsReindexWithOneCallAndOthersMayNot() throws Exception {
    String admin = "search-reindex-admin@stet.test";
    String editor = "search-reindex-editor@stet.test";
    accounts.create(admin, Role.ADMIN);
    accounts.create(editor, Role.EDITOR);
    DeskBrowser.api(editor).post("/api/v1/search/reindex").then().statusCode(403);
    DeskBrowser.api(admin).post("/api/v1/search/reindex").then().statusCode(202);
    awaitReindexed();
    assertThat(DeskBrowser.api(admin).get("/api/v1/search/reindex").jsonPath().getLong("done"))
        .isPositive();
    assertThat(accounts.auditActions("site")).contains("SEARCH_REINDEXED");
  }

  private void awaitReindexed() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (languages.progress().running() || languages.progress().finishedAt() == null) {
      assertThat(Instant.now()).as("re-indexing ends").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static List<Long> ids(String words) {
    return given()
        .queryParam("q", words)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("hits.id", Long.class);
  }
}
