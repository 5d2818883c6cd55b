package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.XmlSchemas;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code /robots.txt}, the sitemap index and its parts: every public page, nothing else. */
@QuarkusTest
class SitemapTest {

  private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String SITE = "http://localhost:8080";

  @Inject TestContent content;
  @Inject TestAccounts accounts;

  @Test
  void robotsKeepsCrawlersOffTheDeskAndNamesTheSitemap() {
    String robots =
        given()
            .get("/robots.txt")
            .then()
            .statusCode(200)
            .contentType("text/plain")
            .extract()
            .asString();
    assertThat(robots.lines())
        .contains(
            "User-agent: *",
            "Disallow: /desk",
            "Disallow: /api",
            "Sitemap: " + SITE + "/sitemap.xml");
  }

  @Test
  void theIndexNamesPartsThatListEveryPublicPageAndAreValid() throws Exception {
    var category = content.category("Sitemap Studies");
    Article shown =
        content.publish("sitemap-shown", "Text.", category, Instant.parse("2025-03-04T05:06:07Z"));
    content.tag(shown.id, "Sitemap tag");
    String owner = "sitemap-owner@stet.test";
    accounts.create(owner, Role.AUTHOR);
    List<String> hidden = new ArrayList<>();
    for (ArticleStatus status :
        List.of(ArticleStatus.DRAFT, ArticleStatus.SCHEDULED, ArticleStatus.RETRACTED)) {
      hidden.add(slug(content.articleInState(owner, status)));
    }

    Document index =
        xml(given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray());
    assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
    assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
    List<String> parts = texts(index, "loc");
    assertThat(parts)
        .contains(SITE + "/sitemaps/pages.xml", SITE + "/sitemaps/articles-0.xml")
        .allMatch(loc -> loc.matches("\\Q" + SITE + "\\E/sitemaps/[a-z]+(-[0-9]+)?\\.xml"));
    assertThat(index.getElementsByTagNameNS(NS, "sitemap").getLength()).isEqualTo(parts.size());

    Schema schema = XmlSchemas.load("sitemap/sitemap.xsd");
    Map<String, String> urls = new LinkedHashMap<>();
    for (String part : parts) {
      byte[] body =
          given()
              .get(part.substring(SITE.length()))
              .then()
              .statusCode(200)
              .contentType("application/xml")
              .extract()
              .asByteArray();
      assertThat(XmlSchemas.errors(schema, body)).as(part).isEmpty();
      Document urlset = xml(body);
      NodeList each = urlset.getElementsByTagNameNS(NS, "url");
      assertThat(each.getLength()).as(part).isBetween(1, 50_000);
      for (int i = 0; i < each.getLength(); i++) {
        Element url = (Element) each.item(i);
        NodeList lastmod = url.getElementsByTagNameNS(NS, "lastmod");
        urls.put(
            text(url, "loc"), lastmod.getLength() == 0 ? "" : lastmod.item(0).getTextContent());
      }
    }

    assertThat(urls)
        .containsEntry(SITE + "/articles/sitemap-shown", "2025-03-04T05:06:07Z")
        .containsKeys(
            SITE + "/",
            SITE + "/journals",
            SITE + "/authors",
            SITE + "/categories/sitemap-studies",
            SITE + "/tags/sitemap-tag",
            SITE + "/authors/test-author",
            SITE + "/articles/" + ArticlePageResourceTest.SEED.replace("/articles/", ""));
    assertThat(urls.keySet())
        .as("drafts, scheduled and retracted articles are not public pages")
        .noneMatch(url -> hidden.stream().anyMatch(url::endsWith))
        .noneMatch(url -> url.startsWith(SITE + "/desk/") || url.startsWith(SITE + "/api/"))
        .doesNotHaveDuplicates();
  }

  @Test
  void aCorrectionIsTheArticlesLastModification() {
    Article corrected =
        content.publish("sitemap-corrected", "Text.", null, Instant.parse("2025-01-01T00:00:00Z"));
    content.correct(corrected.id, Instant.parse("2025-06-01T12:00:00Z"));
    String part =
        given().get("/sitemaps/articles-0.xml").then().statusCode(200).extract().asString();
    assertThat(part)
        .contains(
            "<loc>"
                + SITE
                + "/articles/sitemap-corrected</loc><lastmod>2025-06-01T12:00:00Z</lastmod>");
  }

