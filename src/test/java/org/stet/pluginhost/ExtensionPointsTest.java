package org.stet.pluginhost;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.audit.AuditLog;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/** Workflow listeners, transition guards and content filters of an enabled plugin, and failures. */
@QuarkusTest
class ExtensionPointsTest {

  private static final String EDITOR = "ext-editor@stet.test";
  private static final String AUTHOR = "ext-author@stet.test";
  private static boolean created;

  @Inject PluginRegistry registry;
  @Inject TestAccounts accounts;
  @Inject TestContent content;

  @BeforeEach
  void on() {
    if (!created) {
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(AUTHOR, Role.AUTHOR);
      created = true;
    }
    registry.setEnabled(AuditLog.Actor.system(), TestExtensions.ID, true);
    TestExtensions.HEARD.clear();
  }

  @AfterEach
  void off() {
    registry.setEnabled(AuditLog.Actor.system(), TestExtensions.ID, false);
  }

  @Test
  void aGuardVetoesWithItsReasonAndAThrowingGuardDoesNotFreezeTheWorkflow() {
    long id = content.articleInState(AUTHOR, ArticleStatus.ACCEPTED);
    act(id, "PUBLISH", "please veto")
        .then()
        .statusCode(409)
        .body(
            "message",
            equalTo("This article is accepted; the house style checker found two problems."));
    assertThat(content.status(id)).isEqualTo(ArticleStatus.ACCEPTED);
    act(id, "PUBLISH", "guard, fail").then().statusCode(200);
  }

  @Test
  void listenersHearCommittedStepsAndAThrowingListenerNeverUndoesAPublish() throws Exception {
    long id = content.articleInState(AUTHOR, ArticleStatus.ACCEPTED);
    act(id, "PUBLISH", "listener, fail")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    assertThat(content.status(id)).isEqualTo(ArticleStatus.PUBLISHED);
    awaitHeard(id);
    assertThat(TestExtensions.HEARD)
        .anySatisfy(
            t -> {
              assertThat(t.articleId()).isEqualTo(id);
              assertThat(t.action()).isEqualTo("PUBLISH");
              assertThat(t.from()).isEqualTo("ACCEPTED");
              assertThat(t.to()).isEqualTo("PUBLISHED");
              assertThat(t.actor()).isEqualTo(EDITOR);
            });
  }

  @Test
  void filtersTransformTheBodyAndABrokenOneIsSkipped() {
    content.publish("filter-test-body", "Body.", null, Instant.parse("2020-03-03T00:00:00Z"));
    content.publish("filter-broken-body", "Body.", null, Instant.parse("2020-03-04T00:00:00Z"));
    Document filtered = html("/articles/filter-test-body");
    assertThat(filtered.select(".article-body strong").text()).isEqualTo("filtered");
    assertThat(filtered.select(".article-body form, .article-body button"))
        .as("a filter's output is held to the body policy")
        .isEmpty();
    assertThat(html("/articles/filter-broken-body").select(".article-body p").text())
        .isEqualTo("Body.");

    registry.setEnabled(AuditLog.Actor.system(), TestExtensions.ID, false);
    assertThat(html("/articles/filter-test-body").select(".article-body strong"))
        .as("off: no filter")
        .isEmpty();
    assertThat(
            act(content.articleInState(AUTHOR, ArticleStatus.ACCEPTED), "PUBLISH", "please veto")
                .statusCode())
        .as("off: no guard")
        .isEqualTo(200);
  }

  private static io.restassured.response.Response act(long id, String action, String note) {
    return DeskBrowser.api(EDITOR)
        .body(Map.of("action", action, "note", note))
        .post("/api/v1/articles/" + id + "/transitions");
  }

  private static org.jsoup.nodes.Document html(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }

  private static void awaitHeard(long id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (TestExtensions.HEARD.stream().noneMatch(t -> t.articleId() == id)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
