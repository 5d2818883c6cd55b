package org.stet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.article.ArticleStatus;
import org.stet.identity.CsrfToken;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/**
 * The smaller findings of the independent adversarial test, each written as the attack: the request
 * it sent, then the assertion that it fails and changed nothing.
 */
@QuarkusTest
class AdversarialFindingsTest {

  private static final String AUTHOR = "adv-author@stet.test";
  private static final String EDITOR = "adv-editor@stet.test";
  private static final String EDITOR_AUTHOR = "adv-editor-author@stet.test";
  private static boolean created;

  @Inject TestAccounts accounts;
  @Inject TestContent content;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(EDITOR_AUTHOR, Role.EDITOR, Role.AUTHOR);
      created = true;
    }
  }

  /**
   * Finding 2: {@code fetch(..., {mode: 'no-cors', credentials: 'include'})} created an article.
   */
  @Test
  void aCookieRequestWithoutContentTypeIsRefusedAndCreatesNothing() {
    String session = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD).cookie(SessionCookie.NAME);
    long before = ownArticles(session);

    Response response =
        given()
            .cookie(SessionCookie.NAME, session)
            .header("Origin", DeskBrowser.origin())
            .body("{\"title\":\"Forged\",\"body\":\"x\"}")
            .post("/api/v1/articles");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(ownArticles(session)).isEqualTo(before);
  }

  /** Finding 2: a page on another port of the host made an editor's browser reject an article. */
  @ParameterizedTest
  @ValueSource(strings = {"origin", "fetch-site", "none"})
  void aJsonRequestFromAnotherOriginCannotDecide(String how) {
    long id = content.articleInState(AUTHOR, ArticleStatus.SUBMITTED);
    String session = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD).cookie(SessionCookie.NAME);
    var request = given().cookie(SessionCookie.NAME, session).contentType("application/json");
    if (how.equals("origin")) {
      request.header("Origin", "http://localhost:9999");
    } else if (how.equals("fetch-site")) {
      request.header("Sec-Fetch-Site", "same-site").header("Origin", "http://sub.localhost");
    }

    Response response =
        request.body("{\"action\":\"REJECT\"}").post("/api/v1/articles/" + id + "/transitions");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(content.status(id)).isEqualTo(ArticleStatus.SUBMITTED);
  }

  @Test
  void theDesksScriptPassesWithItsOriginOrItsToken() {
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    long first = content.articleInState(AUTHOR, ArticleStatus.SUBMITTED);
    long second = content.articleInState(AUTHOR, ArticleStatus.SUBMITTED);

    given()
        .cookie(SessionCookie.NAME, editor.cookie(SessionCookie.NAME))
        .header("Sec-Fetch-Site", "same-origin")
        .contentType("application/json")
        .body("{\"action\":\"START_REVIEW\"}")
        .post("/api/v1/articles/" + first + "/transitions")
        .then()
        .statusCode(200);
    given()
        .cookie(SessionCookie.NAME, editor.cookie(SessionCookie.NAME))
        .header(CsrfToken.HEADER, editor.csrfToken())
        .contentType("application/json")
        .body("{\"action\":\"START_REVIEW\"}")
        .post("/api/v1/articles/" + second + "/transitions")
        .then()
        .statusCode(200);
  }

  /** Finding 4: an editor on the byline chose the journal, and so the review's anonymity. */
  @Test
  void anEditorWhoIsAnAuthorCannotChooseTheJournal() {
    DeskBrowser.api(EDITOR)
        .body("{\"name\":\"Adversarial Review\",\"reviewAnonymity\":\"OPEN\"}")
        .post("/api/v1/journals")
        .then()
        .statusCode(201);
    long id = content.articleInState(EDITOR_AUTHOR, ArticleStatus.SUBMITTED);

    DeskBrowser.api(EDITOR_AUTHOR)
        .body("{\"journal\":\"adversarial-review\"}")
        .put("/api/v1/articles/" + id + "/journal")
        .then()
        .statusCode(403);
    DeskBrowser desk = DeskBrowser.signedIn(EDITOR_AUTHOR, TestAccounts.PASSWORD);
    assertThat(
            desk.post("/desk/articles/" + id + "/journal", Map.of("journal", "adversarial-review"))
                .statusCode())
        .isEqualTo(403);

    assertThat(content.journalOf(id)).isNull();
  }

  /** Finding 5: {@code stet_csrf=x} with {@code _csrf=x} was accepted, so was another's token. */
  @Test
  void theCsrfTokenIsBoundToTheSessionAndRotated() {
    DeskBrowser victim = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    DeskBrowser attacker = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    String attackersToken = attacker.csrfToken();

    victim.setCookie(CsrfToken.COOKIE, "x");
    assertThat(victim.postRaw("/desk/articles", Map.of("_csrf", "x", "title", "t")).statusCode())
        .isEqualTo(403);
    assertThat(
            victim
                .postRaw("/desk/articles", Map.of("_csrf", attackersToken, "title", "t"))
                .statusCode())
        .as("another person's token")
        .isEqualTo(403);

    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/sign-in");
    String beforeSignIn = browser.csrfToken();
    browser.signIn(AUTHOR, TestAccounts.PASSWORD, "/desk");
    String signedIn = browser.csrfToken();
    assertThat(signedIn).as("rotated at sign-in").isNotEqualTo(beforeSignIn);
    assertThat(browser.postRaw("/desk/sign-out", Map.of("_csrf", signedIn)).statusCode())
        .isEqualTo(303);
    browser.get("/desk/sign-in");
    assertThat(browser.csrfToken()).as("rotated at sign-out").isNotIn(beforeSignIn, signedIn);
  }

  /** Finding 7: a draft read through the API had no Cache-Control. */
  @Test
  void privateApiAnswersAreNeverStored() {
    long id = content.articleInState(AUTHOR, ArticleStatus.DRAFT);

    DeskBrowser.api(AUTHOR)
        .get("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store");
    DeskBrowser.api(AUTHOR)
        .get("/api/v1/articles/999999999")
        .then()
        .statusCode(404)
        .header("Cache-Control", "no-store");
  }

  /** Finding 8: {@code /tags/secret-project-x} answered 200 with the name of a draft's tag. */
  @Test
  void aTagOfUnpublishedArticlesOnlyHasNoPage() {
    long id = content.articleInState(AUTHOR, ArticleStatus.DRAFT);
    content.tag(id, "Secret Project X");

    given().get("/tags/secret-project-x").then().statusCode(404);

    content.publishNow(id);
    given().get("/tags/secret-project-x").then().statusCode(200);
  }

  /** Finding 9: a byline renamed "Eddie Editor" read on the desk as the editor's own. */
  @Test
  void editorsSeeTheAccountBehindABylineThatSharesAName() {
    accounts.create("adv-eddie@stet.test", Role.EDITOR);
    String impostor = content.person("User  ADV-eddie", false);
    long forged = content.articleBy(impostor, ArticleStatus.SUBMITTED);
    long genuine = content.articleInState("adv-eddie@stet.test", ArticleStatus.SUBMITTED);
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);

    assertThat(bylineOn(editor, forged)).isEqualTo("by User ADV-eddie (no account)");
    assertThat(bylineOn(editor, genuine)).isEqualTo("by User adv-eddie (adv-eddie@stet.test)");
    assertThat(editor.get("/desk/queue?state=SUBMITTED").asString())
        .contains("User adv-eddie (adv-eddie@stet.test)");
    assertThat(bylineOn(editor, content.articleInState(AUTHOR, ArticleStatus.SUBMITTED)))
        .as("a name nobody shares is shown as it is")
        .isEqualTo("by User adv-author");
  }

  private static String bylineOn(DeskBrowser editor, long articleId) {
    String meta =
        org.jsoup.Jsoup.parse(editor.get("/desk/articles/" + articleId).asString())
            .selectFirst("p.meta")
            .text();
    return meta.substring(
            meta.indexOf("by "), meta.contains(" · ") ? meta.indexOf(" · ") : meta.length())
        .strip();
  }

  /** Finding 10: {@code Host: evil.example} reached the {@code Location} of redirects. */
  @ParameterizedTest
  @ValueSource(strings = {"/desk", "/desk/sign-in?next=/desk/queue"})
  void redirectsNeverNameTheHostTheClientSent(String path) {
    Response response = given().redirects().follow(false).header("Host", "evil.example").get(path);

    if (response.statusCode() == 303) {
      assertThat(response.getHeader("Location")).startsWith("/").doesNotContain("evil.example");
    }
    DeskBrowser browser = new DeskBrowser();
    browser.get("/desk/sign-in");
    Response signedIn =
        given()
            .redirects()
            .follow(false)
            .header("Host", "evil.example")
            .cookie(CsrfToken.COOKIE, browser.cookie(CsrfToken.COOKIE))
            .contentType("application/x-www-form-urlencoded")
            .formParams(
                Map.of(
                    "_csrf",
                    browser.csrfToken(),
                    "email",
                    AUTHOR,
                    "password",
                    TestAccounts.PASSWORD,
                    "next",
                    "/desk/articles"))
            .post("/desk/sign-in");
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.getHeader("Location")).isEqualTo("/desk/articles");
  }

  /** Finding 11: a multipart upload cut off before its last boundary answered 500. */
  @Test
  void aTruncatedUploadIsA400() throws Exception {
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    String body =
        "--XYZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + editor.csrfToken()
            + "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\nnot all of a photo";
    String request =
        "POST /desk/plugins/author-profiles/people/lidiya-parkhomchik/photo HTTP/1.1\r\n"
            + "Host: localhost\r\nConnection: close\r\n"
            + "Cookie: "
            + SessionCookie.NAME
            + "="
            + editor.cookie(SessionCookie.NAME)
            + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + body;

    try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 400");
    }
  }

  private static long ownArticles(String session) {
    return given()
        .cookie(SessionCookie.NAME, session)
        .accept("application/json")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }
}