  @Test
  void anAuthorsAndTagsLastModificationFollowTheirNewestPublishedArticle() {
    String person = content.person("Sitemap Listing Person", false);
    content.publishBy(person, "sitemap-listing-older", Instant.parse("2025-02-01T00:00:00Z"));
    long newer =
        content.publishBy(person, "sitemap-listing-newer", Instant.parse("2025-05-01T00:00:00Z"));
    content.tag(newer, "Sitemap listing tag");
    String author = "<loc>" + SITE + "/authors/" + person + "</loc><lastmod>";
    String tag = "<loc>" + SITE + "/tags/sitemap-listing-tag</loc>";
    assertThat(plain("/sitemaps/authors-0.xml")).contains(author + "2025-05-01T00:00:00Z<");
    assertThat(plain("/sitemaps/tags-0.xml")).contains(tag + "<lastmod>2025-05-01T00:00:00Z<");

    content.retract(newer);

    assertThat(plain("/sitemaps/authors-0.xml")).contains(author + "2025-02-01T00:00:00Z<");
    assertThat(plain("/sitemaps/tags-0.xml"))
        .as("a tag with no published article has no public page")
        .doesNotContain(tag);
    assertThat(plain("/sitemaps/articles-0.xml"))
        .contains("/articles/sitemap-listing-older<")
        .doesNotContain("/articles/sitemap-listing-newer<");
  }

  @Test
  void filesGoGzippedToClientsThatAcceptItAndPlainToOthersEachWithItsOwnTag() throws Exception {
    content.publish("sitemap-encoded", "Text.", null, Instant.parse("2025-07-01T00:00:00Z"));
    var raw =
        io.restassured.RestAssured.config()
            .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
    for (String path : List.of("/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-0.xml")) {
      var gzipped =
          given().config(raw).header("Accept-Encoding", "gzip").get(path).then().statusCode(200);
      gzipped.header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
      byte[] packed = gzipped.extract().asByteArray();
      String unpacked;
      try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
        unpacked = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      var plain =
          given()
              .config(raw)
              .header("Accept-Encoding", "identity")
              .get(path)
              .then()
              .statusCode(200);
      plain.header("Content-Encoding", org.hamcrest.Matchers.nullValue());
      assertThat(plain.extract().asString()).as(path).isEqualTo(unpacked);
      String gzipTag = gzipped.extract().header("ETag");
      String plainTag = plain.extract().header("ETag");
      assertThat(gzipTag).as(path).isNotNull().isNotEqualTo(plainTag);
      given()
          .config(raw)
          .header("Accept-Encoding", "gzip")
          .header("If-None-Match", gzipTag)
          .get(path)
          .then()
          .statusCode(304);
      given()
          .config(raw)
          .header("Accept-Encoding", "identity")
          .header("If-None-Match", plainTag)
          .get(path)
          .then()
          .statusCode(304);
    }
    assertThat(plain("/sitemaps/articles-0.xml")).contains("/articles/sitemap-encoded<");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/sitemaps/articles-999.xml",
        "/sitemaps/drafts-0.xml",
        "/sitemaps/articles-x.xml",
        "/sitemaps/articles-1234567.xml",
        "/sitemaps/articles-0.xml.gz"
      })
  void aPartThatDoesNotExistIsNotFound(String path) {
    given().get(path).then().statusCode(404);
  }

  /** The file as a client that does not accept gzip reads it. */
  private static String plain(String path) {
    return given()
        .config(
            io.restassured.RestAssured.config()
                .decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
        .header("Accept-Encoding", "identity")
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static String slug(long articleId) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(() -> Article.<Article>findById(articleId).slug);
  }

  private static Document xml(byte[] body) throws Exception {
    return org.stet.XmlSchemas.parse(body);
  }

  private static List<String> texts(Document document, String name) {
    NodeList nodes = document.getElementsByTagNameNS(NS, name);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(NS, name).item(0).getTextContent();
  }
}
