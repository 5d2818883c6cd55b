package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.stet.XmlSchemas;
import org.stet.article.Article;
import org.stet.taxonomy.Category;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OAI-PMH 2.0 repository at {@code /oai}: every verb by GET and POST, every error code, lists
 * paged by resumption tokens while records change, date filters at both granularities, persistent
 * deletions. Every response is validated against {@code OAI-PMH.xsd} with {@code oai_dc.xsd}, and
 * JATS records match the article's standalone JATS (checked against the DTD in {@link JatsTest}).
 * Each test harvests its own category's set, so other tests' articles do not disturb it.
 */
@QuarkusTest
class OaiPmhTest {

  private static final String PREFIX = "oai:localhost:article/";
  private static final String OAI = "http://www.openarchives.org/OAI/2.0/";

  /**
   * Stands in for JATS's schema inside records: the OAI schema checks records strictly, and the
   * JATS XSD is not among the shared schemas (the DTD is, and JatsTest validates against it).
   */
  private static final String JATS_STAND_IN =
      "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='"
          + JatsWriter.OAI_NAMESPACE
          + "' elementFormDefault='qualified'><xs:element name='article'><xs:complexType>"
          + "<xs:sequence><xs:any processContents='skip' minOccurs='0' maxOccurs='unbounded'/>"
          + "</xs:sequence><xs:anyAttribute processContents='skip'/></xs:complexType>"
          + "</xs:element></xs:schema>";

  private static Schema schema;

  @Inject TestContent content;
  @Inject EntityManager entityManager;

