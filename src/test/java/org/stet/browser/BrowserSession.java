package org.stet.browser;

import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A Chromium window on the application under test, with the steps browser tests share. */
public final class BrowserSession implements AutoCloseable {

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String root;

  private BrowserSession(WebDriver browser, URL root) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    this.root = root.toString().endsWith("/") ? root.toString() : root + "/";
  }

  /** A fresh headless Chromium (skipped or failed as {@link Chromium} says when there is none). */
  public static BrowserSession open(URL root) {
    return new BrowserSession(Chromium.start(), root);
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

  @Override
  public void close() {
    browser.quit();
  }
}
