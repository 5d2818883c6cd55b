package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.stet.XmlSchemas;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every published article as JATS 1.1 at {@code /articles/{slug}/jats.xml}, valid against the
 * Journal Publishing DTD in {@code ../shared/schemas/jats-1.1} (read through its catalog, no
 * network): the seed article in its issue, a blog post, every kind of block the editor writes, and
 * hostile text.
 */
@QuarkusTest
class JatsTest {

  static final String CATALOG = "jats-1.1/catalog-jats-v1-1-no-base.xml";
  private static final String SEED = ArticlePageResourceTest.SEED;
  private static final String SITE = "http://localhost:8080";

  @Inject TestContent content;
  @Inject org.stet.identity.TestAccounts accounts;

  @Test
  void theSeedArticleIsValidJatsWithItsJournalIssueAuthorsNotesAndReferences() throws Exception {
    Response response = given().get(SEED + "/jats.xml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/jats+xml");
    byte[] xml = response.asByteArray();
    assertThat(XmlSchemas.dtdErrors(CATALOG, xml)).isEmpty();

    Jats jats = new Jats(xml);
    assertThat(jats.text("/article/@article-type")).isEqualTo("research-article");
    assertThat(jats.text("/article/@*[name()='xml:lang']")).isEqualTo("en");
    assertThat(jats.text("//journal-meta/journal-title-group/journal-title"))
        .isEqualTo("Asya Avrupa: Haber-Yorum");
    assertThat(jats.text("//article-meta/title-group/article-title"))
        .isEqualTo("Russia-US Relations on the Doorstep of the Incoming Trump Administration");
    assertThat(jats.text("//contrib[@contrib-type='author']/name/surname"))
        .isEqualTo("Parkhomchik");
    assertThat(jats.text("//contrib/name/given-names")).isEqualTo("Lidiya");
    assertThat(jats.text("//pub-date[@date-type='pub']/year")).isEqualTo("2017");
    assertThat(jats.text("//pub-date[@date-type='pub']/month")).isEqualTo("01");
    assertThat(jats.text("//pub-date[@date-type='pub']/day")).isEqualTo("18");
    assertThat(jats.text("//pub-date[@date-type='collection']/month")).isEqualTo("02");
    assertThat(jats.text("//article-meta/issue")).isEqualTo("14");
    assertThat(jats.text("//article-meta/self-uri/@*[name()='xlink:href']")).isEqualTo(SITE + SEED);
    assertThat(jats.text("//article-meta/abstract/p")).startsWith("Moscow expects");
    assertThat(jats.all("//kwd-group/kwd"))
        .containsExactly("US", "Russia", "International Relations");
    assertThat(jats.text("//subj-group/subject")).isEqualTo("International Relations");
    assertThat(jats.all("/article/body/p")).hasSizeGreaterThan(5);
    assertThat(jats.text("//back/fn-group/fn[@id='fn-1']/p")).startsWith("Five GRU");
    assertThat(jats.text("//body//xref[@ref-type='fn']/@rid")).isEqualTo("fn-1");
    assertThat(jats.all("//back/ref-list/ref/element-citation")).hasSize(4);
    assertThat(jats.text("//ref[@id='ref-1']//person-group/name/surname")).isEqualTo("Akulov");
    assertThat(jats.text("//ref[@id='ref-1']//article-title")).startsWith("Prospects for");
    assertThat(jats.all("//body//xref[@ref-type='bibr']/@rid")).contains("ref-1", "ref-3");
  }

