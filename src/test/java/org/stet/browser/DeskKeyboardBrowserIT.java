package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.stet.identity.DeskBrowser;

/**
 * The desk with the keyboard alone: an author writes (Ctrl+B), saves (Ctrl+S) and submits; a
 * reviewer accepts and sends a review; an editor's rejection asks in a dialog that Escape closes.
 */
@QuarkusIntegrationTest
class DeskKeyboardBrowserIT {

  private static final String PASSWORD = "Lantern-thistle-quarry-27";

  @TestHTTPResource("/")
  URL root;

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void anArticleIsWrittenReviewedAndDecidedWithTheKeyboardAlone() {
    DeskBrowser.createAccount("kb-author@stet.test", "Kira Author", PASSWORD, "AUTHOR");
    DeskBrowser.createAccount("kb-editor@stet.test", "Karl Editor", PASSWORD, "EDITOR");
    DeskBrowser.createAccount("kb-reviewer@stet.test", "Kemal Reviewer", PASSWORD, "REVIEWER");
    WebDriver browser = session.browser();
    browser.manage().window().setSize(new Dimension(1280, 800));

    session.signIn("kb-author@stet.test", PASSWORD);
    session.go("desk/articles/new");
    browser.findElement(By.id("title")).sendKeys("Typed, not clicked");
    WebElement body = browser.findElement(By.id("body"));
    body.sendKeys("Pipelines matter.");
    chord(Keys.CONTROL, "a");
    chord(Keys.CONTROL, "b");
    chord(Keys.CONTROL, "s");
    session.waiting().until(ExpectedConditions.urlContains("/edit?saved"));
    assertThat(browser.findElement(By.id("body")).getAttribute("value"))
        .as("Ctrl+B made the selection bold; Ctrl+S saved the form")
        .isEqualTo("**Pipelines matter.**");
    String article = browser.getCurrentUrl().replaceAll(".*(/desk/articles/\\d+).*", "$1");

    session.go(article.substring(1));
    browser.findElement(By.id("submit-note")).sendKeys("Ready.");
    new Actions(browser).sendKeys(Keys.TAB, Keys.ENTER).perform();
    session.waiting().until(ExpectedConditions.urlContains("done=SUBMIT"));

    DeskBrowser editor = DeskBrowser.signedIn("kb-editor@stet.test", PASSWORD);
    editor.get(article + "/reviewers");
    editor.post(
        article + "/reviewers",
        Map.of(
            "reviewer", "kb-reviewer@stet.test", "dueOn", LocalDate.now().plusDays(9).toString()));
    String review =
        Jsoup.parse(
                DeskBrowser.signedIn("kb-reviewer@stet.test", PASSWORD)
                    .get("/desk/reviews")
                    .asString())
            .selectFirst("td a")
            .attr("href");

    browser.manage().deleteAllCookies();
    session.signIn("kb-reviewer@stet.test", PASSWORD);
    session.go(review.substring(1));
    browser.findElement(By.cssSelector("form[action$='/accept'] button")).sendKeys(Keys.ENTER);
    session.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("toAuthor")));
    browser.findElement(By.cssSelector("input[name=recommendation]")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("toAuthor")).sendKeys("Clear and short.");
    new Actions(browser).sendKeys(Keys.TAB, Keys.TAB, Keys.ENTER).perform();
    session.waiting().until(ExpectedConditions.textToBe(By.id("review-state"), "Review in"));

    browser.manage().deleteAllCookies();
    session.signIn("kb-editor@stet.test", PASSWORD);
    session.go(article.substring(1));
    decideToReject(browser);
    By dialog = By.cssSelector("dialog.confirm-dialog[open]");
    session.waiting().until(ExpectedConditions.visibilityOfElementLocated(dialog));
    assertThat(browser.findElement(dialog).getText()).contains("Reject");
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    session.waiting().until(ExpectedConditions.invisibilityOfElementLocated(dialog));
    session.go(article.substring(1));
    assertThat(browser.findElement(By.id("state")).getText())
        .as("closing the dialog did nothing")
        .isEqualTo("In review");

    decideToReject(browser);
    session.waiting().until(ExpectedConditions.visibilityOfElementLocated(dialog));
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    session.waiting().until(ExpectedConditions.urlContains("done=REJECT"));
    assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Rejected");
  }

  /** Chooses "Reject" in the decision form, writes the letter and sends it, by keyboard. */
  private void decideToReject(WebDriver browser) {
    browser.findElement(By.cssSelector("input[name=action][value=REJECT]")).sendKeys(Keys.SPACE);
    WebElement note = browser.findElement(By.id("decision-note"));
    note.clear();
    note.sendKeys("Out of scope for this journal.");
    new Actions(browser).sendKeys(Keys.TAB, Keys.ENTER).perform();
  }

  private void chord(Keys modifier, String key) {
    new Actions(session.browser()).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
  }
}
