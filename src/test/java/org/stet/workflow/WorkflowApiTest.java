package org.stet.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/** The workflow through the API: the allowed path, and every forbidden role × state × action. */
@QuarkusTest
class WorkflowApiTest {

  private static final String OWNER = "wf-owner@stet.test";
  private static final String OTHER = "wf-other@stet.test";
  private static final String EDITOR = "wf-editor@stet.test";

  /**
   * What is allowed, written out independently of WorkflowRules: "WHO ACTION FROM-STATE".
   * Everything else must be refused.
   */
  private static final Set<String> ALLOWED =
      Set.of(
          "OWNER SUBMIT DRAFT",
          "OWNER SUBMIT REVISIONS_REQUESTED",
          "OWNER WITHDRAW DRAFT",
          "OWNER WITHDRAW SUBMITTED",
          "OWNER WITHDRAW IN_REVIEW",
          "OWNER WITHDRAW REVISIONS_REQUESTED",
          "EDITOR START_REVIEW SUBMITTED",
          "EDITOR REQUEST_MINOR_REVISIONS SUBMITTED",
          "EDITOR REQUEST_MINOR_REVISIONS IN_REVIEW",
          "EDITOR REQUEST_MAJOR_REVISIONS SUBMITTED",
          "EDITOR REQUEST_MAJOR_REVISIONS IN_REVIEW",
          "EDITOR ACCEPT SUBMITTED",
          "EDITOR ACCEPT IN_REVIEW",
          "EDITOR REJECT SUBMITTED",
          "EDITOR REJECT IN_REVIEW",
          "EDITOR SCHEDULE ACCEPTED",
          "EDITOR PUBLISH ACCEPTED",
          "EDITOR PUBLISH SCHEDULED",
          "EDITOR RETRACT PUBLISHED");

  @Inject TestAccounts accounts;
  @Inject TestContent content;
  @Inject WorkflowService workflow;

