package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.article.Article;
import org.stet.citation.ReferenceReader;

/**
 * "Cite this": the article page's citation in its style, and the BibTeX, RIS and CSL-JSON
 * downloads, each read back by Stet's own reference reader (as a reference manager would).
 */
@QuarkusTest
class CiteThisTest {

  private static final String SEED = ArticlePageResourceTest.SEED;
  private static final String SITE = "http://localhost:8080";

  @Inject TestContent content;
  @Inject org.stet.identity.TestAccounts accounts;

  @Test
  void theSeedArticleShowsHowToCiteItInItsJournalsStyle() {
    Document page = ArticlePageResourceTest.get(SEED);

    String citation = page.select(".cite-this .citation").text();
    assertThat(citation)
        .startsWith("Parkhomchik, L. (2017")
        .contains("Russia-US Relations on the Doorstep of the Incoming Trump Administration")
        .contains("Asya Avrupa: Haber-Yorum")
        .contains(SITE + SEED);
    assertThat(page.select(".cite-downloads a").eachAttr("href"))
        .containsExactly(SEED + "/cite.bib", SEED + "/cite.ris", SEED + "/cite.json");
  }

  @Test
  void eachDownloadHasItsTypeAndReadsBackAsTheArticle() {
    String slug = SEED.substring("/articles/".length());
    for (String[] format :
        new String[][] {
          {"bib", "application/x-bibtex", "bibtex"},
          {"ris", "application/x-research-info-systems", "ris"},
          {"json", "application/vnd.citationstyles.csl+json", "csl-json"}
        }) {
      Response response = given().get(SEED + "/cite." + format[0]);
      assertThat(response.statusCode()).as(format[0]).isEqualTo(200);
      assertThat(response.contentType()).as(format[0]).startsWith(format[1]);
      assertThat(response.header("Content-Disposition"))
          .isEqualTo("attachment; filename=\"" + slug + "." + format[0] + "\"");
      ReferenceReader.Reading reading = ReferenceReader.read(response.asString(), Set.of());
      assertThat(reading.items()).as(format[0]).hasSize(1);
      Map<String, Object> item = reading.items().get(0);
      assertThat(item.get("type")).as(format[0]).isEqualTo("article-journal");
      assertThat(item.get("title"))
          .as(format[0])
          .isEqualTo("Russia-US Relations on the Doorstep of the Incoming Trump Administration");
      assertThat(item.get("container-title")).as(format[0]).isEqualTo("Asya Avrupa: Haber-Yorum");
      assertThat(item.get("author"))
          .as(format[0])
          .isEqualTo(List.of(Map.of("family", "Parkhomchik", "given", "Lidiya")));
      assertThat(item.get("issue")).as(format[0]).isEqualTo("14");
      assertThat(item.get("URL")).as(format[0]).isEqualTo(SITE + SEED);
    }
    assertThat(given().get(SEED + "/cite.bib").asString())
        .startsWith("@article{" + slug + ",")
        .contains("year = {2017}", "month = {jan}");
    assertThat(given().get(SEED + "/cite.ris").asString())
        .startsWith("TY  - JOUR\r\n")
        .contains("DA  - 2017/01/18\r\n")
        .endsWith("ER  - \r\n");
  }

  @Test
  void aBlogPostWithHostileTextIsCitedSafelyInEveryFormat() {
    Article post =
        content.publish("cite-hostile", "Text.", null, Instant.parse("2025-08-09T10:11:12Z"));
    String title = "Braces } { and 100% & $x_1$ \\end{document}\nER  - \r\nTY  - JOUR";
    content.describe(post.id, title, null, "10.5555/cite.1", List.of("Ayşe } Kaya"));

    for (String extension : List.of("bib", "ris", "json")) {
      String body = given().get("/articles/cite-hostile/cite." + extension).asString();
      ReferenceReader.Reading reading = ReferenceReader.read(body, Set.of());
      assertThat(reading.items()).as(extension + ": one record, not two").hasSize(1);
      Map<String, Object> item = reading.items().get(0);
      assertThat(item.get("DOI")).as(extension).isEqualTo("10.5555/cite.1");
    }
    String bib = given().get("/articles/cite-hostile/cite.bib").asString();
    assertThat(bib).startsWith("@misc{cite-hostile,").contains("\\}", "\\%", "\\&", "\\$x\\_1\\$");
    String unescaped = bib.replace("\\{", "").replace("\\}", "");
    assertThat(unescaped.chars().filter(c -> c == '{').count())
        .as("braces balanced")
        .isEqualTo(unescaped.chars().filter(c -> c == '}').count());
    String ris = given().get("/articles/cite-hostile/cite.ris").asString();
    assertThat(ris).startsWith("TY  - BLOG\r\n");
    assertThat(ris.lines().filter(line -> line.startsWith("TY  - "))).hasSize(1);
    Document page = ArticlePageResourceTest.get("/articles/cite-hostile");
    assertThat(page.select(".cite-this .citation").text()).contains("Braces } {");
    assertThat(page.select(".cite-this script, .cite-this [onerror]")).isEmpty();
  }

  @Test
  void aDraftHasNoCitation() {
    accounts.create("cite-owner@stet.test", org.stet.identity.Role.AUTHOR);
    long draft =
        content.articleInState("cite-owner@stet.test", org.stet.article.ArticleStatus.DRAFT);
    String slug =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> Article.<Article>findById(draft).slug);
    for (String extension : List.of("bib", "ris", "json")) {
      given().get("/articles/" + slug + "/cite." + extension).then().statusCode(404);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/articles/no-such-article/cite.bib",
        "/articles/no-such-article/cite.ris",
        "/articles/no-such-article/cite.json",
        "/articles/UPPER/cite.bib"
      })
  void anArticleReadersCannotSeeHasNoCitation(String path) {
    given().get(path).then().statusCode(404);
  }
}
