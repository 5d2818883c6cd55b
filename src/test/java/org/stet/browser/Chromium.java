package org.stet.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver for browser tests; nothing is downloaded. Without them the
 * test is skipped with a message, unless {@code STET_REQUIRE_BROWSER=true} (CI), where it fails.
 */
public final class Chromium {

  private static final File BROWSER = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {}

  /** A headless Chromium with a fresh profile; quit it after the test. */
  public static WebDriver start() {
    if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
      String message =
          "Browser tests need Debian's chromium and chromium-driver"
              + " (apt-get install -y chromium chromium-driver)";
      if (required()) {
        Assertions.fail(message + ", and STET_REQUIRE_BROWSER=true requires them");
      }
      Assumptions.abort(message + "; skipping");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + freshProfile());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static boolean required() {
    String property = System.getProperty("stet.require-browser");
    String env = System.getenv("STET_REQUIRE_BROWSER");
    return "true".equalsIgnoreCase(property) || "true".equalsIgnoreCase(env);
  }

  private static Path freshProfile() {
    try {
      Path profile = Files.createTempDirectory("stet-chromium-");
      profile.toFile().deleteOnExit();
      return profile;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile folder", e);
    }
  }
}