  private static boolean created;
  private Map<String, String> sessions;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(OWNER, Role.AUTHOR);
      accounts.create(OTHER, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      created = true;
    }
    sessions =
        Map.of(
            "OWNER", session(OWNER),
            "OTHER", session(OTHER),
            "EDITOR", session(EDITOR));
  }

  @Test
  void aDraftGoesFromAuthorThroughEditorToThePublicSite() {
    int id =
        api("OWNER")
            .body("{\"title\":\"From draft to page\",\"body\":\"Hello.\"}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String slug = api("OWNER").get("/api/v1/articles/" + id).then().extract().path("slug");
    given().get("/articles/" + slug).then().statusCode(404);

    act("OWNER", id, "SUBMIT", "Ready for review")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
    act("EDITOR", id, "START_REVIEW", null).then().statusCode(200);
    act("EDITOR", id, "ACCEPT", "Well argued").then().statusCode(200);
    act("EDITOR", id, "PUBLISH", null)
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));

    given().get("/articles/" + slug).then().statusCode(200);
    List<Map<String, Object>> events =
        api("OWNER")
            .get("/api/v1/articles/" + id + "/events")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat(events)
        .extracting(e -> e.get("action"))
        .containsExactly("SUBMIT", "START_REVIEW", "ACCEPT", "PUBLISH");
    assertThat(events)
        .extracting(e -> e.get("from"))
        .containsExactly("DRAFT", "SUBMITTED", "IN_REVIEW", "ACCEPTED");
    assertThat(events)
        .extracting(e -> e.get("to"))
        .containsExactly("SUBMITTED", "IN_REVIEW", "ACCEPTED", "PUBLISHED");
    assertThat(events)
        .extracting(e -> e.get("actor"))
        .containsExactly(OWNER, EDITOR, EDITOR, EDITOR);
    assertThat(events).extracting(e -> e.get("revision")).containsOnly(1);
    assertThat(events.get(0).get("note")).isEqualTo("Ready for review");
    assertThat(events).allSatisfy(e -> assertThat(e.get("at")).isNotNull());
  }

  @Test
  void everyRoleStateAndActionOutsideTheTableIsRefusedAndChangesNothing() {
    int checked = 0;
    for (ArticleStatus state : ArticleStatus.values()) {
      for (WorkflowAction action : WorkflowAction.values()) {
        for (String who : List.of("OWNER", "OTHER", "EDITOR")) {
          long id = content.articleInState(OWNER, state);
          // A future time and a note are sent with every action, so that only the table (and not
          // a guard) can refuse; guards have their own tests.
          Response response =
              api(who)
                  .body(
                      "{\"action\":\""
                          + action
                          + "\",\"note\":\"Note\",\"publishAt\":\""
                          + OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)
                          + "\"}")
                  .post("/api/v1/articles/" + id + "/transitions");
          String key = who + " " + action + " " + state;
          if (ALLOWED.contains(key)) {
            assertThat(response.statusCode()).as(key).isEqualTo(200);
            continue;
          }
          checked++;
          int expected = who.equals("OTHER") ? 404 : mayTake(who, action) ? 409 : 403;
          assertThat(response.statusCode()).as(key).isEqualTo(expected);
          if (expected != 404) {
            assertThat(response.jsonPath().getString("message"))
                .as(key)
                .contains("This article is " + state.words());
            assertThat(response.jsonPath().getString("state")).as(key).isEqualTo(state.name());
          }
          assertThat(content.status(id)).as(key + " leaves the state").isEqualTo(state);
          assertThat(WorkflowEventCount.of(id)).as(key + " writes no event").isZero();
        }
      }
    }
    assertThat(checked)
        .isEqualTo(
            ArticleStatus.values().length * WorkflowAction.values().length * 3 - ALLOWED.size());
  }

  @Test
  void aRetractedArticleStaysReadableWithItsNoticeAndLeavesTheListings() {
    long id = content.articleInState(OWNER, ArticleStatus.PUBLISHED);
    String slug = api("EDITOR").get("/api/v1/articles/" + id).then().extract().path("slug");
    given().get("/articles/" + slug).then().statusCode(200);

    act("EDITOR", (int) id, "RETRACT", "The survey data were wrong").then().statusCode(200);

    String html = given().get("/articles/" + slug).then().statusCode(200).extract().asString();
    org.jsoup.nodes.Element notice = org.jsoup.Jsoup.parse(html).selectFirst(".retraction");
    assertThat(notice.text()).startsWith("Retracted on ").contains(": The survey data were wrong.");
    String home = given().get("/").then().statusCode(200).extract().asString();
    assertThat(org.jsoup.Jsoup.parse(home).select(".article-list a").eachAttr("href"))
        .doesNotContain("/articles/" + slug);
  }

  @Test
  void twoEditorsDecidingAtOnceGetOneDecisionAndOneRefusal() throws Exception {
    accounts.create("second-editor@stet.test", Role.EDITOR);
    String second = session("second-editor@stet.test");
    for (int round = 0; round < 5; round++) {
      long id = content.articleInState(OWNER, ArticleStatus.SUBMITTED);
      var start = new java.util.concurrent.CountDownLatch(1);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var accept =
            pool.submit(
                () -> {
                  start.await();
                  return api("EDITOR")
                      .body("{\"action\":\"ACCEPT\"}")
                      .post("/api/v1/articles/" + id + "/transitions")
                      .statusCode();
                });
        var reject =
            pool.submit(
                () -> {
                  start.await();
                  return given()
                      .cookie(SessionCookie.NAME, second)
                      .header("Origin", DeskBrowser.origin())
                      .contentType("application/json")
                      .body("{\"action\":\"REJECT\"}")
                      .post("/api/v1/articles/" + id + "/transitions")
                      .statusCode();
                });
        start.countDown();
        assertThat(List.of(accept.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
      } finally {
        pool.shutdown();
      }
      assertThat(WorkflowEventCount.of(id)).isEqualTo(1);
    }
  }

  @Test
  void scheduledArticlesArePublishedOnceWhenDue() {
    long id = content.articleInState(OWNER, ArticleStatus.ACCEPTED);
    act("EDITOR", (int) id, "SCHEDULE", null).then().statusCode(400);
    scheduleAt((int) id, OffsetDateTime.now(ZoneOffset.ofHours(6)).minusHours(1))
        .then()
        .statusCode(400);
    scheduleAt((int) id, OffsetDateTime.now(ZoneOffset.ofHours(6)).plusDays(1))
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("SCHEDULED"));

    workflow.publishDue();
    assertThat(content.status(id)).as("not due yet").isEqualTo(ArticleStatus.SCHEDULED);

    content.makeDue(id);
    workflow.publishDue();
    workflow.publishDue();

    assertThat(content.status(id)).isEqualTo(ArticleStatus.PUBLISHED);
    List<String> actions =
        api("EDITOR").get("/api/v1/articles/" + id + "/events").then().extract().path("action");
    assertThat(actions).containsExactly("SCHEDULE", "PUBLISH");
  }

  @Test
  void badTransitionRequestsAre400() {
    long id = content.articleInState(OWNER, ArticleStatus.DRAFT);
    api("OWNER")
        .body("{\"action\":\"DELETE_EVERYTHING\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(400);
    api("OWNER").body("{}").post("/api/v1/articles/" + id + "/transitions").then().statusCode(400);
    api("OWNER")
        .body("{\"action\":\"SUBMIT\",\"state\":\"PUBLISHED\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(400);
    api("OWNER")
        .body("{\"action\":\"SUBMIT\",\"note\":\"" + "x".repeat(10_001) + "\"}")
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(400);
    assertThat(content.status(id)).isEqualTo(ArticleStatus.DRAFT);
  }

  private Response scheduleAt(int id, OffsetDateTime at) {
    return api("EDITOR")
        .body("{\"action\":\"SCHEDULE\",\"publishAt\":\"" + at + "\"}")
        .post("/api/v1/articles/" + id + "/transitions");
  }

  private static boolean mayTake(String who, WorkflowAction action) {
    boolean authorAction = action == WorkflowAction.SUBMIT || action == WorkflowAction.WITHDRAW;
    return who.equals("OWNER") == authorAction;
  }

  private Response act(String who, int id, String action, String note) {
    String body =
        note == null
            ? "{\"action\":\"" + action + "\"}"
            : "{\"action\":\"" + action + "\",\"note\":\"" + note + "\"}";
    return api(who).body(body).post("/api/v1/articles/" + id + "/transitions");
  }

  private RequestSpecification api(String who) {
    return given()
        .cookie(SessionCookie.NAME, sessions.get(who))
        .header("Origin", DeskBrowser.origin())
        .contentType("application/json")
        .accept("application/json");
  }

  private static String session(String email) {
    return DeskBrowser.signedIn(email, TestAccounts.PASSWORD).cookie(SessionCookie.NAME);
  }
}
