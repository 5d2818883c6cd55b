package org.stet.plugins.commentmoderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.browser.BrowserSession;
import org.stet.browser.BuiltInSignIn;
import org.stet.identity.TestAccounts;

/**
 * In Chromium, with the plugin's default rules: a reader comments on the seed article and is told
 * it awaits moderation; an admin approves it in the desk; the article shows it and its count.
 */
@QuarkusIntegrationTest
@TestProfile(BuiltInSignIn.class)
class CommentModerationBrowserIT {

  private static final String SEED =
      "articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

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
  void aReadersCommentAwaitsModerationThenAppearsWithTheNewCount() throws InterruptedException {
    session.go(SEED);
    String countBefore = browser.findElement(By.cssSelector(".meta a[href='#comments']")).getText();
    browser.findElement(By.id("comment-name")).sendKeys("Aigerim Reader");
    browser.findElement(By.id("comment-email")).sendKeys("aigerim@example.org");
    browser
        .findElement(By.id("comment-text"))
        .sendKeys("A clear summary.\n\nThe sanctions question deserves its own article.");
    // People take a while to write; the plugin takes a form sent within 3 s for a robot's.
    Thread.sleep(3_500);
    browser.findElement(By.xpath("//button[text()='Send comment']")).click();

    wait.until(ExpectedConditions.urlContains("/plugins/comment-moderation/posted/"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Thank you: your comment awaits moderation");
    assertThat(browser.findElement(By.cssSelector(".comment-text")).getText())
        .startsWith("A clear summary.");

    session.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    browser.findElement(By.partialLinkText("Comments")).click();
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//strong[text()='Aigerim Reader']]")));
    row.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Approve')]")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[role=status]"), "1 comment approved."));

    session.reload(SEED);
    WebElement comment =
        browser.findElement(
            By.xpath("//li[contains(@class,'comment')][.//bdi[text()='Aigerim Reader']]"));
    assertThat(comment.findElement(By.cssSelector(".comment-text")).getText())
        .contains("The sanctions question deserves its own article.");
    String countAfter = browser.findElement(By.cssSelector(".meta a[href='#comments']")).getText();
    assertThat(countBefore).isEqualTo("Comments");
    assertThat(countAfter).isEqualTo("1 comment");
    browser.findElement(By.cssSelector(".meta a[href='#comments']")).click();
    assertThat(browser.getCurrentUrl()).endsWith("#comments");
  }
}
