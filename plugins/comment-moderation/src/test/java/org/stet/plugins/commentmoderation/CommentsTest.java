package org.stet.plugins.commentmoderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stet.plugins.commentmoderation.CommentFixture.page;
import static org.stet.plugins.commentmoderation.CommentFixture.post;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.TestAccounts;
import org.stet.plugins.commentmoderation.CommentStore.Status;
import org.stet.web.SiteSecrets;

/** Reader comments: the form, every rule, moderation, reports, and the page they show on. */
@QuarkusTest
class CommentsTest {

  @Inject SiteSecrets secrets;

  @Inject CommentFixture fixture;
  @Inject CommentStore store;
  @Inject CommentJobs jobs;
  @Inject EntityManager entityManager;
  @Inject org.stet.spi.PluginContext context;

  @BeforeEach
  void defaults() {
    fixture.settings(Map.of());
  }

  @AfterEach
  void restore() {
    fixture.settings(Map.of());
  }

  @Test
  void aCommentAwaitsModerationAndAppearsWithTheCountOnceApproved() {
    String slug = fixture.article();
    Response posted = post(slug, Map.of("name", "Aigerim", "text", "Sanctions rarely work."));

    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.header("Location")).contains("/plugins/comment-moderation/posted/");
    Document receipt = page(posted.header("Location"));
    assertThat(receipt.selectFirst("h1").text()).contains("awaits moderation");
    assertThat(receipt.selectFirst(".comment-text").text()).isEqualTo("Sanctions rarely work.");
    Document before = page("/articles/" + slug);
    assertThat(before.select(".comment")).isEmpty();
    assertThat(before.selectFirst(".meta a[href=#comments]").text()).isEqualTo("Comments");

    Comment comment = fixture.posted(posted);
    assertThat(fixture.moderate(comment.id(), "approve").statusCode()).isEqualTo(303);

    Document after = page("/articles/" + slug);
    assertThat(after.select(".comment .comment-author").eachText()).containsExactly("Aigerim");
    assertThat(after.selectFirst("#comment-" + comment.id() + " .comment-text").text())
        .isEqualTo("Sanctions rarely work.");
    assertThat(after.selectFirst(".meta a[href=#comments]").text()).isEqualTo("1 comment");
    assertThat(after.text()).doesNotContain(comment.email());
    assertThat(after.selectFirst("#comment-" + comment.id() + " time").attr("datetime"))
        .as("a valid HTML date: at most three digits of a second")
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    Response receiptLater = given().redirects().follow(false).get(posted.header("Location"));
    assertThat(receiptLater.statusCode()).isEqualTo(303);
    assertThat(receiptLater.header("Location"))
        .endsWith("/articles/" + slug + "?comment=" + comment.id() + "#comment-" + comment.id());

