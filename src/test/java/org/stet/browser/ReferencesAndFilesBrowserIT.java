package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.identity.DeskBrowser;

/**
 * An author, in Chromium, as a researcher moving from Word and Zotero works: pastes two references
 * as BibTeX, sees them read before adding them, cites one from the editor's key button, is warned
 * about a key with no reference, attaches the PDF with the progress bar and submits; the reviewer
 * reads the references; the published page shows the citation, the reference list and "Download
 * PDF" at phone and desktop widths.
 */
@QuarkusIntegrationTest
class ReferencesAndFilesBrowserIT {

  private static final String PASSWORD = "Willow-atlas-harbour-58";
  private static final String AUTHOR = "zotero-author@stet.test";
  private static final String EDITOR = "zotero-editor@stet.test";
  private static final String REVIEWER = "zotero-reviewer@stet.test";

  private static final String BIBTEX =
      """
      @article{winter1962,
        author = {Winter, George D.},
        title = {Formation of the Scab and the Rate of Epithelization of Superficial Wounds},
        journal = {Nature}, year = 1962, volume = 193, pages = {293--294},
        doi = {10.1038/193293a0}}
      @book{walker2018, author = {Walker, Shaun}, title = {The Long Hangover},
        publisher = {Oxford University Press}, year = 2018}
      """;

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
  void anAuthorPastesCitesAttachesAndSubmitsAndReadersSeeItAll() throws IOException {
    DeskBrowser.createAccount(AUTHOR, "Rosa Researcher", PASSWORD, "AUTHOR");
    DeskBrowser.createAccount(EDITOR, "Ed Editor", PASSWORD, "EDITOR");
    DeskBrowser.createAccount(REVIEWER, "Rev Reviewer", PASSWORD, "REVIEWER");
    session.signIn(AUTHOR, PASSWORD);

    session.go("desk/articles/new");
    type(By.id("title"), "Wounds heal faster when kept moist");
    type(By.id("body"), "Moist wounds heal faster.");
    click("button[name=then][value=references]");
    wait.until(ExpectedConditions.urlMatches(".*/desk/articles/\\d+/references$"));
    Matcher number = Pattern.compile("/desk/articles/(\\d+)/").matcher(browser.getCurrentUrl());
    assertThat(number.find()).isTrue();
    int id = Integer.parseInt(number.group(1));

    type(By.id("paste-text"), BIBTEX);
    click("form[action$='/references/paste'] button:not([name])");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[role=status]"), "Read 2 references from the BibTeX"));
    click("button[name=confirm]");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".notice"), "References added."));
    assertThat(browser.findElements(By.cssSelector(".reference-rows li code")))
        .extracting(WebElement::getText)
        .containsExactly("winter1962", "walker2018");

    click("a[href$='/edit']");
    WebElement body = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
    body.click();
    body.sendKeys(Keys.END, " ");
    click("button.cite[data-key=winter1962]");
    body.sendKeys(" Also [@nobody2020].");
    assertThat(body.getAttribute("value"))
        .isEqualTo("Moist wounds heal faster. [@winter1962] Also [@nobody2020].");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("preview-warning"), "nobody2020"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#preview a.citation"), "(Winter, 1962)"));
    assertThat(browser.findElements(By.cssSelector("#preview-references li"))).hasSize(2);

    body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    body.sendKeys("Moist wounds heal faster ");
    click("button.cite[data-key=winter1962]");
    body.sendKeys(", as a book on recovery also says ");
    click("button.cite[data-key=walker2018]");
    body.sendKeys(".");
    assertThat(body.getAttribute("value"))
        .isEqualTo(
            "Moist wounds heal faster [@winter1962], as a book on recovery also says [@walker2018].");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-warning")));

    // A figure through the Image button: uploaded with progress, described where the cursor is.
    Path figure = Files.createTempFile("figure", ".png");
    Files.write(figure, png());
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('image-file').hidden = false;");
    browser.findElement(By.id("image-file")).sendKeys(figure.toString());
    // The status says "Image added" until the next autosave (2 s in tests) reports the save, so
    // wait for what lasts: the figure's Markdown at the cursor.
    wait.until(ExpectedConditions.attributeContains(By.id("body"), "value", "![](/media/"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("preview-warning"), "no description"));
    body.sendKeys("Healing times, moist and dry");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview-warning")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview figure img[srcset]")));
    assertThat(browser.findElement(By.cssSelector("#preview figure img")).getAttribute("alt"))
        .isEqualTo("Healing times, moist and dry");
    Files.delete(figure);
    click("form#editor p.save-row button[type=submit]");
    wait.until(ExpectedConditions.urlContains("/edit?saved"));

    Path pdf = Files.createTempFile("full-text", ".pdf");
    Files.write(pdf, pdf());
    session.go("desk/articles/" + id + "/files");
    browser.findElement(By.id("file")).sendKeys(pdf.toString());
    type(By.id("label"), "Full text");
    click("form#attach button[type=submit]");
    wait.until(ExpectedConditions.urlContains("done=added"));
    assertThat(browser.findElement(By.cssSelector("table.grid tbody")).getText())
        .contains("Full text", "PDF");
    Files.delete(pdf);

    session.go("desk/articles/" + id);
    click("form:has(input[name=action][value=SUBMIT]) button[type=submit]");
    wait.until(ExpectedConditions.textToBe(By.id("state"), "Submitted"));

    int review =
        DeskBrowser.api(EDITOR, PASSWORD)
            .body(Map.of("reviewer", REVIEWER, "dueOn", LocalDate.now().plusDays(7).toString()))
            .post("/api/v1/articles/" + id + "/reviews")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    session.signIn(REVIEWER, PASSWORD);
    session.go("desk/reviews/" + review);
    assertThat(browser.findElements(By.cssSelector("section.references li")))
        .extracting(WebElement::getText)
        .anyMatch(entry -> entry.startsWith("Winter, G. D. (1962)."))
        .anyMatch(entry -> entry.startsWith("Walker, S. (2018)."));
    assertThat(browser.findElement(By.cssSelector(".article-text figure img")).getAttribute("alt"))
        .isEqualTo("Healing times, moist and dry");

    for (String action : List.of("ACCEPT", "PUBLISH")) {
      DeskBrowser.api(EDITOR, PASSWORD)
          .body(Map.of("action", action))
          .post("/api/v1/articles/" + id + "/transitions")
          .then()
          .statusCode(200);
    }
    String slug =
        DeskBrowser.api(EDITOR, PASSWORD)
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("slug");
    for (int width : new int[] {390, 1280}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      session.reload("articles/" + slug);
      assertThat(browser.findElements(By.cssSelector(".article-body a.citation")))
          .extracting(WebElement::getText)
          .containsExactly("(Winter, 1962)", "(Walker, 2018)");
      assertThat(browser.findElements(By.cssSelector("section.references li"))).hasSize(2);
      assertThat(
              browser.findElement(By.cssSelector(".article-body figure img")).getAttribute("alt"))
          .isEqualTo("Healing times, moist and dry");
      WebElement download = browser.findElement(By.cssSelector("section.downloads a"));
      assertThat(download.getText()).isEqualTo("Download PDF");
      assertThat(download.getAttribute("href"))
          .endsWith("/articles/" + slug + "/files/full-text.pdf");
      Object overflow =
          ((JavascriptExecutor) browser)
              .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
      assertThat(overflow).as("horizontal scrolling at " + width + " px").isEqualTo(false);
    }
  }

  private void type(By field, String text) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(field));
    element.clear();
    element.sendKeys(text);
  }

  private void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  private static byte[] png() throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(900, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, 900, 500);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] pdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
