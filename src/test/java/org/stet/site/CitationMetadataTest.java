package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/**
 * The citation metadata of article pages (Highwire, Dublin Core, OpenGraph, Twitter, JSON-LD,
 * canonical link) on the seed article, which is in issue No. 14 of a journal, and on blog posts in
 * no issue; the journal's publication details set in the desk; escaping of hostile text.
 */
@QuarkusTest
class CitationMetadataTest {

  private static final String SITE = "http://localhost:8080";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TestContent content;
  @Inject TestAccounts accounts;

  @Test
  void theSeedArticleCarriesEveryTagAJournalArticleHas() throws Exception {
    content.setDoi(
        ArticlePageResourceTest.SEED.substring("/articles/".length()), "10.5555/eri.2017.14");
    DeskBrowser editor = editor("metadata-editor@stet.test");
    String journal = journalOfTheSeed();
    editor.get(journal);
    editor
        .post(
            journal + "/details",
            Map.of("printIssn", "2049 369x", "onlineIssn", "1234-5679", "publisher", ""))
        .then()
        .statusCode(303);
    try {
      Document page = ArticlePageResourceTest.get(ArticlePageResourceTest.SEED);
      String url = SITE + ArticlePageResourceTest.SEED;

      assertThat(meta(page, "citation_title"))
          .containsExactly(
              "Russia-US Relations on the Doorstep of the Incoming Trump Administration");
      assertThat(meta(page, "citation_author")).containsExactly("Lidiya Parkhomchik");
      assertThat(meta(page, "citation_publication_date")).containsExactly("2017/01/18");
      assertThat(meta(page, "citation_online_date")).containsExactly("2017/01/18");
      assertThat(meta(page, "citation_journal_title")).containsExactly("Asya Avrupa: Haber-Yorum");
      assertThat(meta(page, "citation_publisher")).containsExactly("Eurasian Research Institute");
      assertThat(meta(page, "citation_issn")).containsExactly("2049-369X", "1234-5679");
      assertThat(meta(page, "citation_issue")).containsExactly("14");
      assertThat(meta(page, "citation_volume")).as("the issue has no volume").isEmpty();
      assertThat(meta(page, "citation_doi")).containsExactly("10.5555/eri.2017.14");
      assertThat(meta(page, "citation_abstract_html_url")).containsExactly(url);
      assertThat(meta(page, "citation_language")).containsExactly("en");
      assertThat(meta(page, "citation_keywords"))
          .containsExactly("US; Russia; International Relations");
      assertThat(meta(page, "citation_reference"))
          .hasSize(4)
          .contains(
              "citation_author=Walker, S.; citation_author=Addley, E.; citation_title=Trump praises"
                  + " 'very smart' Putin for not expelling US diplomats;"
                  + " citation_publication_date=2016");
      assertThat(page.select("link[rel=canonical]").eachAttr("href")).containsExactly(url);
      assertThat(page.select("meta[name=description]").attr("content"))
          .startsWith("Moscow expects the incoming Trump administration");

      assertThat(page.select("link[rel='schema.DC']").attr("href"))
          .isEqualTo("http://purl.org/dc/elements/1.1/");
      assertThat(meta(page, "DC.title")).hasSize(1);
      assertThat(meta(page, "DC.creator")).containsExactly("Lidiya Parkhomchik");
      assertThat(meta(page, "DC.date")).containsExactly("2017-01-18");
      assertThat(meta(page, "DC.identifier")).containsExactly(url, "doi:10.5555/eri.2017.14");
      assertThat(meta(page, "DC.source")).containsExactly("Asya Avrupa: Haber-Yorum");
      assertThat(meta(page, "DC.source.ISSN")).containsExactly("2049-369X", "1234-5679");
      assertThat(meta(page, "DC.subject"))
          .containsExactly("US", "Russia", "International Relations");

      assertThat(property(page, "og:type")).containsExactly("article");
      assertThat(property(page, "og:url")).containsExactly(url);
      assertThat(property(page, "og:site_name")).containsExactly("Eurasian Research Institute");
      assertThat(property(page, "article:published_time"))
          .containsExactly("2017-01-18T10:00:00+06:00");
      assertThat(property(page, "article:section")).containsExactly("International Relations");
      assertThat(meta(page, "twitter:card")).containsExactly("summary");

      JsonNode data = structuredData(page);
      assertThat(data.path("@type").asText()).isEqualTo("ScholarlyArticle");
      assertThat(data.path("datePublished").asText()).isEqualTo("2017-01-18T04:00:00Z");
      assertThat(data.path("identifier").path("value").asText()).isEqualTo("10.5555/eri.2017.14");
      assertThat(data.path("sameAs").asText()).isEqualTo("https://doi.org/10.5555/eri.2017.14");
      JsonNode issue = data.path("isPartOf");
      assertThat(issue.path("@type").asText()).isEqualTo("PublicationIssue");
      assertThat(issue.path("issueNumber").asText()).isEqualTo("14");
      assertThat(issue.path("datePublished").asText()).isEqualTo("2017-02");
      JsonNode periodical = issue.path("isPartOf");
      assertThat(periodical.path("@type").asText()).isEqualTo("Periodical");
      assertThat(periodical.path("name").asText()).isEqualTo("Asya Avrupa: Haber-Yorum");
      assertThat(periodical.path("issn").toString()).isEqualTo("[\"2049-369X\",\"1234-5679\"]");
      assertThat(data.path("citation")).hasSize(4);
      assertThat(data.path("citation").get(0).path("name").asText())
          .startsWith("Prospects for Russia-US Relations");
      assertThat(data.path("publisher").path("name").asText())
          .isEqualTo("Eurasian Research Institute");
    } finally {
      editor.post(journal + "/details", Map.of("printIssn", "", "onlineIssn", "", "publisher", ""));
      content.setDoi(ArticlePageResourceTest.SEED.substring("/articles/".length()), null);
    }
  }