  @Test
  void everyKindOfBlockBecomesItsJatsElement() throws Exception {
    String body =
        String.join(
            "\n",
            "Opening paragraph with *emphasis*, **strength**, `code`, H~2~O and a"
                + " [link](https://example.org/a?b=1&c=2) and [a site page](/articles/x).",
            "",
            "## First section",
            "",
            "Text of the first section.",
            "",
            "### A subsection",
            "",
            "- one",
            "- two with **bold**",
            "  1. nested first",
            "  2. nested second",
            "",
            "> A quotation",
            ">",
            "> in two paragraphs.",
            "",
            "```",
            "code <block> & more",
            "```",
            "",
            "##### Skipping a level",
            "",
            "| Country | Diplomats |",
            "|:--------|----------:|",
            "| Russia  | 35        |",
            "| US      | 31        |",
            "",
            "![A pipeline map](https://example.org/map.png \"Pipelines across the Caspian\")",
            "",
            "---",
            "",
            "## Back to level two",
            "",
            "See [the first section](#sec-1), a note[^n] and an image ![icon](https://example.org/i.png) inline.",
            "",
            "1. ",
            "2. after an empty item",
            "",
            "[^n]: The note, with *emphasis*.",
            "",
            "    And a second paragraph.");
    content.publish("jats-blocks", body, null, Instant.parse("2025-03-04T05:06:07Z"));

    byte[] xml = given().get("/articles/jats-blocks/jats.xml").asByteArray();
    assertThat(XmlSchemas.dtdErrors(CATALOG, xml)).isEmpty();
    Jats jats = new Jats(xml);
    assertThat(jats.text("/article/body/p[1]/italic")).isEqualTo("emphasis");
    assertThat(jats.text("/article/body/p[1]/bold")).isEqualTo("strength");
    assertThat(jats.text("/article/body/p[1]/monospace")).isEqualTo("code");
    assertThat(jats.all("/article/body/p[1]/ext-link/@*[name()='xlink:href']"))
        .containsExactly("https://example.org/a?b=1&c=2", SITE + "/articles/x");
    assertThat(jats.text("/article/body/sec[1]/title")).isEqualTo("First section");
    assertThat(jats.text("/article/body/sec[1]/@id")).isEqualTo("sec-1");
    assertThat(jats.text("/article/body/sec[1]/sec[1]/title")).isEqualTo("A subsection");
    assertThat(jats.all("/article/body/sec[1]/sec[1]/list[@list-type='bullet']/list-item"))
        .hasSize(2);
    assertThat(jats.all("//list-item/list[@list-type='order']/list-item/p"))
        .containsExactly("nested first", "nested second");
    assertThat(jats.all("/article/body/sec[1]/sec[1]/disp-quote/p"))
        .containsExactly("A quotation", "in two paragraphs.");
    assertThat(jats.text("//preformat")).isEqualTo("code <block> & more\n");
    assertThat(jats.text("/article/body/sec[1]/sec[1]/sec[1]/title")).isEqualTo("Skipping a level");
    assertThat(jats.all("//table-wrap/table/tbody/tr/td"))
        .containsExactly("Russia", "35", "US", "31");
    assertThat(jats.all("//table-wrap/table/thead/tr/th/@align")).containsExactly("left", "right");
    assertThat(jats.text("//fig/label")).isEqualTo("Figure 1");
    assertThat(jats.text("//fig/caption/p")).isEqualTo("Pipelines across the Caspian");
    assertThat(jats.text("//fig/graphic/@*[name()='xlink:href']"))
        .isEqualTo("https://example.org/map.png");
    assertThat(jats.text("//fig/graphic/alt-text")).isEqualTo("A pipeline map");
    assertThat(jats.text("/article/body/sec[2]/title")).isEqualTo("Back to level two");
    assertThat(jats.text("/article/body/sec[2]/p/xref[@ref-type='sec']/@rid")).isEqualTo("sec-1");
    assertThat(jats.text("/article/body/sec[2]/p/inline-graphic/@*[name()='xlink:href']"))
        .isEqualTo("https://example.org/i.png");
    assertThat(jats.all("//back/fn-group/fn/p"))
        .containsExactly("The note, with emphasis.", "And a second paragraph.");
  }

