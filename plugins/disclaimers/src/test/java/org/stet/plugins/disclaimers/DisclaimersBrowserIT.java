package org.stet.plugins.disclaimers;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.browser.BrowserSession;
import org.stet.browser.BuiltInSignIn;
import org.stet.identity.TestAccounts;

/** An admin switches the disclaimers plugin off and on in Chromium; the public page follows. */
@QuarkusIntegrationTest
@TestProfile(BuiltInSignIn.class)
class DisclaimersBrowserIT {

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
  void switchingThePluginInTheAdminPageChangesThePublicPageWithoutARestart() {
    session.go(SEED);
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".disclaimer")).getText())
        .startsWith("Note: The views expressed in this blog are the author's own");

    session.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    browser.findElement(By.linkText("Plugins")).click();
    browser.findElement(By.cssSelector("#plugin-disclaimers button")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#plugin-disclaimers .state"), "off"));

    session.reload(SEED);
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).isEmpty();
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Russia-US Relations");

    session.go("desk/admin/plugins");
    browser.findElement(By.cssSelector("#plugin-disclaimers button")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#plugin-disclaimers .state"), "on"));
    session.reload(SEED);
    assertThat(browser.findElements(By.cssSelector(".disclaimer"))).hasSize(1);
  }
}
