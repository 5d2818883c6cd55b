package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The packaged application in a real Chromium: reading the seed article and its footnote. */
@QuarkusIntegrationTest
class ArticlePageBrowserIT {

  private static final String SEED =
      "articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @TestHTTPResource("/")
  URL root;

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void followsTheFootnoteMarkerToTheNoteAndBack() {
    browser.get(root + SEED);
    assertThat(browser.getTitle()).startsWith("Russia-US Relations on the Doorstep");

    WebElement marker = browser.findElement(By.cssSelector(".article-body sup a"));
    assertThat(marker.getText()).isEqualTo("[1]");
    marker.click();

    assertThat(browser.getCurrentUrl()).endsWith("#fn-1");
    WebElement note = browser.findElement(By.id("fn-1"));
    assertThat(note.getText()).startsWith("[1] Five GRU’s employee");
    assertThat(isInViewport(note)).as("the browser scrolled to the footnote").isTrue();

    note.findElement(By.cssSelector("a.footnote-back")).click();

    assertThat(browser.getCurrentUrl()).endsWith("#fnref-1");
    assertThat(isInViewport(browser.findElement(By.id("fnref-1"))))
        .as("the browser scrolled back to the marker")
        .isTrue();
  }

  @Test
  void skipLinkIsTheFirstStopForKeyboardUsers() {
    browser.get(root + SEED);

    browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();

    assertThat(focused.getText()).isEqualTo("Skip to main content");
    assertThat(focused.isDisplayed()).isTrue();
  }

  @Test
  void aReaderSearchesFromTheHeaderAndFollowsAHitAtPhoneAndDesktopWidths() {
    for (int width : new int[] {390, 1280}) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
      browser.get(root.toString());
      WebElement box = browser.findElement(By.id("site-search"));
      assertThat(box.isDisplayed()).as("the header's search box at %d px", width).isTrue();
      assertThat(
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth <= window.innerWidth;"))
          .as("nothing sticks out sideways at %d px", width)
          .isEqualTo(true);
      box.sendKeys("doorstep trump");
      box.submit();

      assertThat(browser.getCurrentUrl()).contains("/search?q=doorstep+trump");
      assertThat(browser.findElement(By.cssSelector(".search-count")).getText())
          .startsWith("1 article found for");
      assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("doorstep trump");
      WebElement hit = browser.findElement(By.cssSelector(".search-hits h2 a"));
      assertThat(browser.findElements(By.cssSelector(".search-hits mark"))).isNotEmpty();
      hit.click();
      assertThat(browser.getCurrentUrl()).endsWith(SEED);
      assertThat(browser.getTitle()).startsWith("Russia-US Relations on the Doorstep");
    }
  }

  private boolean isInViewport(WebElement element) {
    Object inside =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return r.top >= 0 && r.top < window.innerHeight;",
                element);
    return Boolean.TRUE.equals(inside);
  }
}