  @Test
  void identifyDescribesTheRepository() throws Exception {
    Oai identify = Oai.get("verb", "Identify");
    assertThat(identify.text("/o:OAI-PMH/o:request/@verb")).isEqualTo("Identify");
    assertThat(identify.text("//o:Identify/o:baseURL")).isEqualTo("http://localhost:8080/oai");
    assertThat(identify.text("//o:Identify/o:protocolVersion")).isEqualTo("2.0");
    assertThat(identify.text("//o:Identify/o:deletedRecord")).isEqualTo("persistent");
    assertThat(identify.text("//o:Identify/o:granularity")).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
    assertThat(identify.text("//o:Identify/o:adminEmail")).isEqualTo("editors@stet.test");
    assertThat(identify.text("//o:Identify/o:earliestDatestamp"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    assertThat(Oai.post("verb", "Identify").text("//o:Identify/o:baseURL"))
        .isEqualTo("http://localhost:8080/oai");
  }

  @Test
  void theSeedArticleIsARecordInDublinCoreAndJats() throws Exception {
    long seed = content.articleId(ArticlePageResourceTest.SEED.substring("/articles/".length()));
    Oai record =
        Oai.get("verb", "GetRecord", "identifier", PREFIX + seed, "metadataPrefix", "oai_dc");
    assertThat(record.text("//o:header/o:identifier")).isEqualTo(PREFIX + seed);
    assertThat(record.all("//o:header/o:setSpec"))
        .contains("category", "category:international-relations", "journal");
    assertThat(record.text("//dc:title"))
        .isEqualTo("Russia-US Relations on the Doorstep of the Incoming Trump Administration");
    assertThat(record.all("//dc:creator")).containsExactly("Lidiya Parkhomchik");
    assertThat(record.all("//dc:subject")).contains("International Relations", "Russia", "US");
    assertThat(record.all("//dc:identifier"))
        .contains("http://localhost:8080" + ArticlePageResourceTest.SEED);
    assertThat(record.all("//dc:source")).contains("Asya Avrupa: Haber-Yorum; No. 14 (2017)");
    assertThat(record.text("//dc:date")).isEqualTo("2017-01-18");
    assertThat(record.all("//dc:type")).contains("Text", "info:eu-repo/semantics/article");
    assertThat(record.text("//dc:language")).isEqualTo("en");

    Oai jats = Oai.get("verb", "GetRecord", "identifier", PREFIX + seed, "metadataPrefix", "jats");
    Element article = (Element) jats.node("//o:metadata/*");
    assertThat(article.getNamespaceURI()).isEqualTo(JatsWriter.OAI_NAMESPACE);
    assertThat(article.getLocalName()).isEqualTo("article");
    Document standalone =
        new JatsTest.Jats(given().get(ArticlePageResourceTest.SEED + "/jats.xml").asByteArray())
            .document();
    assertThat(article.getTextContent())
        .isEqualTo(standalone.getDocumentElement().getTextContent());
  }

  @Test
  void metadataFormatsAndSets() throws Exception {
    Oai formats = Oai.get("verb", "ListMetadataFormats");
    assertThat(formats.all("//o:metadataFormat/o:metadataPrefix"))
        .containsExactly("oai_dc", "jats");
    assertThat(formats.all("//o:metadataFormat/o:metadataNamespace"))
        .containsExactly("http://www.openarchives.org/OAI/2.0/oai_dc/", JatsWriter.OAI_NAMESPACE);

    Category category = content.category("OAI Sets Alpha");
    Article article =
        content.publish("oai-sets-1", "Text.", category, Instant.parse("2024-02-03T04:05:06Z"));
    Oai one = Oai.get("verb", "ListMetadataFormats", "identifier", PREFIX + article.id);
    assertThat(one.all("//o:metadataPrefix")).containsExactly("oai_dc", "jats");

    Oai sets = Oai.get("verb", "ListSets");
    List<String> specs = sets.all("//o:set/o:setSpec");
    assertThat(specs).contains("journal", "category", "category:oai-sets-alpha");
    assertThat(specs.indexOf("journal")).isLessThan(specs.indexOf("category:oai-sets-alpha"));
    assertThat(sets.text("//o:set[o:setSpec='category:oai-sets-alpha']/o:setName"))
        .isEqualTo("OAI Sets Alpha");
  }

  @Test
  void aListIsPagedByTokensAndAChangeMidwayIsNeitherLostNorShownTwiceAtOnce() throws Exception {
    Category category = content.category("OAI Paging");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(
          content.publish(
                  "oai-paging-" + i, "Text " + i, category, Instant.parse("2024-03-01T00:00:00Z"))
              .id);
    }
    Oai first =
        Oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "category:oai-paging");
    assertThat(first.all("//o:record/o:header/o:identifier"))
        .containsExactly(PREFIX + ids.get(0), PREFIX + ids.get(1), PREFIX + ids.get(2));
    assertThat(first.text("//o:resumptionToken/@completeListSize")).isEqualTo("7");
    assertThat(first.text("//o:resumptionToken/@cursor")).isEqualTo("0");

    retract(ids.get(1)); // already harvested: comes again at the end, as deleted
    retract(ids.get(5)); // not yet harvested: comes once, as deleted

    List<String> seen = new ArrayList<>(first.all("//o:record/o:header/o:identifier"));
    Map<String, String> lastState = new LinkedHashMap<>();
    String token = first.text("//o:resumptionToken");
    List<String> cursors = new ArrayList<>();
    while (!token.isEmpty()) {
      Oai next = Oai.get("verb", "ListRecords", "resumptionToken", token);
      cursors.add(next.text("//o:resumptionToken/@cursor"));
      assertThat(next.text("//o:resumptionToken/@completeListSize")).isEqualTo("7");
      NodeList headers = next.nodes("//o:record/o:header");
      List<String> inThisResponse = new ArrayList<>();
      for (int i = 0; i < headers.getLength(); i++) {
        Element header = (Element) headers.item(i);
        String id = header.getElementsByTagNameNS(OAI, "identifier").item(0).getTextContent();
        assertThat(inThisResponse).as("never twice in one response").doesNotContain(id);
        inThisResponse.add(id);
        seen.add(id);
        lastState.put(id, header.getAttribute("status"));
      }
      token = next.text("//o:resumptionToken");
    }
    assertThat(cursors).containsExactly("3", "6");
    assertThat(seen).containsAll(ids.stream().map(id -> PREFIX + id).toList());
    assertThat(lastState.get(PREFIX + ids.get(1))).isEqualTo("deleted");
    assertThat(lastState.get(PREFIX + ids.get(5))).isEqualTo("deleted");
    assertThat(seen.stream().filter(id -> id.equals(PREFIX + ids.get(5)))).hasSize(1);

    Oai identifiers =
        Oai.get("verb", "ListIdentifiers", "metadataPrefix", "jats", "set", "category:oai-paging");
    assertThat(identifiers.all("//o:ListIdentifiers/o:header/o:identifier")).hasSize(3);
    assertThat(identifiers.nodes("//o:record").getLength()).isZero();
  }

