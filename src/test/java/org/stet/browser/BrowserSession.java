package org.stet.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import java.lang.reflect.Field;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh Chromium window per test on the application under test, with the steps browser tests
 * share: register it with {@code @RegisterExtension final BrowserSession session = new
 * BrowserSession();} in a test that has a {@code @TestHTTPResource("/") URL} field. Skipped or
 * failed as {@link Chromium} says when there is no browser; closed after each test.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

  private WebDriver browser;
  private WebDriverWait wait;
  private String root;

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    URL url = testUrl(context.getRequiredTestInstance());
    root = url.toString().endsWith("/") ? url.toString() : url + "/";
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  /** The test's {@code @TestHTTPResource} address, which Quarkus injected before each test. */
  private static URL testUrl(Object test) throws IllegalAccessException {
    for (Class<?> type = test.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(TestHTTPResource.class) && field.getType() == URL.class) {
          field.setAccessible(true);
          return (URL) field.get(test);
        }
      }
    }
    throw new IllegalStateException("A browser test needs a @TestHTTPResource(\"/\") URL field");
  }

  public WebDriver browser() {
    return browser;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Opens {@code path} (no leading slash) of the application. */
  public void go(String path) {
    browser.get(root + path);
  }

  /** Opens {@code path} and reloads it: public pages may be cached by the browser for max-age. */
  public void reload(String path) {
    go(path);
    // The page must have finished loading: a refresh sent while Chromium still commits the
    // navigation is aborted by it ("Not attached to an active page").
    waiting()
        .until(
            driver ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) driver)
                            .executeScript("return document.readyState")));
    browser.navigate().refresh();
  }

  /** Signs in through the desk's sign-in form and waits for the desk. */
  public void signIn(String email, String password) {
    go("desk/sign-in");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.sign-out")));
  }
}
