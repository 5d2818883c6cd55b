package org.stet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** Workflow mails, received by a real SMTP server started for the tests. */
@QuarkusTest
@QuarkusTestResource(GreenMailServer.class)
class WorkflowMailTest {

  @Inject TestAccounts accounts;

  @Test
  void editorsHearOfSubmissionsAndAuthorsOfDecisionsAndPublication() throws Exception {
    accounts.create("mail-author@stet.test", Role.AUTHOR);
    accounts.create("mail-editor@stet.test", Role.EDITOR);
    int id =
        DeskBrowser.api("mail-author@stet.test")
            .body("{\"title\":\"Mailed article\",\"body\":\"Text.\"}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    act("mail-author@stet.test", id, "{\"action\":\"SUBMIT\"}");
    MimeMessage submitted =
        GreenMailServer.await("mail-editor@stet.test", "New submission: Mailed article");
    assertThat(GreenMailServer.text(submitted)).contains("Mailed article").contains("/desk");

    act(
        "mail-editor@stet.test",
        id,
        "{\"action\":\"ACCEPT\",\"note\":\"A clear, well sourced piece.\"}");
    MimeMessage decided =
        GreenMailServer.await("mail-author@stet.test", "Decision on \"Mailed article\"");
    assertThat(GreenMailServer.text(decided))
        .contains("has been accepted")
        .contains("A clear, well sourced piece.");

    act("mail-editor@stet.test", id, "{\"action\":\"PUBLISH\"}");
    MimeMessage published =
        GreenMailServer.await("mail-author@stet.test", "Published: Mailed article");
    assertThat(GreenMailServer.text(published))
        .contains("http://localhost:8080/articles/mailed-article-");
  }

  @Test
  void reviewersHearOfAssignmentsEditorsOfReviewsAndAuthorsOfCommentsWithoutNames()
      throws Exception {
    accounts.create("mail-writer@stet.test", Role.AUTHOR);
    accounts.create("mail-desk@stet.test", Role.EDITOR);
    accounts.create("mail-referee@stet.test", Role.REVIEWER);
    DeskBrowser.api("mail-desk@stet.test")
        .body("{\"name\":\"Blind Mail Review\",\"reviewAnonymity\":\"DOUBLE\"}")
        .post("/api/v1/journals")
        .then()
        .statusCode(201);
    int id =
        DeskBrowser.api("mail-writer@stet.test")
            .body("{\"title\":\"Reviewed by mail\",\"body\":\"Text.\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    act("mail-writer@stet.test", id, "{\"action\":\"SUBMIT\"}");
    DeskBrowser.api("mail-desk@stet.test")
        .body("{\"journal\":\"blind-mail-review\"}")
        .put("/api/v1/articles/" + id + "/journal")
        .then()
        .statusCode(200);
    int review =
        DeskBrowser.api("mail-desk@stet.test")
            .body("{\"reviewer\":\"mail-referee@stet.test\",\"dueOn\":\"2099-01-31\"}")
            .post("/api/v1/articles/" + id + "/reviews")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String invitation =
        GreenMailServer.text(
            GreenMailServer.await("mail-referee@stet.test", "Review invitation: Reviewed by mail"));
    assertThat(invitation)
        .contains("2099-01-31")
        .contains("/desk/reviews/" + review)
        .doesNotContain("mail-writer");

    DeskBrowser.api("mail-referee@stet.test")
        .post("/api/v1/reviews/" + review + "/accept")
        .then()
        .statusCode(200);
    DeskBrowser.api("mail-referee@stet.test")
        .body(
            "{\"recommendation\":\"MINOR_REVISIONS\",\"toAuthor\":\"Cite the 2016 survey.\","
                + "\"toEditor\":\"Confidential: borderline.\"}")
        .post("/api/v1/reviews/" + review + "/report")
        .then()
        .statusCode(200);
    String received =
        GreenMailServer.text(
            GreenMailServer.await("mail-desk@stet.test", "Review received: Reviewed by mail"));
    assertThat(received).contains("User mail-referee").contains("recommends: minor revisions");

    act(
        "mail-desk@stet.test",
        id,
        "{\"action\":\"REQUEST_MINOR_REVISIONS\",\"note\":\"Small changes, please.\"}");
    String decided =
        GreenMailServer.text(
            GreenMailServer.await("mail-writer@stet.test", "Decision on \"Reviewed by mail\""));
    assertThat(decided)
        .contains("returned to you for minor revisions")
        .contains("Reviewer A writes:")
        .contains("Cite the 2016 survey.")
        .doesNotContain("mail-referee")
        .doesNotContain("Confidential");
  }

  private static void act(String email, int id, String json) {
    DeskBrowser.api(email)
        .body(json)
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
  }
}