  @Test
  void datesFilterAtBothGranularities() throws Exception {
    Category category = content.category("OAI Dates");
    List<Long> ids = new ArrayList<>();
    for (int day = 1; day <= 4; day++) {
      long id =
          content.publish(
                  "oai-dates-" + day,
                  "Text.",
                  category,
                  Instant.parse("2024-04-0" + day + "T12:00:00Z"))
              .id;
      ids.add(id);
      setDatestamp(id, Instant.parse("2001-01-0" + day + "T10:20:30Z"));
    }
    assertThat(datedList("from", "2001-01-02", "until", "2001-01-03").all("//o:identifier"))
        .containsExactly(PREFIX + ids.get(1), PREFIX + ids.get(2));
    assertThat(
            datedList("from", "2001-01-02T10:20:30Z", "until", "2001-01-02T10:20:30Z")
                .all("//o:identifier"))
        .containsExactly(PREFIX + ids.get(1));
    assertThat(datedList("from", "2001-01-02T10:20:31Z").all("//o:identifier"))
        .containsExactly(PREFIX + ids.get(2), PREFIX + ids.get(3));
    assertThat(datedList("until", "2001-01-01").all("//o:header/o:datestamp"))
        .containsExactly("2001-01-01T10:20:30Z");
    assertThat(datedList("from", "2001-01-05").errorCode()).isEqualTo("noRecordsMatch");
  }

  /** ListIdentifiers of the dates test's set, restricted by {@code dates} (name, value, ...). */
  private static Oai datedList(String... dates) throws Exception {
    List<String> pairs =
        new ArrayList<>(
            List.of(
                "verb",
                "ListIdentifiers",
                "metadataPrefix",
                "oai_dc",
                "set",
                "category:oai-dates"));
    pairs.addAll(List.of(dates));
    return Oai.get(pairs.toArray(String[]::new));
  }

