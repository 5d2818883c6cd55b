package org.stet.plugins.disclaimers;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.browser.BuiltInSignIn;
import org.stet.browser.Chromium;
import org.stet.identity.TestAccounts;

/** An admin switches the disclaimers plugin off and on in Chromium; the public page follows. */
@QuarkusIntegrationTest
@TestProfile(BuiltInSignIn.class)
class DisclaimersBrowserIT {

  private static final String SEED =
      "articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @TestHTTPResource("/")
  URL root;

  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void switchingThePluginInTheAdminPageChangesThePublicPageWithoutARestart() {
    browser.get(root + SEED);
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".disclaimer")).getText())
        .startsWith("Note: The views expressed in this blog are the author's own");

    browser.get(root + "desk/sign-in");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    browser.findElement(By.id("email")).sendKeys(TestAccounts.ADMIN);
    browser.findElement(By.id("password")).sendKeys(TestAccounts.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.sign-out")));
    browser.findElement(By.linkText("Plugins")).click();
    browser.findElement(By.cssSelector("#plugin-disclaimers button")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#plugin-disclaimers .state"), "off"));

    reload(SEED); // public pages may be cached by the browser for max-age; a reload revalidates
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).isEmpty();
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Russia-US Relations");

    browser.get(root + "desk/admin/plugins");
    browser.findElement(By.cssSelector("#plugin-disclaimers button")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#plugin-disclaimers .state"), "on"));
    reload(SEED);
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).hasSize(1);
  }

  private void reload(String path) {
    browser.get(root + path);
    browser.navigate().refresh();
  }
}
