package org.stet.citation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/**
 * The site's citation style and a journal's own: chosen on the desk, audited, and every article
 * page shows the new style at once (the page cache is dropped), with the stored data untouched.
 */
@QuarkusTest
class CitationStyleSettingsTest {

  @Inject TestContent content;
  @Inject TestAccounts accounts;

  private static final List<Map<String, Object>> REFERENCES =
      List.of(
          Map.of(
              "id", "walker2016",
              "type", "webpage",
              "author",
                  List.of(
                      Map.of("family", "Walker", "given", "S."),
                      Map.of("family", "Addley", "given", "E.")),
              "issued", Map.of("date-parts", List.of(List.of(2016))),
              "title", "Trump praises 'very smart' Putin",
              "URL", "https://example.org/walker"));

  @AfterEach
  void backToTheDefault() {
    admin().post("/desk/admin/site", Map.of("style", "apa")).then().statusCode(303);
  }

  private static DeskBrowser admin() {
    return DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
  }

  private static Document page(String slug) {
    return Jsoup.parse(
        RestAssured.get("/articles/" + slug).then().statusCode(200).extract().asString());
  }

  @Test
  void theSiteStyleIsApaSeventhUntilAnAdministratorChangesItThenEveryPageShowsTheNewOne() {
    long id = content.publish("style-switch", "Praised [@walker2016].", null, Instant.now()).id;
    content.cite(id, REFERENCES, null);

    Document apa = page("style-switch");
    assertThat(apa.select(".article-body a.citation").text()).isEqualTo("(Walker & Addley, 2016)");
    assertThat(apa.select("section.references li").text())
        .isEqualTo(
            "Walker, S., & Addley, E. (2016). Trump praises 'very smart' Putin. https://example.org/walker");

    Document settings = Jsoup.parse(admin().get("/desk/admin/site").asString());
    assertThat(settings.select("input[name=style][checked]").attr("value")).isEqualTo("apa");
    admin().post("/desk/admin/site", Map.of("style", "ieee")).then().statusCode(303);

    Document ieee = page("style-switch");
    assertThat(ieee.select(".article-body a.citation").text()).isEqualTo("[1]");
    assertThat(ieee.select("section.references li").text())
        .startsWith("[1] S. Walker and E. Addley,");
    assertThat(accounts.auditActions("site")).contains("CITATION_STYLE_CHANGED");

    admin()
        .post("/desk/admin/site", Map.of("style", "other", "otherStyle", "nature"))
        .then()
        .statusCode(303);
    assertThat(page("style-switch").select(".article-body a.citation").text()).isEqualTo("1");
  }

  @Test
  void anUnknownStyleIsRefusedWithTheTypedIdKept() {
    var refused =
        admin().post("/desk/admin/site", Map.of("style", "other", "otherStyle", "apa-99th"));

    refused.then().statusCode(400);
    Document page = Jsoup.parse(refused.asString());
    assertThat(page.select(".error-box").text())
        .contains("There is no citation style \"apa-99th\"");
    assertThat(page.select("input[name=otherStyle]").attr("value")).isEqualTo("apa-99th");
  }

  @Test
  void aJournalsOwnStyleWinsForItsArticles() {
    accounts.create("style-editor@stet.test", Role.EDITOR);
    DeskBrowser editor = DeskBrowser.signedIn("style-editor@stet.test", TestAccounts.PASSWORD);
    editor
        .post("/desk/journals", Map.of("name", "Style Review", "reviewAnonymity", "SINGLE"))
        .then()
        .statusCode(303);
    long id = content.publish("journal-style", "Praised [@walker2016].", null, Instant.now()).id;
    content.cite(id, REFERENCES, "style-review");

    editor
        .post("/desk/journals/style-review/citation-style", Map.of("style", "chicago-author-date"))
        .then()
        .statusCode(303);
    assertThat(page("journal-style").select(".article-body a.citation").text())
        .isEqualTo("(Walker and Addley 2016)");

    editor
        .post("/desk/journals/style-review/citation-style", Map.of("style", ""))
        .then()
        .statusCode(303);
    assertThat(page("journal-style").select(".article-body a.citation").text())
        .isEqualTo("(Walker & Addley, 2016)");
  }
}