  @Test
  void aRemovedArticleStaysADeletedRecordForever() throws Exception {
    Category category = content.category("OAI Removed");
    Article article =
        content.publish("oai-removed", "Text.", category, Instant.parse("2024-05-01T00:00:00Z"));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery("delete from article where id = ?1")
                    .setParameter(1, article.id)
                    .executeUpdate());
    Oai record =
        Oai.get("verb", "GetRecord", "identifier", PREFIX + article.id, "metadataPrefix", "oai_dc");
    assertThat(record.text("//o:record/o:header/@status")).isEqualTo("deleted");
    assertThat(record.nodes("//o:record/o:metadata").getLength()).isZero();
    assertThat(record.all("//o:header/o:setSpec")).contains("category:oai-removed");
    assertThat(
            Oai.get("verb", "ListMetadataFormats", "identifier", PREFIX + article.id).errorCode())
        .isEqualTo("noMetadataFormats");
    assertThat(
            Oai.get(
                    "verb",
                    "ListIdentifiers",
                    "metadataPrefix",
                    "oai_dc",
                    "set",
                    "category:oai-removed")
                .text("//o:header/@status"))
        .isEqualTo("deleted");
  }

  @Test
  void hostileTextStaysTextInDublinCore() throws Exception {
    Category category = content.category("OAI Hostile");
    Article article =
        content.publish("oai-hostile", "Text.", category, Instant.parse("2024-06-01T00:00:00Z"));
    String title = "</dc:title><script>alert(1)</script> & ]]> \u0002x";
    content.describe(article.id, title, "<b>excerpt</b>", null, List.of("Ayşe <i>Kaya"));
    Oai record =
        Oai.get("verb", "GetRecord", "identifier", PREFIX + article.id, "metadataPrefix", "oai_dc");
    assertThat(record.text("//dc:title")).isEqualTo("</dc:title><script>alert(1)</script> & ]]> x");
    assertThat(record.all("//dc:creator")).containsExactly("Ayşe <i>Kaya");
    assertThat(record.text("//dc:description")).isEqualTo("<b>excerpt</b>");
  }

  @Test
  void everyErrorOfTheProtocol() throws Exception {
    assertThat(Oai.get().errorCode()).isEqualTo("badVerb");
    assertThat(Oai.get("verb", "Frobnicate").errorCode()).isEqualTo("badVerb");
    assertThat(Oai.get("verb", "Identify", "verb", "Identify").errorCode()).isEqualTo("badVerb");
    Oai bad = Oai.get("verb", "Frobnicate");
    assertThat(bad.nodes("/o:OAI-PMH/o:request/@*").getLength()).as("no echoed arguments").isZero();

    assertThat(Oai.get("verb", "Identify", "set", "x").errorCode()).isEqualTo("badArgument");
    assertThat(Oai.get("verb", "ListRecords").errorCode()).isEqualTo("badArgument");
    assertThat(Oai.get("verb", "GetRecord", "metadataPrefix", "oai_dc").errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "jats")
                .errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get(
                    "verb",
                    "ListRecords",
                    "metadataPrefix",
                    "oai_dc",
                    "from",
                    "2001-01-01",
                    "until",
                    "2001-01-02T00:00:00Z")
                .errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2001-13-01")
                .errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2001-01-01T00:00Z")
                .errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get(
                    "verb",
                    "ListRecords",
                    "metadataPrefix",
                    "oai_dc",
                    "from",
                    "2002-01-01",
                    "until",
                    "2001-01-01")
                .errorCode())
        .isEqualTo("badArgument");
    assertThat(
            Oai.get("verb", "ListRecords", "metadataPrefix", "oai_dc", "resumptionToken", "x")
                .errorCode())
        .isEqualTo("badArgument");

    assertThat(Oai.get("verb", "ListRecords", "resumptionToken", "garbage").errorCode())
        .isEqualTo("badResumptionToken");
    Category category = content.category("OAI Tokens");
    for (int i = 0; i < 4; i++) {
      content.publish("oai-tokens-" + i, "Text.", category, Instant.parse("2024-07-01T00:00:00Z"));
    }
    String token =
        Oai.get("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "category:oai-tokens")
            .text("//o:resumptionToken");
    assertThat(token).isNotEmpty();
    assertThat(Oai.get("verb", "ListIdentifiers", "resumptionToken", token).errorCode()).isEmpty();
    assertThat(Oai.get("verb", "ListRecords", "resumptionToken", token).errorCode())
        .as("a token of another verb")
        .isEqualTo("badResumptionToken");
    String payload = token.substring(0, token.indexOf('.'));
    String forged =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(payload))
                        .replaceAll("\\|4$", "|9")
                        .getBytes())
            + token.substring(token.indexOf('.'));
    assertThat(Oai.get("verb", "ListIdentifiers", "resumptionToken", forged).errorCode())
        .isEqualTo("badResumptionToken");
    assertThat(Oai.get("verb", "ListSets", "resumptionToken", token).errorCode())
        .isEqualTo("badResumptionToken");

    assertThat(Oai.get("verb", "ListRecords", "metadataPrefix", "marc21").errorCode())
        .isEqualTo("cannotDisseminateFormat");
    assertThat(
            Oai.get(
                    "verb",
                    "GetRecord",
                    "identifier",
                    PREFIX + "999999999",
                    "metadataPrefix",
                    "oai_dc")
                .errorCode())
        .isEqualTo("idDoesNotExist");
    assertThat(
            Oai.get(
                    "verb",
                    "GetRecord",
                    "identifier",
                    "oai:elsewhere.org:article/1",
                    "metadataPrefix",
                    "oai_dc")
                .errorCode())
        .isEqualTo("idDoesNotExist");
    assertThat(Oai.get("verb", "ListMetadataFormats", "identifier", "nonsense").errorCode())
        .isEqualTo("idDoesNotExist");
    assertThat(
            Oai.get(
                    "verb",
                    "ListRecords",
                    "metadataPrefix",
                    "oai_dc",
                    "set",
                    "category:no-such-set")
                .errorCode())
        .isEqualTo("noRecordsMatch");
    assertThat(noSetsAnswer()).isEqualTo("noSetHierarchy");
  }

  /** ListSets's answer while no record is in any set (the records' sets put back after). */
  private String noSetsAnswer() throws Exception {
    run(
        "create table oai_test_sets as select article_id, category_id, journal_id from harvest_record");
    try {
      run("update harvest_record set category_id = null, journal_id = null");
      return Oai.get("verb", "ListSets").errorCode();
    } finally {
      run(
          "update harvest_record h set category_id = s.category_id, journal_id = s.journal_id"
              + " from oai_test_sets s where s.article_id = h.article_id");
      run("drop table oai_test_sets");
    }
  }

  private void retract(long id) {
    run("update article set status = 'RETRACTED' where id = " + id);
  }

  private void setDatestamp(long id, Instant at) {
    run("update harvest_record set datestamp = '" + at + "' where article_id = " + id);
  }

  private void run(String sql) {
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery(sql).executeUpdate());
  }

  /** One response, validated against the OAI-PMH and oai_dc schemas when it is read. */
  static final class Oai {

    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private Oai(Response response) throws Exception {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.contentType()).startsWith("text/xml");
      byte[] xml = response.asByteArray();
      if (schema == null) {
        schema =
            XmlSchemas.load(List.of("oai-pmh/OAI-PMH.xsd", "oai-pmh/oai_dc.xsd"), JATS_STAND_IN);
      }
      assertThat(XmlSchemas.errors(schema, xml)).as(new String(xml)).isEmpty();
      document = XmlSchemas.parse(xml);
      xpath.setNamespaceContext(
          new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
              return switch (prefix) {
                case "o" -> OAI;
                case "dc" -> "http://purl.org/dc/elements/1.1/";
                default -> null;
              };
            }

            @Override
            public String getPrefix(String uri) {
              return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
              return null;
            }
          });
    }

    static Oai get(String... pairs) throws Exception {
      StringBuilder query = new StringBuilder();
      for (int i = 0; i < pairs.length; i += 2) {
        query
            .append(i == 0 ? "?" : "&")
            .append(pairs[i])
            .append('=')
            .append(
                java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
      }
      return new Oai(given().urlEncodingEnabled(false).get("/oai" + query));
    }

    static Oai post(String... pairs) throws Exception {
      var request = given().contentType("application/x-www-form-urlencoded");
      for (int i = 0; i < pairs.length; i += 2) {
        request = request.formParam(pairs[i], pairs[i + 1]);
      }
      return new Oai(request.post("/oai"));
    }

    String errorCode() throws Exception {
      return text("/o:OAI-PMH/o:error/@code");
    }

    String text(String path) throws Exception {
      return xpath.evaluate(path, document);
    }

    org.w3c.dom.Node node(String path) throws Exception {
      return (org.w3c.dom.Node) xpath.evaluate(path, document, XPathConstants.NODE);
    }

    NodeList nodes(String path) throws Exception {
      return (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
    }

    List<String> all(String path) throws Exception {
      NodeList nodes = nodes(path);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent());
      }
      return texts;
    }
  }
}
