package org.stet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stet.identity.DeskBrowser;

/**
 * The adversarial test's high finding, replayed in Chromium: an author's footnote label opened a
 * form on the editor's article page that swallowed the decision form, so the editor clicked Reject
 * and the audit trail recorded ACCEPT; another label's meta refresh sent the editor to an outside
 * page. Now the editor's click does what it says, and the page stays put.
 */
@QuarkusIntegrationTest
class FootnoteInjectionBrowserIT {

  private static final String PASSWORD = "Copper-lantern-meadow-41";
  private static final String AUTHOR = "fn-attack-author@stet.test";
  private static final String EDITOR = "fn-attack-editor@stet.test";

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
  void aFootnoteLabelCannotTurnTheEditorsRejectIntoAnAccept() {
    account(AUTHOR, "Mallory Author", "AUTHOR");
    account(EDITOR, "Erin Editor", "EDITOR");
    var created =
        DeskBrowser.api(AUTHOR, PASSWORD)
            .body(Map.of("title", "An innocent article", "body", "Draft."))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract();
    int id = created.path("id");
    String form =
        "\"><form/action=\"/desk/articles/"
            + id
            + "/transition\"/method=\"post\"><input/type=\"hidden\"/name=\"action\"/value=\"ACCEPT\">";
    // Footnote labels take no spaces: the attack writes "/" where markup has spaces.
    String refresh = "\"><meta/http-equiv=\"refresh\"/content=\"0;url=https://evil.example/\">";
    String body =
        "A claim.[^"
            + form
            + "] Another.[^"
            + refresh
            + "]\n\n[^"
            + form
            + "]: A source.\n\n[^"
            + refresh
            + "]: Another source.";
    DeskBrowser.api(AUTHOR, PASSWORD)
        .body(
            Map.of(
                "title",
                "An innocent article",
                "body",
                body,
                "version",
                created.<Integer>path("version")))
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
    DeskBrowser.api(AUTHOR, PASSWORD)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);

    session.signIn(EDITOR, PASSWORD);
    session.go("desk/articles/" + id);
    wait.until(ExpectedConditions.textToBe(By.id("state"), "Submitted"));
    assertThat(browser.findElements(By.cssSelector(".article-text form, .article-text input")))
        .isEmpty();
    assertThat(browser.findElements(By.cssSelector(".article-text ol.footnotes li")))
        .extracting(note -> note.getAttribute("id"))
        .containsExactly("fn-1", "fn-2");

    click("input[name=action][value=REJECT]");
    browser.findElement(By.id("decision-note")).sendKeys("Not for this journal.");
    click("form[aria-labelledby=decision-title] button");
    click(".confirm button[type=submit]");

    wait.until(ExpectedConditions.textToBe(By.id("state"), "Rejected"));
    assertThat(browser.getCurrentUrl()).startsWith(root.toString()).doesNotContain("evil.example");
    List<String> actions =
        DeskBrowser.api(EDITOR, PASSWORD)
            .get("/api/v1/articles/" + id + "/events")
            .then()
            .statusCode(200)
            .extract()
            .path("action");
    assertThat(actions).contains("REJECT").doesNotContain("ACCEPT");
  }

  private void account(String email, String name, String role) {
    DeskBrowser.createAccount(email, name, PASSWORD, role);
  }

  private void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }
}
