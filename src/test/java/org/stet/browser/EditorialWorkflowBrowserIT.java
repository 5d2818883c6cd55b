package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.identity.DeskBrowser;

/**
 * The editorial workflow in a real Chromium against the packaged application: an author writes and
 * submits, an editor assigns a reviewer, the reviewer recommends acceptance, the editor accepts and
 * publishes into issue No. 15, and the public page says so.
 */
@QuarkusIntegrationTest
class EditorialWorkflowBrowserIT {

  private static final String PASSWORD = "Copper-lantern-meadow-41";

  @TestHTTPResource("/")
  URL root;

  @RegisterExtension final BrowserSession session = new BrowserSession();
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void useBrowser() {
    browser = session.browser();
    wait = session.waiting();
  }

  @Test
  void authorEditorAndReviewerTakeAnArticleIntoIssueFifteen() {
    account("e2e-author@stet.test", "Ayla Author", "AUTHOR");
    account("e2e-editor@stet.test", "Emre Editor", "EDITOR");
    account("e2e-reviewer@stet.test", "Rana Reviewer", "REVIEWER");

    // The author writes with the toolbar, sees the preview, lets autosave work, and submits.
    signIn("e2e-author@stet.test");
    browser.get(root + "desk/articles/new");
    browser.findElement(By.id("title")).sendKeys("Caspian Energy After the Sanctions");
    browser.findElement(By.id("body")).sendKeys("Pipelines matter.");
    click("#body");
    ((JavascriptExecutor) browser)
        .executeScript("const b = document.getElementById('body'); b.setSelectionRange(0, 9);");
    click(".toolbar button[title=Bold]");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview strong"), "Pipelines"));
    click("form.editor button[type=submit]");
    wait.until(ExpectedConditions.urlContains("/edit"));
    browser.findElement(By.id("body")).sendKeys(" Ports matter too.");
    wait.until(
        ExpectedConditions.textMatches(
            By.id("save-status"), java.util.regex.Pattern.compile("Saved at .*")));
    browser.navigate().refresh();
    assertThat(browser.findElement(By.id("body")).getAttribute("value"))
        .isEqualTo("**Pipelines** matter. Ports matter too.");
    String article = browser.getCurrentUrl().replace("/edit", "").replaceAll("\\?.*", "");
    browser.get(article);
    click("form[action$=transition] button[type=submit]");
    wait.until(ExpectedConditions.textToBe(By.id("state"), "Submitted"));
    signOut();

    // The editor finds it in the queue and assigns the reviewer.
    signIn("e2e-editor@stet.test");
    browser.get(root + "desk/queue");
    browser.findElement(By.linkText("Caspian Energy After the Sanctions")).click();
    browser.findElement(By.linkText("Find and invite reviewers")).click();
    browser.findElement(By.id("q")).sendKeys("Rana");
    By rana = By.cssSelector("#candidates input[value='e2e-reviewer@stet.test']");
    wait.until(ExpectedConditions.elementToBeClickable(rana)).click();
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('dueOn').value = arguments[0];",
            LocalDate.now().plusDays(14).toString());
    click("form[method=post][action$=reviewers] button");
    wait.until(ExpectedConditions.textToBe(By.id("state"), "In review"));
    signOut();

    // The reviewer accepts the invitation and recommends acceptance.
    signIn("e2e-reviewer@stet.test");
    browser.get(root + "desk/reviews");
    browser.findElement(By.linkText("Caspian Energy After the Sanctions")).click();
    click("form[action$=accept] button");
    click("input[name=recommendation][value=ACCEPT]");
    browser.findElement(By.id("toAuthor")).sendKeys("A clear and well sourced argument.");
    click("form[action$=report] button");
    wait.until(ExpectedConditions.textToBe(By.id("review-state"), "Review in"));
    signOut();

    // The editor prepares issue No. 15, accepts, and publishes into it.
    signIn("e2e-editor@stet.test");
    browser.get(root + "desk/journals");
    browser.findElement(By.id("name")).sendKeys("Caspian Review Quarterly");
    click("form[action='/desk/journals'] button");
    wait.until(ExpectedConditions.titleContains("Caspian Review Quarterly"));
    browser.findElement(By.id("number")).sendKeys("15");
    browser.findElement(By.id("year")).sendKeys("2017");
    browser.findElement(By.id("month")).sendKeys("3");
    new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
    click("form[action$='/issues'] button");
    wait.until(ExpectedConditions.titleContains("No. 15"));

    browser.get(article);
    assertThat(browser.findElement(By.cssSelector(".letter .letter-text")).getText())
        .isEqualTo("A clear and well sourced argument.");
    click("input[name=action][value=ACCEPT]");
    click("form[aria-labelledby=decision-title] button");
    wait.until(ExpectedConditions.textToBe(By.id("state"), "Accepted"));
    new Select(browser.findElement(By.id("issue"))).selectByValue("caspian-review-quarterly/15");
    click("button[value=PUBLISH]");
    click(".confirm button[type=submit]");
    wait.until(ExpectedConditions.textToBe(By.id("state"), "Published"));

    // The public page names the issue.
    browser.findElement(By.linkText("public page")).click();
    WebElement note = browser.findElement(By.id("publication-note"));
    assertThat(note.getText())
        .isEqualTo(
            "*Published in the March 2017 No. 15 issue of the \"Caspian Review Quarterly\""
                + " journal.");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .startsWith("Caspian Energy After the Sanctions");
  }

  private void account(String email, String name, String role) {
    DeskBrowser.createAccount(email, name, PASSWORD, role);
  }

  private void signIn(String email) {
    session.signIn(email, PASSWORD);
  }

  private void signOut() {
    click("form.sign-out button");
    wait.until(ExpectedConditions.urlContains("/desk/sign-in"));
  }

  private void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }
}
