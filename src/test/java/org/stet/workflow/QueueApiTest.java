package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/** The editors' queue and its counts: complete, ordered, exact after every kind of change. */
@QuarkusTest
class QueueApiTest {

  private static final String EDITOR = "queue-editor@stet.test";
  private static final String AUTHOR = "queue-author@stet.test";

  @Inject TestAccounts accounts;
  @Inject TestContent content;
  @Inject WorkflowService workflow;

  @Test
  void keysetPagesCoverTheQueueOnceInOrderEvenWithTies() {
    accounts.create(EDITOR, Role.EDITOR);
    accounts.create(AUTHOR, Role.AUTHOR);
    Instant tie = Instant.parse("2020-01-01T00:00:00Z");
    List<Long> mine = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long id = content.articleInState(AUTHOR, ArticleStatus.SUBMITTED);
      mine.add(id);
      Instant at = i % 3 == 0 ? tie : tie.plusSeconds(i);
      QuarkusTransaction.requiringNew()
          .run(() -> Article.<Article>findById(id).stateChangedAt = at);
    }

    List<Long> seen = new ArrayList<>();
    List<String> since = new ArrayList<>();
    String after = "";
    do {
      JsonPath page =
          DeskBrowser.api(EDITOR)
              .get("/api/v1/queue?state=SUBMITTED&after=" + after)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.id", Long.class));
      since.addAll(page.getList("items.since", String.class));
      assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(50);
      after = page.getString("next");
    } while (after != null);

    assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
    assertThat(seen).hasSize((int) count(ArticleStatus.SUBMITTED));
    assertThat(since.stream().map(Instant::parse).toList()).isSorted();
  }

  @Test
  void countsStayExactThroughTransitionsScheduledPublicationAndDeletion() {
    accounts.create("count-editor@stet.test", Role.EDITOR);
    accounts.create("count-author@stet.test", Role.AUTHOR);
    long scheduled = content.articleInState("count-author@stet.test", ArticleStatus.SCHEDULED);
    content.makeDue(scheduled);
    long submitted = content.articleInState("count-author@stet.test", ArticleStatus.SUBMITTED);
    DeskBrowser.api("count-editor@stet.test")
        .body("{\"action\":\"ACCEPT\"}")
        .post("/api/v1/articles/" + submitted + "/transitions")
        .then()
        .statusCode(200);
    workflow.publishDue();
    long doomed = content.articleInState("count-author@stet.test", ArticleStatus.DRAFT);
    QuarkusTransaction.requiringNew().run(() -> Article.deleteById(doomed));

    Map<String, Object> counts =
        DeskBrowser.api("count-editor@stet.test")
            .get("/api/v1/queue/counts")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    Map<String, Object> expected = new HashMap<>();
    for (ArticleStatus state : ArticleStatus.values()) {
      expected.put(state.name(), (int) count(state));
    }
    assertThat(counts).isEqualTo(expected);
  }

  @Test
  void badQueriesAreRefusedWithAReason() {
    accounts.create("queue-careless@stet.test", Role.EDITOR);
    DeskBrowser.api("queue-careless@stet.test")
        .get("/api/v1/queue?state=LOST")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("There is no state LOST"));
    DeskBrowser.api("queue-careless@stet.test")
        .get("/api/v1/queue?after=yesterday")
        .then()
        .statusCode(400);
  }

  private static long count(ArticleStatus state) {
    return QuarkusTransaction.requiringNew().call(() -> Article.count("status", state));
  }
}