  @Test
  void aBlogPostNamesTheSiteAsItsPublisherAndHostileTextStaysText() throws Exception {
    Article post =
        content.publish("jats-hostile", "Text.", null, Instant.parse("2025-08-09T10:11:12Z"));
    String title = "<script>alert(1)</script> & \"quotes\" ]]> \u0001bell";
    content.describe(
        post.id, title, "Excerpt <b>not bold</b>", "10.5555/jats.1", List.of("Ayşe <i>Kaya"));
    content.cite(
        post.id,
        List.of(
            Map.of(
                "id",
                "k1",
                "type",
                "book",
                "title",
                "A <book> & more",
                "author",
                List.of(Map.of("literal", "Institute & Co")),
                "DOI",
                "10.1000/xyz")),
        null);

    byte[] xml = given().get("/articles/jats-hostile/jats.xml").asByteArray();
    assertThat(XmlSchemas.dtdErrors(CATALOG, xml)).isEmpty();
    Jats jats = new Jats(xml);
    assertThat(jats.text("/article/@article-type")).isEqualTo("other");
    assertThat(jats.text("//journal-meta/journal-title-group/journal-title"))
        .isEqualTo(jats.text("//journal-meta/publisher/publisher-name"));
    assertThat(jats.all("//article-meta/issue")).isEmpty();
    assertThat(jats.text("//article-meta/title-group/article-title"))
        .isEqualTo("<script>alert(1)</script> & \"quotes\" ]]> bell");
    assertThat(jats.all("//script")).isEmpty();
    assertThat(jats.text("//article-meta/article-id[@pub-id-type='doi']"))
        .isEqualTo("10.5555/jats.1");
    assertThat(jats.text("//contrib/name/surname")).isEqualTo("<i>Kaya");
    assertThat(jats.text("//abstract/p")).isEqualTo("Excerpt <b>not bold</b>");
    assertThat(jats.text("//ref[@id='ref-1']/element-citation/@publication-type"))
        .isEqualTo("book");
    assertThat(jats.text("//ref[@id='ref-1']//source")).isEqualTo("A <book> & more");
    assertThat(jats.text("//ref[@id='ref-1']//collab")).isEqualTo("Institute & Co");
    assertThat(jats.text("//ref[@id='ref-1']//pub-id[@pub-id-type='doi']"))
        .isEqualTo("10.1000/xyz");
  }

  @Test
  void onlyPublishedArticlesHaveJats() {
    accounts.create("jats-owner@stet.test", org.stet.identity.Role.AUTHOR);
    long draft = content.articleInState("jats-owner@stet.test", ArticleStatus.DRAFT);
    String slug =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(() -> Article.<Article>findById(draft).slug);
    given().get("/articles/" + slug + "/jats.xml").then().statusCode(404);
    given().get("/articles/no-such-article/jats.xml").then().statusCode(404);
    given().get("/articles/UPPER/jats.xml").then().statusCode(404);
  }

  @Test
  void theCheckerRefusesWhatTheDtdForbids() {
    String doctype =
        "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.1"
            + " 20151215//EN\" \"https://jats.nlm.nih.gov/publishing/1.1/JATS-journalpublishing1.dtd\">";
    byte[] invalid =
        (doctype + "<article><front><article-meta/></front><p>loose</p></article>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(XmlSchemas.dtdErrors(CATALOG, invalid)).isNotEmpty();
    byte[] unknown =
        "<!DOCTYPE article PUBLIC \"-//NOBODY//DTD Unknown//EN\" \"http://127.0.0.1:9/x.dtd\"><article/>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(XmlSchemas.dtdErrors(CATALOG, unknown)).as("never fetched").isNotEmpty();
  }

  /** A JATS document read for assertions, its DTD not loaded. */
  static final class Jats {

    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    Jats(byte[] xml) throws Exception {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    Document document() {
      return document;
    }

    String text(String path) throws Exception {
      return xpath.evaluate(path, document);
    }

    List<String> all(String path) throws Exception {
      NodeList nodes = (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent().strip());
      }
      return texts;
    }
  }
}
