package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stet.identity.DeskBrowser;
import org.stet.identity.TestAccounts;

/**
 * Every desk page an author, a reviewer, an editor and an administrator reach fits a 390 px phone
 * and a 1280 px laptop without scrolling sideways, passes axe-core's WCAG 2.1 AA rules (those
 * behind Lighthouse's accessibility score) and is valid HTML for the Nu HTML Checker; the menu
 * opens without JavaScript.
 */
@QuarkusIntegrationTest
class DeskLayoutBrowserIT {

  private static final String PASSWORD = "Harbour-quill-saffron-58";
  private static final String AUTHOR = "layout-author@stet.test";
  private static final String EDITOR = "layout-editor@stet.test";
  private static final String REVIEWER = "layout-reviewer@stet.test";
  private static final String SAMPLE_ARTICLE =
      "articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  /** One checker for the whole class: building its schema takes seconds. */
  private static final HtmlChecker HTML = new HtmlChecker();

  private final List<String> overflowing = new ArrayList<>();
  private final List<String> inaccessible = new ArrayList<>();
  private final List<String> invalid = new ArrayList<>();

  @TestHTTPResource("/")
  URL root;

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void everyDeskPageFitsAPhoneAndALaptopPassesAxeAndIsValidHtml() throws InterruptedException {
    DeskBrowser.createAccount(AUTHOR, "Lale Author", PASSWORD, "AUTHOR");
    DeskBrowser.createAccount(EDITOR, "Lev Editor", PASSWORD, "EDITOR");
    DeskBrowser.createAccount(REVIEWER, "Lia Reviewer", PASSWORD, "REVIEWER");
    long id =
        submitted(
            AUTHOR,
            "A title long enough to wrap on a phone: Caspian pipelines and"
                + " the politics of transit after the sanctions",
            "Text with a long link https://example.org/"
                + "a-very-long-path-without-any-break-in-it-at-all-to-test-wrapping");
    String article = "desk/articles/" + id;
    String draft = "desk/articles/" + twoRevisions(AUTHOR, "A draft saved twice");
    String review = "desk/reviews/" + accepted(assigned(id, REVIEWER));
    String invitation =
        "desk/reviews/" + assigned(submitted(AUTHOR, "An invitation", "Text."), REVIEWER);
    commentOnTheSampleArticle();

    visitSignedOut("desk/sign-in", "desk/password/forgot");
    visit(
        AUTHOR,
        PASSWORD,
        "desk",
        "desk/articles",
        "desk/articles/new",
        article,
        draft,
        draft + "/edit",
        draft + "/references",
        draft + "/files",
        draft + "/diff?from=1&to=2",
        "desk/media",
        "desk/plugins/author-profiles",
        "desk/account");
    visit(REVIEWER, PASSWORD, "desk", "desk/reviews", review, invitation, "desk/account");
    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, PASSWORD);
    String journal = link(editor, "desk/journals", "main li a[href^='/desk/journals/']");
    String comments = "desk/plugins/comment-moderation";
    visit(
        EDITOR,
        PASSWORD,
        "desk",
        "desk/queue",
        article,
        article + "/reviewers",
        "desk/journals",
        "desk/categories",
        journal,
        link(editor, journal, "main a[href*='/issues/']"),
        comments,
        link(editor, comments, "main a:containsOwn(Edit or answer)"),
        comments + "/" + SAMPLE_ARTICLE,
        comments + "/privacy",
        "desk/plugins/disclaimers",
        link(editor, "desk/plugins/disclaimers", "main td a[href^='/desk/plugins/disclaimers/']"),
        "desk/plugins/author-profiles",
        link(editor, "desk/plugins/author-profiles", "main tr:has(.state-on) a[href*='/people/']"));
    visit(
        TestAccounts.ADMIN,
        TestAccounts.ADMIN_PASSWORD,
        "desk",
        "desk/admin/users",
        "desk/admin/users/1",
        "desk/admin/plugins",
        "desk/admin/plugins/comment-moderation",
        "desk/admin/plugins/disclaimers",
        "desk/admin/plugins/author-profiles",
        "desk/admin/site",
        "desk/account");

    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(overflowing).as("pages that scroll sideways").isEmpty();
          soft.assertThat(inaccessible).as("axe-core violations").isEmpty();
          soft.assertThat(invalid).as("Nu HTML Checker errors in the served HTML").isEmpty();
        });
  }

  @Test
  void onAPhoneTheMenuIsCollapsedAndOpensWithoutJavaScript() {
    DeskBrowser.createAccount("layout-menu@stet.test", "Mira Menu", PASSWORD, "EDITOR");
    WebDriver browser = session.browser();
    browser.manage().window().setSize(new Dimension(390, 844));
    session.signIn("layout-menu@stet.test", PASSWORD);
    By queue = By.cssSelector(".desk-menu a[href='/desk/queue']");
    assertThat(browser.findElement(queue).isDisplayed()).isFalse();
    browser.findElement(By.cssSelector(".menu-toggle")).click();
    session.waiting().until(ExpectedConditions.visibilityOfElementLocated(queue));
    browser.findElement(By.cssSelector(".menu-close")).click();
    session.waiting().until(ExpectedConditions.invisibilityOfElementLocated(queue));
    browser.manage().window().setSize(new Dimension(1280, 800));
    session.go("desk");
    assertThat(browser.findElement(queue).isDisplayed())
        .as("on a laptop the menu is always shown")
        .isTrue();
  }

  @Test
  void theReviewerListNarrowsAsTheEditorTypes() {
    DeskBrowser.createAccount("picker-editor@stet.test", "Pia Editor", PASSWORD, "EDITOR");
    DeskBrowser.createAccount("picker-author@stet.test", "Pablo Author", PASSWORD, "AUTHOR");
    DeskBrowser.createAccount("picker-one@stet.test", "Zarina Quillfeather", PASSWORD, "REVIEWER");
    DeskBrowser.createAccount("picker-two@stet.test", "Zoltan Quillmore", PASSWORD, "REVIEWER");
    long id = submitted("picker-author@stet.test", "Picked", "Text.");
    WebDriver browser = session.browser();
    browser.manage().window().setSize(new Dimension(1280, 800));
    session.signIn("picker-editor@stet.test", PASSWORD);
    session.go("desk/articles/" + id + "/reviewers");
    By names = By.cssSelector("#candidates .candidate-name");
    session.waiting().until(d -> d.findElements(names).size() >= 2);

    browser.findElement(By.id("q")).sendKeys("quillfea");
    session.waiting().until(d -> d.findElements(names).size() == 1);
    assertThat(browser.findElement(names).getText()).isEqualTo("Zarina Quillfeather");
    assertThat(browser.getCurrentUrl()).as("no page load").doesNotContain("q=");
    browser.findElement(By.cssSelector("#candidates input[type=radio]")).click();
    browser.findElement(By.cssSelector("form[method=post][action$='/reviewers'] button")).click();
    session.waiting().until(ExpectedConditions.urlContains("done=ASSIGNED"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Reviewer assigned");
  }

  /** A new article by {@code author}, submitted; answers its id. */
  private static long submitted(String author, String title, String body) {
    long id =
        ((Number)
                DeskBrowser.api(author, PASSWORD)
                    .body(Map.of("title", title, "body", body))
                    .post("/api/v1/articles")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    DeskBrowser.api(author, PASSWORD)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    return id;
  }

  /** A new draft by {@code author}, saved again with a citation; answers its id. */
  private static long twoRevisions(String author, String title) {
    Map<String, Object> created =
        DeskBrowser.api(author, PASSWORD)
            .body(Map.of("title", title, "body", "The first text."))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    long id = ((Number) created.get("id")).longValue();
    DeskBrowser.api(author, PASSWORD)
        .body(
            Map.of(
                "title",
                title,
                "body",
                "Moist wounds heal faster [@winter1962].",
                "version",
                created.get("version"),
                "references",
                List.of(
                    Map.of(
                        "id",
                        "winter1962",
                        "type",
                        "article-journal",
                        "title",
                        "Formation of the scab and the rate of epithelization",
                        "container-title",
                        "Nature",
                        "author",
                        List.of(Map.of("family", "Winter", "given", "G. D.")),
                        "issued",
                        Map.of("date-parts", List.of(List.of(1962)))))))
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
    return id;
  }

  /** Asks {@code reviewer} to review article {@code id}, as the editor; answers the review's id. */
  private static long assigned(long id, String reviewer) {
    return ((Number)
            DeskBrowser.api(EDITOR, PASSWORD)
                .body(Map.of("reviewer", reviewer, "dueOn", LocalDate.now().plusDays(7).toString()))
                .post("/api/v1/articles/" + id + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  /** The reviewer accepts review {@code id}, which then shows the review form; answers the id. */
  private static long accepted(long id) {
    DeskBrowser.api(REVIEWER, PASSWORD)
        .post("/api/v1/reviews/" + id + "/accept")
        .then()
        .statusCode(200);
    return id;
  }

  /** A reader's comment on the sample article, so the moderation queue has one waiting. */
  private void commentOnTheSampleArticle() throws InterruptedException {
    WebDriver browser = session.browser();
    session.go(SAMPLE_ARTICLE);
    browser.findElement(By.id("comment-name")).sendKeys("Aigerim Reader");
    browser.findElement(By.id("comment-email")).sendKeys("aigerim@example.org");
    browser.findElement(By.id("comment-text")).sendKeys("A clear summary.");
    // the plugin takes a form sent within 3 s for a robot's
    Thread.sleep(3_500);
    browser.findElement(By.xpath("//button[text()='Send comment']")).click();
    session.waiting().until(ExpectedConditions.urlContains("/plugins/comment-moderation/posted/"));
  }

  /** The first link on {@code page} that matches {@code selector}, as a path without the slash. */
  private static String link(DeskBrowser browser, String page, String selector) {
    Element link = Jsoup.parse(browser.get("/" + page).asString()).selectFirst(selector);
    assertThat(link).as("a link %s on %s", selector, page).isNotNull();
    return link.attr("href").substring(1);
  }

  private void visitSignedOut(String... paths) {
    session.browser().manage().deleteAllCookies();
    check("signed out", paths);
  }

  private void visit(String email, String password, String... paths) {
    session.browser().manage().deleteAllCookies();
    session.signIn(email, password);
    check(email, paths);
  }

  /**
   * Opens every page at both widths: it must not scroll sideways and axe-core must find nothing;
   * its HTML as served, before any script runs, must have no error for the Nu HTML Checker.
   */
  private void check(String who, String... paths) {
    WebDriver browser = session.browser();
    for (int width : new int[] {390, 1280}) {
      browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 800));
      for (String path : paths) {
        session.go(path);
        session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        String page = who + " " + path + " at " + width + " px";
        overflow(browser).ifPresent(wide -> overflowing.add(page + ": " + wide));
        inaccessible.addAll(AxeAudit.violations(browser, page));
        if (width == 390) {
          for (String error : HTML.errors(served(browser))) {
            invalid.add(who + " " + path + " " + error);
          }
        }
      }
    }
  }

  /** How far the page is wider than the window, and its widest elements; empty when it fits. */
  private static Optional<String> overflow(WebDriver browser) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    List<?> pair =
        (List<?>)
            script.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
    long scroll = ((Number) pair.get(0)).longValue();
    long inner = ((Number) pair.get(1)).longValue();
    if (scroll <= inner) {
      return Optional.empty();
    }
    Object wide =
        script.executeScript(
            "return [...document.querySelectorAll('main *, header *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                + " && !(e.closest('table') && e.tagName !== 'TABLE'))"
                + ".slice(0, 4).map(e => e.tagName + '.' + e.className + '#' + e.id"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
    return Optional.of(scroll + " > " + inner + ": " + wide);
  }

  /** The page the browser shows, fetched again with its cookies: the HTML as the server sent it. */
  private static byte[] served(WebDriver browser) {
    String cookies =
        browser.manage().getCookies().stream()
            .map(cookie -> cookie.getName() + "=" + cookie.getValue())
            .collect(Collectors.joining("; "));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(browser.getCurrentUrl()))
            .header("Accept", "text/html")
            .header("Cookie", cookies)
            .build();
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(browser.getCurrentUrl()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
