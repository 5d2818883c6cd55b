package org.stet.plugins.authorprofiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.browser.BrowserSession;
import org.stet.browser.BuiltInSignIn;
import org.stet.identity.TestAccounts;

/**
 * In Chromium: an editor gives the seed author a photo and an affiliation in the desk; the author
 * box under the seed article and the author page show them.
 */
@QuarkusIntegrationTest
@TestProfile(BuiltInSignIn.class)
class AuthorProfilesBrowserIT {

  private static final String SEED =
      "articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @TestHTTPResource("/")
  URL root;

  @RegisterExtension final BrowserSession session = new BrowserSession();
  private WebDriver browser;
  private WebDriverWait wait;
  private Path photo;

  @BeforeEach
  void useBrowserAndMakeAPhoto() throws IOException {
    browser = session.browser();
    wait = session.waiting();
    photo = Files.createTempFile("stet-photo", ".png");
    BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 90, 160));
    g.fillRect(0, 0, 600, 800);
    g.dispose();
    ImageIO.write(image, "png", photo.toFile());
  }

  @AfterEach
  void removePhoto() throws IOException {
    Files.deleteIfExists(photo);
  }

  @Test
  void anEditorsProfileChangesShowInTheAuthorBoxAndOnTheAuthorPage() {
    session.go(SEED);
    WebElement box = browser.findElement(By.cssSelector("aside.author-box"));
    assertThat(box.findElement(By.cssSelector(".author-position")).getText())
        .isEqualTo("Senior Research fellow");
    assertThat(box.findElements(By.cssSelector("img.author-photo"))).isEmpty();

    session.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    browser.findElement(By.linkText("Profiles")).click();
    browser.findElement(By.linkText("Lidiya Parkhomchik")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photo")));
    browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
    browser.findElement(By.xpath("//button[text()='Upload photo']")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"), "Saved."));
    WebElement affiliation = browser.findElement(By.id("affiliation"));
    affiliation.clear();
    affiliation.sendKeys("Eurasian Research Institute");
    browser.findElement(By.xpath("//button[text()='Save profile']")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[role=status]"), "Saved."));
    assertThat(browser.findElement(By.id("affiliation")).getAttribute("value"))
        .isEqualTo("Eurasian Research Institute");
    assertThat(browser.findElements(By.cssSelector("#history li"))).hasSizeGreaterThanOrEqualTo(3);

    session.reload(SEED);
    box = browser.findElement(By.cssSelector("aside.author-box"));
    assertThat(box.findElement(By.cssSelector(".author-position")).getText())
        .isEqualTo("Senior Research fellow");
    assertThat(box.findElement(By.cssSelector(".author-bio")).getText())
        .startsWith("Lydiya Parkhomchik (nee Timofeyenko)");
    WebElement boxPhoto = box.findElement(By.cssSelector("img.author-photo"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", boxPhoto);
    wait.until(driver -> naturalWidth(boxPhoto) == 160);

    box.findElement(By.cssSelector(".author-name a")).click();
    wait.until(ExpectedConditions.urlContains("/authors/lidiya-parkhomchik"));
    browser.navigate().refresh();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lidiya Parkhomchik");
    assertThat(browser.findElement(By.cssSelector(".author-affiliation")).getText())
        .isEqualTo("Eurasian Research Institute");
    WebElement pagePhoto = browser.findElement(By.cssSelector(".author-profile img.author-photo"));
    wait.until(driver -> naturalWidth(pagePhoto) == 400);
    assertThat(pagePhoto.getSize().getWidth()).isEqualTo(200);
    assertThat(browser.findElement(By.cssSelector(".article-list")).getText())
        .contains("Russia-US Relations on the Doorstep of the Incoming Trump Administration");
  }

  private long naturalWidth(WebElement image) {
    Object width =
        ((JavascriptExecutor) browser)
            .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
    return ((Number) width).longValue();
  }
}
