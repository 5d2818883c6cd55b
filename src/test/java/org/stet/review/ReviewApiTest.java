package org.stet.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** Peer review through the API: rounds, visibility, anonymity and every refusal. */
@QuarkusTest
class ReviewApiTest {

  private static final String AUTHOR = "rv-author@stet.test";
  private static final String EDITOR = "rv-editor@stet.test";
  private static final String REVIEWER = "rv-reviewer@stet.test";
  private static final String OTHER_REVIEWER = "rv-other@stet.test";
  private static final String DUE = LocalDate.now().plusDays(14).toString();

  @Inject TestAccounts accounts;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(REVIEWER, Role.REVIEWER);
      accounts.create(OTHER_REVIEWER, Role.REVIEWER);
      created = true;
    }
  }

  @Test
  void aSubmissionGoesThroughTwoReviewRoundsWithAResponseLetter() {
    int article = submitted("Two rounds", "The first text of the argument.");
    int review = assign(article, REVIEWER).then().statusCode(201).extract().path("id");
    assertThat(state(article)).isEqualTo("IN_REVIEW");

    Map<String, Object> paper =
        DeskBrowser.api(REVIEWER)
            .get("/api/v1/reviews/" + review)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat(paper.get("body")).isEqualTo("The first text of the argument.");
    assertThat(paper.get("anonymity")).isEqualTo("SINGLE");
    assertThat(paper.get("authors")).isEqualTo(List.of("User rv-author"));

    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
    report(review, "MAJOR_REVISIONS", "Define your terms.", "Weak, but fixable.")
        .then()
        .statusCode(200)
        .body("state", equalTo("SUBMITTED"));

    List<Map<String, Object>> editorView = reviews(EDITOR, article);
    assertThat(editorView)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("toEditor")).isEqualTo("Weak, but fixable.");
              assertThat(r.get("recommendation")).isEqualTo("MAJOR_REVISIONS");
              assertThat((String) r.get("reviewer")).contains(REVIEWER);
            });
    assertThat(reviews(AUTHOR, article)).as("nothing before the decision").isEmpty();

    act(EDITOR, article, "REQUEST_MAJOR_REVISIONS", "Please answer the reviewer.")
        .then()
        .statusCode(200);
    assertThat(reviews(AUTHOR, article))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("reviewer")).isEqualTo("Reviewer A");
              assertThat(r.get("toAuthor")).isEqualTo("Define your terms.");
              assertThat(r).doesNotContainKeys("toEditor", "recommendation");
            });

    long version =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + article)
            .then()
            .extract()
            .jsonPath()
            .getLong("version");
    DeskBrowser.api(AUTHOR)
        .body(
            Map.of(
                "title",
                "Two rounds",
                "body",
                "The revised text of the argument.",
                "version",
                version))
        .put("/api/v1/articles/" + article)
        .then()
        .statusCode(200);
    act(AUTHOR, article, "SUBMIT", null)
        .then()
        .statusCode(409)
        .body("message", containsString("response letter"))
        .body("state", equalTo("REVISIONS_REQUESTED"));
    act(AUTHOR, article, "SUBMIT", "I defined every term.").then().statusCode(200);

    List<Map<String, Object>> rounds =
        DeskBrowser.api(EDITOR)
            .get("/api/v1/articles/" + article + "/rounds")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat(rounds).extracting(r -> r.get("round")).containsExactly(1, 2);
    assertThat(rounds.get(1).get("response")).isEqualTo("I defined every term.");
    int first = (Integer) rounds.get(0).get("revision");
    int second = (Integer) rounds.get(1).get("revision");
    String diff =
        DeskBrowser.api(EDITOR)
            .get("/api/v1/articles/" + article + "/diff?from=" + first + "&to=" + second)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(diff).contains("first").contains("revised");

    int secondReview = assign(article, REVIEWER).then().statusCode(201).extract().path("id");
    Map<String, Object> secondPaper =
        DeskBrowser.api(REVIEWER).get("/api/v1/reviews/" + secondReview).then().extract().path("$");
    assertThat(secondPaper.get("body")).isEqualTo("The revised text of the argument.");
    assertThat(
            DeskBrowser.api(REVIEWER)
                .get("/api/v1/reviews/" + review)
                .then()
                .extract()
                .<String>path("body"))
        .as("the first review stays pinned to the first round's text")
        .isEqualTo("The first text of the argument.");
    assertThat(accounts.auditActions("article:" + article + " review:" + review))
        .containsExactly("REVIEWER_ASSIGNED", "REVIEW_ACCEPTED", "REVIEW_SUBMITTED");
  }

  @Test
  void reviewerCannotSeeUnassignedSubmission() {
    int article = submitted("Not for you", "Text.");
    int review = assign(article, REVIEWER).then().statusCode(201).extract().path("id");

    DeskBrowser.api(OTHER_REVIEWER).get("/api/v1/reviews/" + review).then().statusCode(404);
    DeskBrowser.api(OTHER_REVIEWER)
        .post("/api/v1/reviews/" + review + "/accept")
        .then()
        .statusCode(404);
    DeskBrowser.api(OTHER_REVIEWER).get("/api/v1/articles/" + article).then().statusCode(404);
    DeskBrowser.api(REVIEWER).get("/api/v1/articles/" + article).then().statusCode(404);
    List<Integer> listed =
        DeskBrowser.api(OTHER_REVIEWER)
            .get("/api/v1/reviews")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(listed).doesNotContain(review);
    List<Integer> own =
        DeskBrowser.api(REVIEWER).get("/api/v1/reviews").then().extract().path("id");
    assertThat(own).contains(review);
  }

  @Test
  void anonymityFollowsTheJournal() {
    journal("Double Blind Review", "DOUBLE");
    journal("Open Peer Review", "OPEN");

    int hidden = submitted("Double anonymous", "Text.");
    consider(hidden, "double-blind-review");
    int hiddenReview = reviewed(hidden);
    assertThat(
            DeskBrowser.api(REVIEWER)
                .get("/api/v1/reviews/" + hiddenReview)
                .then()
                .extract()
                .<List<?>>path("authors"))
        .isEmpty();
    act(EDITOR, hidden, "ACCEPT", null).then().statusCode(200);
    assertThat(reviews(AUTHOR, hidden))
        .extracting(r -> r.get("reviewer"))
        .containsExactly("Reviewer A");

    int open = submitted("Open review", "Text.");
    consider(open, "open-peer-review");
    int openReview = reviewed(open);
    assertThat(
            DeskBrowser.api(REVIEWER)
                .get("/api/v1/reviews/" + openReview)
                .then()
                .extract()
                .<List<String>>path("authors"))
        .containsExactly("User rv-author");
    act(EDITOR, open, "ACCEPT", null).then().statusCode(200);
    assertThat(reviews(AUTHOR, open))
        .extracting(r -> r.get("reviewer"))
        .containsExactly("User rv-reviewer");
  }

  @Test
  void badAssignmentsAreRefusedWithAReason() {
    int article = submitted("Bad assignments", "Text.");
    DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", AUTHOR, "dueOn", DUE))
        .post(path(article))
        .then()
        .statusCode(400)
        .body("message", containsString("REVIEWER role"));
    DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", REVIEWER, "dueOn", "2001-01-01"))
        .post(path(article))
        .then()
        .statusCode(400)
        .body("message", containsString("in the past"));
    DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", REVIEWER, "dueOn", "2027-02-30"))
        .post(path(article))
        .then()
        .statusCode(400);
    DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", REVIEWER, "dueOn", DUE, "state", "SUBMITTED"))
        .post(path(article))
        .then()
        .statusCode(400);
    DeskBrowser.api(EDITOR).body("{}").post(path(article)).then().statusCode(400);
    DeskBrowser.api(AUTHOR)
        .body(Map.of("reviewer", REVIEWER, "dueOn", DUE))
        .post(path(article))
        .then()
        .statusCode(403);
    assign(article, REVIEWER).then().statusCode(201);
    assign(article, REVIEWER).then().statusCode(409).body("message", containsString("already"));

    accounts.create("rv-author-reviewer@stet.test", Role.AUTHOR, Role.REVIEWER);
    int own =
        DeskBrowser.api("rv-author-reviewer@stet.test")
            .body(Map.of("title", "Mine", "body", "Text."))
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    act("rv-author-reviewer@stet.test", own, "SUBMIT", null).then().statusCode(200);
    assign(own, "rv-author-reviewer@stet.test")
        .then()
        .statusCode(409)
        .body("message", containsString("own article"));

    int draft =
        DeskBrowser.api(AUTHOR)
            .body(Map.of("title", "Draft", "body", "Text."))
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    assign(draft, REVIEWER)
        .then()
        .statusCode(409)
        .body("message", containsString("This article is a draft"));
  }

  @Test
  void badReportsAreRefusedAndNothingIsRecorded() {
    int article = submitted("Bad reports", "Text.");
    int review = assign(article, REVIEWER).then().statusCode(201).extract().path("id");
    report(review, "ACCEPT", "Good.", null)
        .then()
        .statusCode(409)
        .body("message", containsString("This review is an invitation not yet answered"));
    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(409);
    report(review, null, "Good.", null)
        .then()
        .statusCode(400)
        .body("message", containsString("recommendation"));
    report(review, "PERFECT", "Good.", null).then().statusCode(400);
    report(review, "ACCEPT", " ", null).then().statusCode(400);
    report(review, "ACCEPT", "x".repeat(50_001), null)
        .then()
        .statusCode(413)
        .body("message", containsString("nothing was saved"));
    report(review, "ACCEPT", "Nul\u0000byte", null).then().statusCode(400);
    report(review, "ACCEPT", "Good.", null).then().statusCode(200);
    report(review, "REJECT", "Changed my mind.", null)
        .then()
        .statusCode(409)
        .body("message", containsString("This review is already sent"));
    assertThat(reviews(EDITOR, article))
        .singleElement()
        .satisfies(r -> assertThat(r.get("recommendation")).isEqualTo("ACCEPT"));

    int declined = assign(article, OTHER_REVIEWER).then().statusCode(201).extract().path("id");
    DeskBrowser.api(OTHER_REVIEWER)
        .body(Map.of("reason", "Conflict of interest"))
        .post("/api/v1/reviews/" + declined + "/decline")
        .then()
        .statusCode(200)
        .body("state", equalTo("DECLINED"));
    report(declined, OTHER_REVIEWER, "ACCEPT", "Good.", null).then().statusCode(409);
  }

  @Test
  void editorsDecisionsNeedAMessageExceptAcceptance() {
    int article = submitted("Messages", "Text.");
    for (String action : List.of("REQUEST_MINOR_REVISIONS", "REQUEST_MAJOR_REVISIONS", "REJECT")) {
      act(EDITOR, article, action, " ")
          .then()
          .statusCode(409)
          .body("message", containsString("This article is submitted; write the author a message"));
    }
    act(EDITOR, article, "REQUEST_MINOR_REVISIONS", "Fix the typos.")
        .then()
        .statusCode(200)
        .body("status", equalTo("REVISIONS_REQUESTED"));
    List<String> actions =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + article + "/events")
            .then()
            .extract()
            .path("action");
    assertThat(actions).containsExactly("SUBMIT", "REQUEST_MINOR_REVISIONS");
  }

  @Test
  void loosenedAnonymityNeverRevealsANameAlreadyHidden() {
    journal("Strict Review", "DOUBLE");
    int article = submitted("Promised anonymity", "Text.");
    consider(article, "strict-review");
    int review = reviewed(article);
    DeskBrowser.api(EDITOR)
        .body(Map.of("journal", "open-peer-review-2"))
        .put("/api/v1/articles/" + article + "/journal")
        .then()
        .statusCode(409)
        .body("message", containsString("asked already"));
    DeskBrowser.api(EDITOR)
        .body(Map.of("name", "Strict Review", "reviewAnonymity", "OPEN"))
        .put("/api/v1/journals/strict-review")
        .then()
        .statusCode(200);

    assertThat(
            DeskBrowser.api(REVIEWER)
                .get("/api/v1/reviews/" + review)
                .then()
                .extract()
                .<List<?>>path("authors"))
        .isEmpty();
    act(EDITOR, article, "ACCEPT", null).then().statusCode(200);
    assertThat(reviews(AUTHOR, article))
        .extracting(r -> r.get("reviewer"))
        .containsExactly("Reviewer A");
    DeskBrowser.api(EDITOR)
        .body(Map.of("name", "Strict Review"))
        .put("/api/v1/journals/strict-review")
        .then()
        .statusCode(200)
        .body("reviewAnonymity", equalTo("OPEN"));
  }

  @Test
  void anEditorWhoWroteTheArticleNeitherDecidesNorReadsItsReviewsAsEditor() {
    accounts.create("rv-editor-author@stet.test", Role.EDITOR, Role.AUTHOR);
    int article =
        DeskBrowser.api("rv-editor-author@stet.test")
            .body(Map.of("title", "My own", "body", "Text."))
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    act("rv-editor-author@stet.test", article, "SUBMIT", null).then().statusCode(200);
    DeskBrowser.api("rv-editor-author@stet.test")
        .body(Map.of("reviewer", REVIEWER, "dueOn", DUE))
        .post(path(article))
        .then()
        .statusCode(403);
    act("rv-editor-author@stet.test", article, "ACCEPT", null)
        .then()
        .statusCode(403)
        .body("message", containsString("not one of its authors"));
    reviewed(article);
    assertThat(reviews("rv-editor-author@stet.test", article)).as("no decision yet").isEmpty();
    act(EDITOR, article, "ACCEPT", null).then().statusCode(200);
    assertThat(reviews("rv-editor-author@stet.test", article))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("reviewer")).isEqualTo("Reviewer A");
              assertThat(r).doesNotContainKeys("toEditor", "recommendation");
            });
  }

  @Test
  void withdrawingClosesOpenInvitationsAndShowsNoUndecidedReview() {
    int article = submitted("Withdrawn in review", "Secret text.");
    int done = reviewed(article);
    int open = assign(article, OTHER_REVIEWER).then().statusCode(201).extract().path("id");
    act(AUTHOR, article, "WITHDRAW", null).then().statusCode(200);

    DeskBrowser.api(OTHER_REVIEWER).get("/api/v1/reviews/" + open).then().statusCode(404);
    DeskBrowser.api(REVIEWER).get("/api/v1/reviews/" + done).then().statusCode(200);
    assertThat(reviews(AUTHOR, article)).as("the editor never decided").isEmpty();
    assertThat(reviews(EDITOR, article))
        .extracting(r -> r.get("state"))
        .containsExactly("SUBMITTED", "CANCELLED");
  }

  @Test
  void coAuthorsAreChosenByTheFirstAuthorAndNeverAmongTheReviewers() {
    accounts.create("rv-second@stet.test", Role.AUTHOR);
    accounts.create("rv-author-too@stet.test", Role.AUTHOR, Role.REVIEWER);
    int article =
        DeskBrowser.api(AUTHOR)
            .body(
                Map.of(
                    "title",
                    "Byline",
                    "body",
                    "Text.",
                    "coAuthors",
                    List.of("rv-second@stet.test")))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    long version = version(AUTHOR, article);
    DeskBrowser.api("rv-second@stet.test")
        .body(Map.of("title", "Byline", "version", version, "coAuthors", List.of()))
        .put("/api/v1/articles/" + article)
        .then()
        .statusCode(403)
        .body("message", containsString("first author"));
    act(AUTHOR, article, "SUBMIT", null).then().statusCode(200);
    assign(article, "rv-author-too@stet.test").then().statusCode(201);
    act(EDITOR, article, "REQUEST_MINOR_REVISIONS", "Small things.").then().statusCode(200);
    DeskBrowser.api(AUTHOR)
        .body(
            Map.of(
                "title",
                "Byline",
                "version",
                version(AUTHOR, article),
                "coAuthors",
                List.of("rv-second@stet.test", "rv-author-too@stet.test")))
        .put("/api/v1/articles/" + article)
        .then()
        .statusCode(409)
        .body("message", containsString("reviews this article"));
  }

  @Test
  void bodilessReviewActionsNeedJsonSoNoFormCanSendThem() {
    int article = submitted("Forms", "Text.");
    int review = assign(article, REVIEWER).then().statusCode(201).extract().path("id");
    DeskBrowser.api(REVIEWER)
        .contentType("application/x-www-form-urlencoded")
        .post("/api/v1/reviews/" + review + "/accept")
        .then()
        .statusCode(415);
    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
  }

  private static long version(String who, int article) {
    return DeskBrowser.api(who)
        .get("/api/v1/articles/" + article)
        .then()
        .extract()
        .jsonPath()
        .getLong("version");
  }

  private int submitted(String title, String body) {
    int id =
        DeskBrowser.api(AUTHOR)
            .body(Map.of("title", title, "body", body))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    act(AUTHOR, id, "SUBMIT", null).then().statusCode(200);
    return id;
  }

  /** Assigned to REVIEWER, accepted and reported on; returns the assignment id. */
  private int reviewed(int article) {
    int review = assign(article, REVIEWER).then().statusCode(201).extract().path("id");
    DeskBrowser.api(REVIEWER).post("/api/v1/reviews/" + review + "/accept").then().statusCode(200);
    report(review, "ACCEPT", "Convincing.", "No concerns.").then().statusCode(200);
    return review;
  }

  private static Response assign(int article, String reviewer) {
    return DeskBrowser.api(EDITOR)
        .body(Map.of("reviewer", reviewer, "dueOn", DUE))
        .post(path(article));
  }

  private static Response report(
      int review, String recommendation, String toAuthor, String toEditor) {
    return report(review, REVIEWER, recommendation, toAuthor, toEditor);
  }

  private static Response report(
      int review, String reviewer, String recommendation, String toAuthor, String toEditor) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("recommendation", recommendation);
    body.put("toAuthor", toAuthor);
    body.put("toEditor", toEditor);
    return DeskBrowser.api(reviewer).body(body).post("/api/v1/reviews/" + review + "/report");
  }

  private static List<Map<String, Object>> reviews(String who, int article) {
    return DeskBrowser.api(who).get(path(article)).then().statusCode(200).extract().path("$");
  }

  private static Response act(String who, int article, String action, String note) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("action", action);
    body.put("note", note);
    return DeskBrowser.api(who).body(body).post("/api/v1/articles/" + article + "/transitions");
  }

  private static String state(int article) {
    return DeskBrowser.api(EDITOR)
        .get("/api/v1/articles/" + article)
        .then()
        .extract()
        .path("status");
  }

  private static void journal(String name, String anonymity) {
    DeskBrowser.api(EDITOR)
        .body(Map.of("name", name, "reviewAnonymity", anonymity))
        .post("/api/v1/journals")
        .then()
        .statusCode(201);
  }

  private static void consider(int article, String journal) {
    DeskBrowser.api(EDITOR)
        .body(Map.of("journal", journal))
        .put("/api/v1/articles/" + article + "/journal")
        .then()
        .statusCode(200);
  }

  private static String path(int article) {
    return "/api/v1/articles/" + article + "/reviews";
  }
}