    fixture.moderate(comment.id(), "trash");
    Document trashed = page("/articles/" + slug);
    assertThat(trashed.select(".comment")).isEmpty();
    assertThat(trashed.selectFirst(".meta a[href=#comments]").text()).isEqualTo("Comments");
  }

  @Test
  void theEditorsStartPageCountsTheCommentsWaitingForModeration() {
    String slug = fixture.article();
    long before = waitingOnTheStartPage();
    Comment comment =
        fixture.posted(post(slug, Map.of("name", "Dana", "text", "A question on method.")));

    assertThat(waitingOnTheStartPage()).isEqualTo(before + 1);
    fixture.moderate(comment.id(), "approve");
    assertThat(waitingOnTheStartPage()).isEqualTo(before);
  }

  /** The start page's count of comments waiting; 0 when it shows no such to-do. */
  private long waitingOnTheStartPage() {
    Document start = Jsoup.parse(fixture.editor().get("/desk").asString());
    org.jsoup.nodes.Element todo =
        start.selectFirst(".todo a[href=/desk/plugins/comment-moderation]");
    if (todo == null) {
      return 0;
    }
    assertThat(todo.text()).contains("waiting for moderation");
    return Long.parseLong(todo.selectFirst(".count").text());
  }

  @Test
  void underFirstTimeModerationKnownCommentersAreShownAtOnce() {
    fixture.settings(Map.of(CommentSettings.MODERATION, "first-time"));
    String slug = fixture.article();
    String email = "known-" + System.nanoTime() + "@example.org";
    Comment first = fixture.posted(post(slug, Map.of("email", email)));
    assertThat(first.status()).isEqualTo(Status.PENDING);
    assertThat(first.holdReason()).isEqualTo("First comment from this address");
    fixture.moderate(first.id(), "approve");

    Response second = post(slug, Map.of("email", email.toUpperCase(), "text", "Again, shown."));
    assertThat(second.header("Location")).contains("/articles/" + slug + "?comment=");
    assertThat(fixture.posted(second).status()).isEqualTo(Status.APPROVED);

    Response linked =
        post(slug, Map.of("email", email, "text", "See https://a.example and https://b.example"));
    assertThat(fixture.posted(linked).status()).isEqualTo(Status.PENDING);
    assertThat(fixture.posted(linked).holdReason()).isEqualTo("2 links");
  }

  @Test
  void blockedWordsAddressesAndRangesMakeSpam() {
    fixture.settings(
        Map.of(
            CommentSettings.BLOCKED_WORDS, "casino\nfree money",
            CommentSettings.BLOCKED_EMAILS, "@junk.example",
            CommentSettings.BLOCKED_IPS, "198.51.100.0/24"));
    String slug = fixture.article();
    Comment word = fixture.posted(post(slug, Map.of("text", "Best CASINO here")));
    assertThat(word.status()).isEqualTo(Status.SPAM);
    assertThat(word.holdReason()).isEqualTo("Blocked word: casino");
    Comment address = fixture.posted(post(slug, Map.of("email", "bot@junk.example")));
    assertThat(address.status()).isEqualTo(Status.SPAM);

    fixture.settings(Map.of(CommentSettings.BLOCKED_IPS, "127.0.0.0/8"));
    Comment range = fixture.posted(post(slug, Map.of()));
    assertThat(range.status()).isEqualTo(Status.SPAM);
    assertThat(range.holdReason()).isEqualTo("Blocked IP address");
    assertThat(page("/articles/" + slug).select(".comment")).isEmpty();
  }

  @Test
  void aTrashedCommentPostedAgainCannotComeBackAsASecondCopy() {
    String slug = fixture.article();
    Map<String, String> words = Map.of("email", "again@example.org", "text", "Posted twice.");
    Comment first = fixture.posted(post(slug, words));
    fixture.moderate(first.id(), "trash");
    Comment second = fixture.posted(post(slug, words));

    Response back = fixture.moderate(first.id(), "approve");

    assertThat(back.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(back.asString()).text()).contains("already on this article");
    assertThat(fixture.comment(first.id()).status()).isEqualTo(Status.TRASH);
    assertThat(fixture.comment(second.id()).status()).isEqualTo(Status.PENDING);
  }

  @Test
  void invisibleCharactersDoNotHideABlockedWord() {
    fixture.settings(Map.of(CommentSettings.BLOCKED_WORDS, "viagra"));
    String slug = fixture.article();
    assertThat(fixture.posted(post(slug, Map.of("text", "cheap v\u200Biagra"))).status())
        .isEqualTo(Status.SPAM);
  }

  @Test
  void readersWhoReportTooFastGet429() {
    String slug = fixture.article();
    Comment a = fixture.posted(post(slug, Map.of("text", "One.")));
    Comment b = fixture.posted(post(slug, Map.of("text", "Two.")));
    fixture.moderate(a.id(), "approve");
    fixture.moderate(b.id(), "approve");
    fixture.settings(Map.of(CommentSettings.RATE_SECONDS, "15"));
    clearRates();
    report(a.id(), "Rude");
    Document form = page("/plugins/comment-moderation/comments/" + b.id() + "/report");
    Response second =
        given()
            .contentType("application/x-www-form-urlencoded")
            .formParams(
                Map.of("stamp", form.selectFirst("input[name=stamp]").val(), "reason", "Also rude"))
            .post("/plugins/comment-moderation/comments/" + b.id() + "/report");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.header("Retry-After")).isNotNull();
    clearRates();
  }

  @Test
  void theTabsCountEveryStateExactly() {
    String slug = fixture.article();
    long pending = tab("PENDING");
    long approved = tab("APPROVED");
    Comment a = fixture.posted(post(slug, Map.of()));
    fixture.posted(post(slug, Map.of()));
    assertThat(tab("PENDING")).isEqualTo(pending + 2);

    fixture.moderate(a.id(), "approve");

    assertThat(tab("PENDING")).isEqualTo(pending + 1);
    assertThat(tab("APPROVED")).isEqualTo(approved + 1);
  }

  private long tab(String status) {
    Document queue =
        Jsoup.parse(fixture.editor().get("/desk/plugins/comment-moderation").asString());
    String count =
        queue.selectFirst(".tabs a[href*=status=" + status + "] .badge").text().replace(",", "");
    return Long.parseLong(count);
  }

  @Test
  void theSameCommentTwiceIs409() {
    String slug = fixture.article();
    Map<String, String> comment = Map.of("email", "twice@example.org", "text", "Same words.");
    assertThat(post(slug, comment).statusCode()).isEqualTo(303);
    Response again = post(slug, Map.of("email", "twice@example.org", "text", "same  WORDS."));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(again.asString()).selectFirst("[role=alert]").text())
        .contains("already posted");
  }

  @Test
  void closedArticlesRefuseCommentsAndOffHidesThem() {
    String slug = fixture.article();
    Comment shown = fixture.posted(post(slug, Map.of("text", "Early word.")));
    fixture.moderate(shown.id(), "approve");
    Document form = page("/articles/" + slug);
    DeskBrowser editor = fixture.editor();

    editor.get("/desk/plugins/comment-moderation/articles/" + slug);
    assertThat(
            editor
                .post("/desk/plugins/comment-moderation/articles/" + slug, Map.of("mode", "CLOSED"))
                .statusCode())
        .isEqualTo(303);
    Document closed = page("/articles/" + slug);
    assertThat(closed.select("form.comment-form")).isEmpty();
    assertThat(closed.selectFirst(".comments-closed").text()).contains("closed");
    assertThat(closed.select(".comment")).hasSize(1);
    Response refused = CommentFixture.postForm(form, Map.of("text", "Too late."));
    assertThat(refused.statusCode()).isEqualTo(403);

    editor.post("/desk/plugins/comment-moderation/articles/" + slug, Map.of("mode", "OFF"));
    Document off = page("/articles/" + slug);
    assertThat(off.select(".comment")).isEmpty();
    assertThat(off.selectFirst("#comments").text()).contains("Comments are off");

    fixture.settings(Map.of(CommentSettings.CLOSE_AFTER_DAYS, "30"));
    String old = fixture.article(Instant.parse("2016-05-01T00:00:00Z"));
    assertThat(page("/articles/" + old).selectFirst(".comments-closed").text())
        .contains("30 days after");
    String recent = fixture.article();
    assertThat(page("/articles/" + recent).select("form.comment-form")).hasSize(1);
  }

  @Test
  void readersWhoCommentTooFastGet429WithRetryAfter() {
    fixture.settings(Map.of(CommentSettings.RATE_SECONDS, "15"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("delete from comment_moderation_rate")
                    .executeUpdate());
    String slug = fixture.article();
    String reader = CommentFixture.newReader();
    assertThat(CommentFixture.postFrom(reader, slug, Map.of()).statusCode()).isEqualTo(303);

    Response second =
        CommentFixture.postFrom(reader, slug, Map.of("text", "Quick second thought."));

    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 15);
    Document page = Jsoup.parse(second.asString());
    assertThat(page.selectFirst("[role=alert]").text()).contains("wait");
    assertThat(page.selectFirst("#comment-text").text()).isEqualTo("Quick second thought.");

    // The same address from elsewhere (here: the reader's IP forgotten) is limited as well.
    String email = "hasty-" + System.nanoTime() + "@example.org";
    clearRates();
    assertThat(post(slug, Map.of("email", email)).statusCode()).isEqualTo(303);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("delete from comment_moderation_rate where key like 'ip:%'")
                    .executeUpdate());
    assertThat(post(slug, Map.of("email", email, "text", "From a café.")).statusCode())
        .isEqualTo(429);
    clearRates();
  }

  private void clearRates() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("delete from comment_moderation_rate")
                    .executeUpdate());
  }

  @Test
  void robotsAreCaughtByTheHiddenFieldAndTheClock() {
    String slug = fixture.article();
    Response honeypot = post(slug, Map.of("leave_empty", "http://spam.example"));
    assertThat(honeypot.header("Location")).contains("/posted/");
    assertThat(fixture.posted(honeypot).status()).isEqualTo(Status.SPAM);
    assertThat(fixture.posted(honeypot).holdReason()).contains("hidden field");

    fixture.settings(Map.of(CommentSettings.MIN_SECONDS, "30"));
    Comment fast = fixture.posted(post(slug, Map.of()));
    assertThat(fast.status()).isEqualTo(Status.SPAM);
    assertThat(fast.holdReason()).startsWith("Robot: sent");
  }

  @Test
  void aFormWithoutAValidStampOrFromAnotherSiteIs403AndKeepsTheText() {
    String slug = fixture.article();
    Response forged =
        post(slug, Map.of("stamp", "1700000000.AAAAAAAAAAAAAAAAAAAAAA", "text", "Mine."));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(forged.asString()).selectFirst("#comment-text").text())
        .isEqualTo("Mine.");

    Document page = page("/articles/" + slug);
    Response crossSite =
        given()
            .redirects()
            .follow(false)
            .header("Origin", "https://evil.example")
            .contentType("application/x-www-form-urlencoded")
            .formParams(
                Map.of(
                    "stamp", page.selectFirst("input[name=stamp]").val(),
                    "name", "Victim",
                    "email", "victim@example.org",
                    "text", "Forged."))
            .post(page.selectFirst("form.comment-form").attr("action"));
    assertThat(crossSite.statusCode()).isEqualTo(403);
  }

  /**
   * The adversarial test's finding: one stamp could be reused for two days, skipping the "too soon"
   * check each time. Now it is good for one comment per reader network, for a few hours.
   */
  @Test
  void aStampIsGoodForOneCommentPerReaderAndForHoursOnly() {
    String slug = fixture.article();
    Document page = page("/articles/" + slug);
    String reader = CommentFixture.newReader();

    assertThat(CommentFixture.postFormFrom(reader, page, Map.of()).statusCode()).isEqualTo(303);
    Response replayed =
        CommentFixture.postFormFrom(reader, page, Map.of("text", "The same form again."));
    assertThat(replayed.statusCode()).isEqualTo(403);
    Document refused = Jsoup.parse(replayed.asString());
    assertThat(refused.selectFirst("[role=alert]").text()).contains("sent already");
    assertThat(refused.selectFirst("#comment-text").text()).isEqualTo("The same form again.");
    assertThat(CommentFixture.postFormFrom(CommentFixture.newReader(), page, Map.of()).statusCode())
        .as("another reader who saw the same page")
        .isEqualTo(303);

    fixture.settings(Map.of(CommentSettings.STAMP_HOURS, "1"));
    long twoHoursAgo = Instant.now().minusSeconds(7200).getEpochSecond();
    String old =
        twoHoursAgo
            + "."
            + secrets.signText(SiteSecrets.Purpose.FORM_STAMP, "form-stamp:" + twoHoursAgo, 16);
    Response expired = post(slug, Map.of("stamp", old, "text", "Written at length."));
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(expired.asString()).selectFirst("[role=alert]").text())
        .contains("expired");
  }

  @Test
  void eachPageViewGetsAFreshStampThoughThePageIsCached() throws InterruptedException {
    String slug = fixture.article();
    String first = page("/articles/" + slug).selectFirst("input[name=stamp]").val();
    Thread.sleep(1100);
    String second = page("/articles/" + slug).selectFirst("input[name=stamp]").val();
    assertThat(first).isNotEqualTo(second).doesNotContain("placeholder");
  }

  @Test
  void overLongCommentsAre413AndKeepEveryCharacter() {
    String slug = fixture.article();
    String text = "Long. ".repeat(1000);
    Response refused = post(slug, Map.of("text", text));
    assertThat(refused.statusCode()).isEqualTo(413);
    Document page = Jsoup.parse(refused.asString());
    assertThat(page.selectFirst("#comment-text-error").text()).contains("6,000 characters");
    assertThat(page.selectFirst("#comment-text").wholeText()).isEqualTo(text);
  }

  @Test
  void badCharactersAreRefusedWith400() {
    String slug = fixture.article();
    assertThat(post(slug, Map.of("text", "nul\0byte")).statusCode()).isEqualTo(400);
    assertThat(post(slug, Map.of("name", "Bob\u202Etxt.exe")).statusCode()).isEqualTo(400);
    assertThat(post(slug, Map.of("text", "hi" + "\u200B".repeat(200))).statusCode()).isEqualTo(400);
    Response invalidUtf8 =
        given()
            .redirects()
            .follow(false)
            .contentType("application/x-www-form-urlencoded; charset=UTF-8")
            .body(
                "stamp="
                    + page("/articles/" + slug).selectFirst("input[name=stamp]").val()
                    + "&name=Ann&email=ann%40example.org&text=bad%FF%FEbytes")
            .post(page("/articles/" + slug).selectFirst("form.comment-form").attr("action"));
    assertThat(invalidUtf8.statusCode()).isEqualTo(400);
    assertThat(post(slug, Map.of("website", "javascript:alert(1)")).statusCode()).isEqualTo(400);
  }

  @Test
  void repliesAreThreadedToTheSetDepth() {
    fixture.settings(Map.of(CommentSettings.MAX_DEPTH, "2"));
    String slug = fixture.article();
    Comment top = fixture.posted(post(slug, Map.of("text", "Top.")));
    fixture.moderate(top.id(), "approve");
    Document replyPage = page("/plugins/comment-moderation/comments/" + top.id() + "/reply");
    assertThat(replyPage.selectFirst("blockquote .comment-text").text()).isEqualTo("Top.");
    Comment reply = fixture.posted(CommentFixture.postForm(replyPage, Map.of("text", "A reply.")));
    assertThat(reply.parentId()).isEqualTo(top.id());
    fixture.moderate(reply.id(), "approve");

    Document article = page("/articles/" + slug);
    assertThat(article.select("#comment-" + top.id() + " > .comment-replies > li").eachAttr("id"))
        .containsExactly("comment-" + reply.id());
    assertThat(article.select("#comment-" + reply.id() + " .comment-actions a").eachText())
        .noneMatch(text -> text.startsWith("Reply"));
    Response tooDeep =
        CommentFixture.postForm(
            replyPage, Map.of("parent", Long.toString(reply.id()), "text", "Deeper still."));
    assertThat(tooDeep.statusCode()).isEqualTo(400);
  }

  @Test
  void readersReportsSendACommentBackToModeration() {
    fixture.settings(Map.of(CommentSettings.REPORTS_TO_HOLD, "2"));
    String slug = fixture.article();
    Comment comment = fixture.posted(post(slug, Map.of("text", "Provocative.")));
    fixture.moderate(comment.id(), "approve");

    report(comment.id(), "Insulting");
    report(comment.id(), "Insulting again");
    assertThat(fixture.comment(comment.id()).status())
        .as("one reader counts once")
        .isEqualTo(Status.APPROVED);
    assertThat(fixture.comment(comment.id()).reports()).isEqualTo(1);

    fixture.settings(Map.of(CommentSettings.REPORTS_TO_HOLD, "1"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update comment_moderation_comment set reports = 0 where id = ?1")
                    .setParameter(1, comment.id())
                    .executeUpdate());
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "delete from comment_moderation_report where comment_id = ?1")
                    .setParameter(1, comment.id())
                    .executeUpdate());
    report(comment.id(), "Spam");
    assertThat(fixture.comment(comment.id()).status()).isEqualTo(Status.PENDING);
    assertThat(fixture.comment(comment.id()).holdReason()).isEqualTo("Reported by 1 readers");
    assertThat(page("/articles/" + slug).select(".comment")).isEmpty();
  }

  @Test
  void editorsEditAnswerAndModerateInBulk() {
    String slug = fixture.article();
    Comment a = fixture.posted(post(slug, Map.of("text", "First.")));
    Comment b = fixture.posted(post(slug, Map.of("text", "Second.")));
    DeskBrowser editor = fixture.editor();
    Document queue =
        Jsoup.parse(editor.get("/desk/plugins/comment-moderation?article=" + slug).asString());
    assertThat(queue.select(".comments-queue tbody tr")).hasSize(2);

    Response bulk =
        editor.post(
            "/desk/plugins/comment-moderation/bulk",
            Map.of(
                "ids",
                List.of(Long.toString(a.id()), Long.toString(b.id())),
                "action",
                "approve",
                "back",
                "status=PENDING&article=" + slug));
    assertThat(bulk.statusCode()).isEqualTo(303);
    assertThat(bulk.header("Location"))
        .contains("article=" + slug)
        .contains("done=approve&count=2");
    assertThat(
            Jsoup.parse(editor.get(bulk.header("Location")).asString())
                .selectFirst("[role=status]")
                .text())
        .isEqualTo("2 comments approved.");
    assertThat(page("/articles/" + slug).select(".comment")).hasSize(2);

    editor.get("/desk/plugins/comment-moderation/" + a.id());
    Response edited =
        editor.post(
            "/desk/plugins/comment-moderation/" + a.id(),
            Map.of("name", "Reader", "website", "", "text", "First, edited.", "version", "1"));
    assertThat(edited.statusCode()).isEqualTo(303);
    Response stale =
        editor.post(
            "/desk/plugins/comment-moderation/" + a.id(),
            Map.of("name", "Reader", "website", "", "text", "Stale edit.", "version", "1"));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(stale.asString()).selectFirst("#edit-text").text())
        .isEqualTo("Stale edit.");

    Response answered =
        editor.post(
            "/desk/plugins/comment-moderation/" + a.id() + "/reply",
            Map.of("text", "Thank you for reading."));
    assertThat(answered.statusCode()).isEqualTo(303);
    Document article = page("/articles/" + slug);
    assertThat(article.selectFirst("#comment-" + a.id() + " > .comment-text").text())
        .isEqualTo("First, edited.");
    assertThat(article.select("#comment-" + a.id() + " .comment-by-editor .comment-badge").text())
        .isEqualTo("Editor");
    assertThat(article.selectFirst(".meta a[href=#comments]").text()).isEqualTo("3 comments");
  }

  @Test
  void theQueueIsKeysetPaginatedAndFilteredByAddress() {
    String slug = fixture.article();
    String email = "many-" + System.nanoTime() + "@example.org";
    for (int i = 0; i < CommentDeskResource.PAGE + 3; i++) {
      post(slug, Map.of("email", email, "text", "Comment number " + i));
    }
    DeskBrowser editor = fixture.editor();
    Document first =
        Jsoup.parse(editor.get("/desk/plugins/comment-moderation?email=" + email).asString());
    assertThat(first.select(".comments-queue tbody tr")).hasSize(CommentDeskResource.PAGE);
    // REST Assured encodes the query again; a browser sends the link as it is.
    String next =
        java.net.URLDecoder.decode(
            first.selectFirst("a[rel=next]").attr("href"), java.nio.charset.StandardCharsets.UTF_8);
    Document second = Jsoup.parse(editor.get(next).asString());
    assertThat(second.select(".comments-queue tbody tr")).hasSize(3);
    assertThat(second.select(".comments-queue .prose").eachText())
        .containsExactly("Comment number 2", "Comment number 1", "Comment number 0");
    assertThat(second.select("a[rel=next]")).isEmpty();
  }

  @Test
  void theSpamFilterLearnsFromModeratorsAndShowsItsScore() {
    String slug = fixture.article();
    for (int i = 0; i < SpamFilter.MIN_EXAMPLES; i++) {
      Comment spam =
          fixture.posted(
              post(slug, Map.of("name", "Deals", "text", "cheap viagra casino bonus offer " + i)));
      fixture.moderate(spam.id(), "spam");
      Comment ham =
          fixture.posted(
              post(slug, Map.of("text", "The pipeline politics of the Caspian region " + i)));
      fixture.moderate(ham.id(), "approve");
    }

    Comment caught =
        fixture.posted(
            post(slug, Map.of("name", "Deals", "text", "casino bonus viagra offer now")));
    Comment kept =
        fixture.posted(post(slug, Map.of("text", "Caspian pipeline politics matter here")));

    assertThat(caught.status()).isEqualTo(Status.SPAM);
    assertThat(caught.holdReason()).startsWith("Spam score");
    assertThat(kept.status()).isEqualTo(Status.PENDING);
    assertThat(kept.spamPercent()).isLessThan(50);
    Document queue =
        Jsoup.parse(
            fixture
                .editor()
                .get("/desk/plugins/comment-moderation?status=SPAM&article=" + slug)
                .asString());
    assertThat(queue.select("#comment-" + caught.id() + " .score").text()).matches("\\d+%");
  }

  @Test
  void aCommentersDataIsExportedAndErasedAndOldAddressesForgotten() throws Exception {
    String slug = fixture.article();
    String email = "private-" + System.nanoTime() + "@example.org";
    Comment comment =
        fixture.posted(
            CommentFixture.postFrom(
                "127.0.0.1", slug, Map.of("email", email, "name", "Dana", "text", "My view.")));
    fixture.moderate(comment.id(), "approve");
    assertThat(fixture.comment(comment.id()).ip()).isEqualTo("127.0.0.1");
    DeskBrowser editor = fixture.editor();
    editor.get("/desk/plugins/comment-moderation/privacy?email=" + email);

    Response export =
        editor.post("/desk/plugins/comment-moderation/privacy/export", Map.of("email", email));
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.header("Content-Disposition")).contains("attachment");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.asString());
    assertThat(json.get("comments").get(0).get("text").asText()).isEqualTo("My view.");
    assertThat(json.get("comments").get(0).get("ip").asText()).isEqualTo("127.0.0.1");

    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update comment_moderation_comment"
                            + " set created_at = created_at - interval '40 days' where id = ?1")
                    .setParameter(1, comment.id())
                    .executeUpdate());
    jobs.cleanUp();
    assertThat(fixture.comment(comment.id()).ip()).isNull();

    assertThat(
            editor
                .post("/desk/plugins/comment-moderation/privacy/erase", Map.of("email", email))
                .statusCode())
        .as("needs the confirmation")
        .isEqualTo(400);
    Response erased =
        editor.post(
            "/desk/plugins/comment-moderation/privacy/erase",
            Map.of("email", email, "confirm", "yes"));
    assertThat(erased.statusCode()).isEqualTo(303);
    assertThat(store.byEmail(email)).isEmpty();
    Document article = page("/articles/" + slug);
    assertThat(article.text()).doesNotContain("Dana").doesNotContain("My view.");
    assertThat(article.selectFirst("#comment-" + comment.id() + " .comment-text").text())
        .contains("erased");
  }

  @Test
  void everyModerationStepIsAudited() {
    String slug = fixture.article();
    Comment comment = fixture.posted(post(slug, Map.of()));
    fixture.moderate(comment.id(), "approve");
    fixture.moderate(comment.id(), "spam");
    List<String> details =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    org.stet.audit.AuditEvent.<org.stet.audit.AuditEvent>list(
                            "target = ?1 order by id", "comment:" + comment.id())
                        .stream()
                        .map(event -> event.actor + " " + event.detail)
                        .toList());
    assertThat(details).hasSize(2);
    assertThat(details.get(0)).contains("PENDING → APPROVED");
    assertThat(details.get(1)).contains("APPROVED → SPAM");
    assertThat(details.get(0)).startsWith("comment-editor-");
  }

  @Test
  void switchedOffThereIsNoFormNoCountAndNoRoutes() {
    String slug = fixture.article();
    Comment comment = fixture.posted(post(slug, Map.of()));
    fixture.moderate(comment.id(), "approve");
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/plugins");
    admin.post("/desk/admin/plugins/comment-moderation/enabled", Map.of("enabled", "false"));
    try {
      Document page = page("/articles/" + slug);
      assertThat(page.select("form.comment-form, .comment")).isEmpty();
      assertThat(page.selectFirst(".meta a[href=#comments]").text()).isEqualTo("Comments");
      assertThat(page.selectFirst("#comments").text()).contains("No comments yet.");
      given()
          .get("/plugins/comment-moderation/comments/" + comment.id() + "/reply")
          .then()
          .statusCode(404);
      assertThat(admin.get("/desk/plugins/comment-moderation").statusCode()).isEqualTo(404);
    } finally {
      admin.post("/desk/admin/plugins/comment-moderation/enabled", Map.of("enabled", "true"));
    }
    assertThat(page("/articles/" + slug).select(".comment")).hasSize(1);
  }

  @Test
  void aFailingPluginLeavesTheArticleWhole() {
    String slug = fixture.article();
    alter("alter table comment_moderation_comment rename to comment_moderation_comment_away");
    try {
      context.pagesChanged(CommentModerationPlugin.ID);
      Document page = page("/articles/" + slug);
      assertThat(page.selectFirst(".article-body").text()).isEqualTo("Text to discuss.");
      assertThat(page.selectFirst(".meta a[href=#comments]").text()).isEqualTo("Comments");
      assertThat(page.selectFirst("#comments").text()).contains("No comments yet.");
    } finally {
      alter("alter table comment_moderation_comment_away rename to comment_moderation_comment");
      context.pagesChanged(CommentModerationPlugin.ID);
    }
    assertThat(page("/articles/" + slug).select("form.comment-form")).hasSize(1);
  }

  private void alter(String statement) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(statement).executeUpdate());
  }

  private static void report(long id, String reason) {
    Document form = page("/plugins/comment-moderation/comments/" + id + "/report");
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParams(Map.of("stamp", form.selectFirst("input[name=stamp]").val(), "reason", reason))
        .post("/plugins/comment-moderation/comments/" + id + "/report")
        .then()
        .statusCode(200);
  }
}