  @Test
  void aBlogPostInNoIssueHasNoJournalTagsAndNamesItsAuthorsDetails() throws Exception {
    Article post =
        content.publish(
            "meta-blog-post",
            "Text.",
            content.category("Metadata Notes"),
            Instant.parse("2025-05-06T07:08:09Z"));
    content.describe(
        post.id,
        "Pipelines after the sanctions",
        "What changed.",
        null,
        List.of("Meta Alma Nurlanova", "Meta Bolat Sarsenov"));
    content.tag(post.id, "Pipelines");

    Document page = ArticlePageResourceTest.get("/articles/meta-blog-post");

    assertThat(meta(page, "citation_title")).containsExactly("Pipelines after the sanctions");
    assertThat(meta(page, "citation_author"))
        .containsExactly("Meta Alma Nurlanova", "Meta Bolat Sarsenov");
    assertThat(meta(page, "citation_author_orcid"))
        .as("the details one test plugin knows; the other plugin's failure changes nothing")
        .containsExactly(
            "https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097");
    assertThat(meta(page, "citation_author_institution"))
        .containsOnly("Institute of <Caspian> & \"Steppe\" Studies")
        .hasSize(2);
    assertThat(page.select("meta[name^=citation_]").eachAttr("name"))
        .as("the tags of a journal article are left out")
        .doesNotContain(
            "citation_journal_title",
            "citation_issn",
            "citation_volume",
            "citation_issue",
            "citation_doi",
            "citation_pdf_url",
            "citation_publisher");
    assertThat(meta(page, "citation_publication_date")).containsExactly("2025/05/06");
    assertThat(meta(page, "DC.source")).isEmpty();
    assertThat(meta(page, "DC.publisher")).containsExactly("Eurasian Research Institute");
    assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("What changed.");

    JsonNode data = structuredData(page);
    assertThat(data.path("@type").asText()).isEqualTo("BlogPosting");
    assertThat(data.has("isPartOf")).isFalse();
    JsonNode author = data.path("author").get(0);
    assertThat(author.path("sameAs").asText()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
    assertThat(author.path("affiliation").path("name").asText())
        .isEqualTo("Institute of <Caspian> & \"Steppe\" Studies");
  }

  @Test
  void hostileTitlesAndNamesStayText() throws Exception {
    String hostile = "\"><script>alert(1)</script><meta name=\"citation_title\" content=\"x";
    Article post =
        content.publish("meta-hostile", "Text.", null, Instant.parse("2025-02-03T04:05:06Z"));
    content.describe(post.id, hostile, hostile, null, List.of("Meta </script> & Co"));

    String html = given().get("/articles/meta-hostile").then().statusCode(200).extract().asString();
    Document page = Jsoup.parse(html);

    assertThat(html).doesNotContain("<script>alert(1)");
    assertThat(meta(page, "citation_title")).containsExactly(hostile);
    assertThat(meta(page, "DC.title")).containsExactly(hostile);
    assertThat(property(page, "og:title")).containsExactly(hostile);
    assertThat(meta(page, "citation_author")).containsExactly("Meta </script> & Co");
    String json = page.selectFirst("head script[type=application/ld+json]").data();
    assertThat(json).doesNotContain("<", ">", "&");
    assertThat(JSON.readTree(json).path("headline").asText()).isEqualTo(hostile);
  }

  @Test
  void pagesWithTheirMetadataAreValidHtml() {
    content.publish("meta-valid", "Text.", null, Instant.parse("2025-04-05T06:07:08Z"));
    org.stet.browser.HtmlChecker checker = new org.stet.browser.HtmlChecker();
    Document seed = ArticlePageResourceTest.get(ArticlePageResourceTest.SEED);
    for (String path :
        List.of(
            ArticlePageResourceTest.SEED,
            "/articles/meta-valid",
            seed.select(".publication-note a").attr("href"))) {
      byte[] html = given().get(path).then().statusCode(200).extract().asByteArray();
      assertThat(checker.errors(html)).as(path).isEmpty();
    }
  }

  @Test
  void theJournalsDetailsAreCheckedAndARefusedFormKeepsWhatWasTyped() {
    DeskBrowser editor = editor("metadata-checker@stet.test");
    String journal = journalOfTheSeed();
    editor.get(journal);

    var refused =
        editor.post(
            journal + "/details",
            Map.of("printIssn", "2049-3631", "onlineIssn", "", "publisher", "Typed Press"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document form = Jsoup.parse(refused.asString());
    assertThat(form.select("[role=alert]").text())
        .contains("\"2049-3631\" is not a valid print ISSN");
    assertThat(form.select("#printIssn").val()).isEqualTo("2049-3631");
    assertThat(form.select("#publisher").val()).isEqualTo("Typed Press");

    var same =
        editor.post(
            journal + "/details",
            Map.of("printIssn", "2049-3630", "onlineIssn", "2049 3630", "publisher", ""));
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(same.asString()).select("[role=alert]").text()).contains("the same");

    given().get(journal).then().statusCode(200);
    assertThat(Jsoup.parse(editor.get(journal).asString()).select("#printIssn").val()).isEmpty();
  }

  @Test
  void anIssuePageDescribesItselfAndItsContents() throws Exception {
    Document seed = ArticlePageResourceTest.get(ArticlePageResourceTest.SEED);
    String issuePath = seed.select(".publication-note a").attr("href");
    Document issue = ArticlePageResourceTest.get(issuePath);

    assertThat(issue.select("link[rel=canonical]").attr("href")).isEqualTo(SITE + issuePath);
    JsonNode data = structuredData(issue);
    assertThat(data.path("@type").asText()).isEqualTo("PublicationIssue");
    assertThat(data.path("issueNumber").asText()).isEqualTo("14");
    assertThat(data.path("isPartOf").path("name").asText()).isEqualTo("Asya Avrupa: Haber-Yorum");
    assertThat(data.path("hasPart").findValuesAsText("url"))
        .contains(SITE + ArticlePageResourceTest.SEED);
  }

  /** A new editor (each test its own: an address is used once in the suite), signed in. */
  private DeskBrowser editor(String email) {
    accounts.create(email, Role.EDITOR);
    return DeskBrowser.signedIn(email, TestAccounts.PASSWORD);
  }

  /** The desk address of the seed's journal. */
  private static String journalOfTheSeed() {
    String issue =
        ArticlePageResourceTest.get(ArticlePageResourceTest.SEED)
            .select(".publication-note a")
            .attr("href");
    return "/desk" + issue.substring(0, issue.indexOf("/issues/"));
  }

  private static List<String> meta(Document page, String name) {
    return page.select("head meta[name='" + name + "']").eachAttr("content");
  }

  private static List<String> property(Document page, String name) {
    return page.select("head meta[property='" + name + "']").eachAttr("content");
  }

  private static JsonNode structuredData(Document page) throws Exception {
    return JSON.readTree(page.selectFirst("head script[type=application/ld+json]").data());
  }
}
