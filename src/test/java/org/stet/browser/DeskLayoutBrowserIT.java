package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * and a 1280 px laptop without scrolling sideways, and the menu opens without JavaScript.
 */
@QuarkusIntegrationTest
class DeskLayoutBrowserIT {

  private static final String PASSWORD = "Harbour-quill-saffron-58";

  @TestHTTPResource("/")
  URL root;

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void noDeskPageScrollsSidewaysOnAPhoneOrALaptop() {
    DeskBrowser.createAccount("layout-author@stet.test", "Lale Author", PASSWORD, "AUTHOR");
    DeskBrowser.createAccount("layout-editor@stet.test", "Lev Editor", PASSWORD, "EDITOR");
    DeskBrowser.createAccount("layout-reviewer@stet.test", "Lia Reviewer", PASSWORD, "REVIEWER");
    long id =
        submitted(
            "layout-author@stet.test",
            "A title long enough to wrap on a phone: Caspian pipelines and"
                + " the politics of transit after the sanctions",
            "Text with a long link https://example.org/"
                + "a-very-long-path-without-any-break-in-it-at-all-to-test-wrapping");
    String article = "desk/articles/" + id;

    List<String> overflowing = new ArrayList<>();
    visit(
        overflowing,
        "layout-author@stet.test",
        PASSWORD,
        "desk",
        "desk/articles",
        "desk/articles/new",
        article,
        article + "/references",
        article + "/files",
        "desk/media");
    visit(
        overflowing, "layout-reviewer@stet.test", PASSWORD, "desk", "desk/reviews", "desk/account");
    visit(
        overflowing,
        "layout-editor@stet.test",
        PASSWORD,
        "desk",
        "desk/queue",
        article,
        article + "/reviewers",
        "desk/journals");
    visit(
        overflowing,
        TestAccounts.ADMIN,
        TestAccounts.ADMIN_PASSWORD,
        "desk",
        "desk/admin/users",
        "desk/admin/users/1",
        "desk/admin/plugins",
        "desk/admin/site",
        "desk/account");
    assertThat(overflowing).isEmpty();
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

  private void visit(List<String> overflowing, String email, String password, String... paths) {
    WebDriver browser = session.browser();
    browser.manage().deleteAllCookies();
    session.signIn(email, password);
    for (int width : new int[] {390, 1280}) {
      browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 800));
      for (String path : paths) {
        session.go(path);
        session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        Object widths =
            ((JavascriptExecutor) browser)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> pair = (List<?>) widths;
        long scroll = ((Number) pair.get(0)).longValue();
        long inner = ((Number) pair.get(1)).longValue();
        if (scroll > inner) {
          Object wide =
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return [...document.querySelectorAll('main *, header *')]"
                          + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                          + " && !(e.closest('table') && e.tagName !== 'TABLE'))"
                          + ".slice(0, 4).map(e => e.tagName + '.' + e.className + '#' + e.id"
                          + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');");
          overflowing.add(
              email + " " + path + " at " + width + " px: " + scroll + " > " + inner + ": " + wide);
        }
      }
    }
  }
}
