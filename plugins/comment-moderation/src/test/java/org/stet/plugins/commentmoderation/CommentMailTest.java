package org.stet.plugins.commentmoderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stet.plugins.commentmoderation.CommentFixture.page;
import static org.stet.plugins.commentmoderation.CommentFixture.post;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.mail.GreenMailServer;

/**
 * Commenters who ask are told of approval and answers, can stop it from the mail, and editors get a
 * digest: through a real SMTP server (GreenMail, started for all tests by {@link GreenMailServer}).
 */
@QuarkusTest
class CommentMailTest {

  @Inject CommentFixture fixture;
  @Inject CommentJobs jobs;
  @Inject EntityManager entityManager;

  @BeforeEach
  void defaults() {
    fixture.settings(Map.of());
  }

  @AfterEach
  void restore() {
    fixture.settings(Map.of());
  }

  @Test
  void aCommenterIsToldOfApprovalAndOfAnswersAndCanStopTheMails() throws Exception {
    String slug = fixture.article();
    String title = "Title of " + slug;
    String asker = "asker-" + System.nanoTime() + "@example.org";
    Comment question =
        fixture.posted(
            post(slug, Map.of("email", asker, "name", "Asel", "notify", "on", "text", "Why?")));
    fixture.moderate(question.id(), "approve");

    String approved =
        GreenMailServer.text(
            GreenMailServer.await(asker, "Your comment on \"" + title + "\" is published"));
    assertThat(approved)
        .contains("Hello Asel")
        .contains("/articles/" + slug + "#comment-" + question.id());

    Document replyForm = page("/plugins/comment-moderation/comments/" + question.id() + "/reply");
    assertThat(replyForm.select("input[name=parent]").val())
        .isEqualTo(Long.toString(question.id()));
    Comment answer =
        fixture.posted(
            post(
                slug,
                Map.of(
                    "parent",
                    Long.toString(question.id()),
                    "name",
                    "Bolat",
                    "text",
                    "Because of oil prices.")));
    fixture.moderate(answer.id(), "approve");
    String replied =
        GreenMailServer.text(
            GreenMailServer.await(asker, "New reply to your comment on \"" + title + "\""));
    assertThat(replied).contains("Bolat replied").contains("> Because of oil prices.");

    Matcher link =
        Pattern.compile(
                "http://localhost:8080(/plugins/comment-moderation/unsubscribe/[A-Za-z0-9_-]{22})")
            .matcher(replied);
    assertThat(link.find()).isTrue();
    Document confirm = page(link.group(1));
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParams(Map.of("stamp", confirm.selectFirst("input[name=stamp]").val()))
        .post(link.group(1))
        .then()
        .statusCode(200);

    int before = GreenMailServer.received(asker).size();
    String other = "other-" + System.nanoTime() + "@example.org";
    Comment second =
        fixture.posted(post(slug, Map.of("parent", Long.toString(question.id()), "text", "More.")));
    fixture.moderate(second.id(), "approve");
    Comment witness =
        fixture.posted(post(slug, Map.of("email", other, "notify", "on", "text", "Witness.")));
    fixture.moderate(witness.id(), "approve");
    GreenMailServer.await(other, "Your comment on \"" + title + "\" is published");
    assertThat(GreenMailServer.received(asker)).as("no mail after stopping them").hasSize(before);
  }

  @Test
  void editorsGetADigestOfWaitingCommentsOncePerPeriod() throws Exception {
    String slug = fixture.article();
    post(slug, Map.of("name", "Waiting Reader", "text", "Please read me."));
    String editor = fixture.editorEmail();
    fixture.settings(Map.of(CommentSettings.DIGEST_HOURS, "1"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update comment_moderation_digest set sent_at = now() - interval '2 hours'")
                    .executeUpdate());

    assertThat(jobs.sendDigest()).isTrue();
    assertThat(jobs.sendDigest()).as("once per period").isFalse();

    String text = GreenMailServer.text(GreenMailServer.awaitContaining(editor, "moderation"));
    assertThat(text)
        .contains("Waiting Reader: Please read me.")
        .contains("/desk/plugins/comment-moderation");
  }
}
