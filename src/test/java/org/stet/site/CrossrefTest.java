package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.NamespaceContext;
import javax.xml.validation.Schema;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stet.XmlSchemas;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;
import org.w3c.dom.NodeList;

/**
 * DOIs and Crossref deposits: journals' DOI settings, DOIs given when articles enter an issue or
 * typed by hand, deposit XML valid against Crossref's schema 5.3.1 (with its W3C imports read from
 * {@code ../shared/schemas/crossref}), one bad record left out and named instead of sinking the
 * batch, and direct deposits to a local stand-in for Crossref that records what it is sent.
 */
@QuarkusTest
@QuarkusTestResource(CrossrefStub.class)
class CrossrefTest {

  private static final AtomicInteger JOURNALS = new AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicBoolean EDITOR_MADE =
      new java.util.concurrent.atomic.AtomicBoolean();
  private static final String SITE = "http://localhost:8080";

  @Inject TestContent content;
  @Inject TestAccounts accounts;

  private String editorCookie;

  @AfterEach
  void succeedAgain() {
    CrossrefStub.succeed();
  }

  @Test
  void anIssueIsDepositedAsValidCrossrefXmlWithTheArticleWithABadOrcidLeftOutAndNamed()
      throws Exception {
    String journal = journal(true);
    Article first = article(journal, "Pipelines & <Power>", List.of("Meta Alma Nurlanova"));
    content.cite(
        first.id,
        List.of(
            Map.of(
                "id", "akulov",
                "type", "article-journal",
                "title", "Prospects for the Caspian",
                "author", List.of(Map.of("family", "Akulov", "given", "Alexander")),
                "container-title", "Central Asia and the Caucasus",
                "issued", Map.of("date-parts", List.of(List.of(2015))),
                "DOI", "10.1234/cac.2015.7"),
            Map.of(
                "id", "report",
                "type", "report",
                "title", "Energy outlook",
                "author", List.of(Map.of("literal", "Steppe Institute")),
                "issued", Map.of("date-parts", List.of(List.of(2016))))),
        null);
    Article second = article(journal, "Ports of the Caspian", List.of("Dana Kemel"));
    Article bad = article(journal, "Bad iD", List.of("Badorcid Bolat Sarsenov"));
    place(journal, first.id, second.id, bad.id);

    Response response = api().accept("application/xml").get(issuePath(journal) + "/crossref.xml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/xml");
    assertThat(response.header("Content-Disposition")).contains("crossref-" + journal + "-1.xml");
    assertThat(response.header("Stet-Left-Out")).isEqualTo(String.valueOf(bad.id));
    byte[] xml = response.asByteArray();
    assertThat(XmlSchemas.errors(crossref(), xml)).isEmpty();

    Xml deposit = new Xml(xml);
    assertThat(deposit.text("/cr:doi_batch/@version")).isEqualTo("5.3.1");
    assertThat(deposit.text("//cr:head/cr:doi_batch_id")).startsWith("stet-" + journal + "-1-");
    assertThat(deposit.text("//cr:depositor/cr:depositor_name")).isEqualTo("Desk <Office>");
    assertThat(deposit.text("//cr:depositor/cr:email_address")).isEqualTo("doi@stet.test");
    assertThat(deposit.text("//cr:head/cr:registrant")).isEqualTo("Steppe Press & Co");
    assertThat(deposit.text("//cr:journal_metadata/cr:full_title")).startsWith("Crossref Journal");
    assertThat(deposit.text("//cr:journal_metadata/cr:issn[@media_type='print']"))
        .isEqualTo("2049-3630");
    assertThat(deposit.text("//cr:journal_issue/cr:journal_volume/cr:volume")).isEqualTo("3");
    assertThat(deposit.text("//cr:journal_issue/cr:issue")).isEqualTo("1");
    assertThat(deposit.text("//cr:journal_issue/cr:publication_date/cr:month")).isEqualTo("06");
    assertThat(deposit.all("//cr:journal_article/cr:titles/cr:title"))
        .containsExactly("Pipelines & <Power>", "Ports of the Caspian");
    String article = "//cr:journal_article[1]";
    assertThat(deposit.text(article + "//cr:person_name/@sequence")).isEqualTo("first");
    assertThat(deposit.text(article + "//cr:person_name/cr:given_name")).isEqualTo("Meta Alma");
    assertThat(deposit.text(article + "//cr:person_name/cr:surname")).isEqualTo("Nurlanova");
    assertThat(deposit.text(article + "//cr:ORCID"))
        .isEqualTo("https://orcid.org/0000-0002-1825-0097");
    assertThat(deposit.text(article + "//cr:ORCID/@authenticated")).isEqualTo("false");
    assertThat(deposit.text(article + "//cr:institution/cr:institution_name"))
        .isEqualTo("Institute of <Caspian> & \"Steppe\" Studies");
    assertThat(deposit.text(article + "/jats:abstract/jats:p"))
        .isEqualTo("About Pipelines & <Power>.");
    assertThat(deposit.text(article + "/cr:publication_date/cr:day")).isEqualTo("14");
    assertThat(deposit.text(article + "/cr:doi_data/cr:doi"))
        .isEqualTo("10.5555/" + journal + ".2025." + first.id);
    assertThat(deposit.text(article + "/cr:doi_data/cr:resource"))
        .isEqualTo(SITE + "/articles/" + first.slug);
    assertThat(deposit.all(article + "//cr:citation/@key")).containsExactly("ref-1", "ref-2");
    assertThat(deposit.text(article + "//cr:citation[@key='ref-1']/cr:doi"))
        .isEqualTo("10.1234/cac.2015.7");
    assertThat(deposit.text(article + "//cr:citation[@key='ref-2']/cr:unstructured_citation"))
        .contains("Energy outlook")
        .contains("Steppe Institute");
    assertThat(deposit.all("//cr:journal_article//cr:surname")).doesNotContain("Sarsenov");

    Response report = api().get(issuePath(journal) + "/crossref");
    assertThat(report.statusCode()).isEqualTo(200);
    List<Map<String, Object>> rows = report.jsonPath().getList("articles");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).get("problem").toString())
        .contains("ORCID iD of Badorcid Bolat Sarsenov")
        .contains("0000-0002-1825-0098");
    assertThat(rows.get(0).get("problem")).isNull();
  }

  @Test
  void theSchemaCheckIsRealAnEmptySuffixFailsIt() throws Exception {
    String journal = journal(true);
    Article article = article(journal, "Valid once", List.of("Dana Kemel"));
    place(journal, article.id);
    String xml =
        api().accept("application/xml").get(issuePath(journal) + "/crossref.xml").asString();
    String broken = xml.replaceFirst("<doi>10\\.5555/[^<]+</doi>", "<doi>10.5555/</doi>");
    assertThat(broken).isNotEqualTo(xml);
    assertThat(XmlSchemas.errors(crossref(), broken.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void aDoiIsShownAsALinkCanBeTypedByHandAndNeverChangesOnceDeposited() throws Exception {
    String journal = journal(true);
    Article article = article(journal, "Registered", List.of("Dana Kemel"));
    Article other = article(journal, "Another", List.of("Dana Kemel"));
    place(journal, article.id, other.id);
    String assigned = "10.5555/" + journal + ".2025." + article.id;
    Document page = ArticlePageResourceTest.get("/articles/" + article.slug);
    assertThat(page.selectFirst("p.doi a").attr("href")).isEqualTo("https://doi.org/" + assigned);
    assertThat(page.select("meta[name=citation_doi]").attr("content")).isEqualTo(assigned);

    for (String[] refused :
        new String[][] {
          {"10.5555/", "no suffix"},
          {"10.5555/two words", "character Crossref does not accept"},
          {"10.5555/a<b>", "character Crossref does not accept"},
          {"10.55/abc", "is not a DOI"},
          {"hello", "is not a DOI"}
        }) {
      Response response = setDoi(article.id, refused[0]);
      assertThat(response.statusCode()).as(refused[0]).isEqualTo(400);
      assertThat(response.asString()).as(refused[0]).contains(refused[1]);
    }
    assertThat(setDoi(article.id, assigned.replace(String.valueOf(article.id), "x")).statusCode())
        .isEqualTo(200);
    Response taken =
        setDoi(other.id, "https://doi.org/" + assigned.replace(String.valueOf(article.id), "X"));
    assertThat(taken.statusCode()).as("DOIs are compared without case").isEqualTo(409);
    assertThat(taken.asString()).contains("article " + article.id);
    Response hand = setDoi(article.id, "https://doi.org/10.5555/Hand.Made(1)");
    assertThat(hand.statusCode()).isEqualTo(200);
    assertThat(hand.jsonPath().getString("doi")).isEqualTo("10.5555/Hand.Made(1)");

    CrossrefStub.received.clear();
    Response deposit = api().post(issuePath(journal) + "/crossref/deposits");
    assertThat(deposit.statusCode()).isEqualTo(200);
    assertThat(deposit.jsonPath().getBoolean("accepted")).isTrue();
    assertThat(deposit.jsonPath().getString("answer"))
        .isEqualTo("SUCCESS SUCCESS Your batch submission was successfully received.");
    assertThat(CrossrefStub.received).hasSize(1);
    CrossrefStub.Received sent = CrossrefStub.received.get(0);
    assertThat(sent.contentType()).startsWith("multipart/form-data; boundary=");
    String body = sent.text();
    assertThat(body)
        .contains("name=\"operation\"\r\n\r\ndoMDUpload\r\n")
        .contains("name=\"login_id\"\r\n\r\n" + CrossrefStub.USERNAME + "\r\n")
        .contains("name=\"login_passwd\"\r\n\r\n" + CrossrefStub.PASSWORD + "\r\n")
        .contains("name=\"fname\"; filename=\"crossref-" + journal + "-1.xml\"")
        .contains("<doi>10.5555/Hand.Made(1)</doi>");
    String file = body.substring(body.indexOf("<?xml"), body.lastIndexOf("</doi_batch>") + 12);
    assertThat(XmlSchemas.errors(crossref(), file.getBytes(StandardCharsets.UTF_8))).isEmpty();

    Response fixed = setDoi(article.id, "10.5555/another");
    assertThat(fixed.statusCode()).isEqualTo(409);
    assertThat(fixed.asString()).contains("registered with Crossref").contains("never changes");
    assertThat(setDoi(article.id, "").statusCode()).as("nor is it taken away").isEqualTo(409);
    List<Map<String, Object>> deposits =
        api().get(issuePath(journal) + "/crossref").jsonPath().getList("deposits");
    assertThat(deposits).hasSize(1);
    assertThat(deposits.get(0).get("accepted")).isEqualTo(true);
  }

  @Test
  void aDepositCrossrefRefusesIsKeptWithItsAnswerAndFixesNothing() throws Exception {
    String journal = journal(true);
    Article article = article(journal, "Refused", List.of("Dana Kemel"));
    place(journal, article.id);
    CrossrefStub.answer(401, "<html><body><p>FAILURE: wrong login</p></body></html>");
    Response deposit = api().post(issuePath(journal) + "/crossref/deposits");
    assertThat(deposit.statusCode()).isEqualTo(200);
    assertThat(deposit.jsonPath().getBoolean("accepted")).isFalse();
    assertThat(deposit.jsonPath().getInt("status")).isEqualTo(401);
    assertThat(deposit.jsonPath().getString("answer")).isEqualTo("FAILURE: wrong login");
    assertThat(setDoi(article.id, "10.5555/still-free").statusCode())
        .as("a refused deposit fixes no DOI")
        .isEqualTo(200);
  }

  @Test
  void journalDoiSettingsAreCheckedAndExportsNeedThem() {
    String journal = journal(false);
    for (String[] refused :
        new String[][] {
          {"\"doiPrefix\":\"11.5555\"", "is not a DOI prefix"},
          {"\"doiPrefix\":\"10.5555\",\"doiSuffixPattern\":\"{journal}.{year}\"", "needs {id}"},
          {"\"doiPrefix\":\"10.5555\",\"doiSuffixPattern\":\"{author}.{id}\"", "names {author}"},
          {"\"doiPrefix\":\"10.5555\",\"doiSuffixPattern\":\"a b.{id}\"", "only letters"},
          {"\"depositorEmail\":\"nobody\"", "is not an e-mail address"},
          {"\"issn\":\"1234-5678\"", "is not a valid print ISSN"}
        }) {
      Response response =
          api()
              .body("{\"name\":\"Crossref Journal " + journal + "\"," + refused[0] + "}")
              .put("/api/v1/journals/" + journal);
      assertThat(response.statusCode()).as(refused[0]).isEqualTo(400);
      assertThat(response.asString()).as(refused[0]).contains(refused[1]);
    }
    Article article = article(journal, "Waiting", List.of("Dana Kemel"));
    place(journal, article.id);
    Response noSettings = api().accept("application/xml").get(issuePath(journal) + "/crossref.xml");
    assertThat(noSettings.statusCode()).isEqualTo(409);
    assertThat(noSettings.asString()).contains("needs a DOI prefix and a depositor");
    Response noDoi = api().post(issuePath(journal) + "/dois");
    assertThat(noDoi.statusCode()).isEqualTo(409);
    assertThat(noDoi.asString()).contains("has no DOI prefix yet");

    Response saved =
        api()
            .body(
                "{\"name\":\"Crossref Journal "
                    + journal
                    + "\",\"eissn\":\"2049-3630\",\"doiPrefix\":\"10.5555/\","
                    + "\"doiSuffixPattern\":\"cj.v{volume}i{issue}.{id}\","
                    + "\"depositorName\":\"Office\",\"depositorEmail\":\"doi@stet.test\"}")
            .put("/api/v1/journals/" + journal);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.jsonPath().getString("doiPrefix")).isEqualTo("10.5555");
    assertThat(saved.jsonPath().getString("eissn")).isEqualTo("2049-3630");
    Response assigned = api().post(issuePath(journal) + "/dois");
    assertThat(assigned.statusCode()).isEqualTo(200);
    assertThat(assigned.jsonPath().getInt("assigned")).isEqualTo(1);
    assertThat(content.doiOf(article.id)).isEqualTo("10.5555/cj.v3i1." + article.id);

    Article blogPost =
        content.publish(
            "crossref-blog-" + journal, "Text.", null, Instant.parse("2025-06-14T09:00:00Z"));
    Response notInIssue =
        api().accept("application/xml").get("/api/v1/articles/" + blogPost.id + "/crossref.xml");
    assertThat(notInIssue.statusCode()).isEqualTo(409);
    assertThat(notInIssue.asString()).contains("in no journal issue");
    assertThat(
            api()
                .accept("application/xml")
                .get("/api/v1/articles/99999999/crossref.xml")
                .statusCode())
        .isEqualTo(404);
    Response single =
        api().accept("application/xml").get("/api/v1/articles/" + article.id + "/crossref.xml");
    assertThat(single.statusCode()).isEqualTo(200);
    assertThat(XmlSchemas.errors(crossref(), single.asByteArray())).isEmpty();

    accounts.create("crossref-author-" + journal + "@stet.test", Role.AUTHOR);
    assertThat(
            DeskBrowser.api("crossref-author-" + journal + "@stet.test")
                .accept("application/xml")
                .get("/api/v1/articles/" + article.id + "/crossref.xml")
                .statusCode())
        .isEqualTo(403);
    assertThat(given().get(issuePath(journal) + "/crossref.xml").statusCode()).isEqualTo(401);
  }

  @Test
  void editorsWorkWithDoisAndDepositsOnTheDesk() throws Exception {
    String journal = journal(true);
    Article article = article(journal, "On the desk", List.of("Dana Kemel"));
    DeskBrowser editor = DeskBrowser.signedIn(editor(), TestAccounts.PASSWORD);
    Response details =
        editor.post(
            "/desk/journals/" + journal + "/details",
            Map.of(
                "printIssn", "2049-3630",
                "publisher", "Steppe Press & Co",
                "doiPrefix", "10.5555",
                "doiSuffixPattern", "{journal}-{id}",
                "depositorName", "Desk <Office>",
                "depositorEmail", "doi@stet.test"));
    assertThat(details.statusCode()).isEqualTo(303);
    Document journalPage = Jsoup.parse(editor.get(details.header("Location")).asString());
    assertThat(journalPage.selectFirst(".notice").text()).startsWith("Saved.");
    assertThat(journalPage.selectFirst("#doiSuffixPattern").val()).isEqualTo("{journal}-{id}");
    assertThat(journalPage.text()).contains("{journal}.{year}.{id}");
    Response badPattern =
        editor.post(
            "/desk/journals/" + journal + "/details",
            Map.of("doiPrefix", "10.5555", "doiSuffixPattern", "{journal}"));
    assertThat(badPattern.statusCode()).isEqualTo(400);
    Document refused = Jsoup.parse(badPattern.asString());
    assertThat(refused.selectFirst(".error-box").text()).contains("needs {id}");
    assertThat(refused.selectFirst("#doiSuffixPattern").val()).isEqualTo("{journal}");

    content.placeWithoutDoi(article.id, journal, 1);
    String base = issuePath(journal).replace("/api/v1", "/desk") + "/crossref";
    Document page = Jsoup.parse(editor.get(base).asString());
    assertThat(page.select("tbody tr")).hasSize(1);
    assertThat(page.selectFirst("tbody tr").text()).contains("Not ready: it has no DOI yet.");
    Response assign = editor.post(base + "/dois", Map.of());
    assertThat(assign.statusCode()).isEqualTo(303);
    page = Jsoup.parse(editor.get(assign.header("Location")).asString());
    assertThat(page.selectFirst(".notice").text()).isEqualTo("1 article got its DOI.");
    assertThat(page.selectFirst("#doi-" + article.id).val())
        .isEqualTo("10.5555/" + journal + "-" + article.id);
    assertThat(page.selectFirst("tbody tr").text()).contains("Ready");

    Response typedBadly =
        editor.post(base + "/articles/" + article.id + "/doi", Map.of("doi", "10.5555/a b"));
    assertThat(typedBadly.statusCode()).isEqualTo(400);
    Document typed = Jsoup.parse(typedBadly.asString());
    assertThat(typed.selectFirst(".error-box").text())
        .contains("character Crossref does not accept");
    assertThat(typed.selectFirst("#doi-" + article.id).val()).isEqualTo("10.5555/a b");

    Response asked = editor.askFirst(base + "/deposits", Map.of());
    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(asked.asString()).selectFirst("h1").text())
        .isEqualTo("Deposit issue No. 1 with Crossref?");
    Response deposited = editor.post(base + "/deposits", Map.of("confirmed", "yes"));
    assertThat(deposited.statusCode()).isEqualTo(303);
    assertThat(deposited.header("Location")).endsWith("?deposit=taken");
    page = Jsoup.parse(editor.get(deposited.header("Location")).asString());
    assertThat(page.selectFirst(".notice").text()).startsWith("Crossref took the deposit.");
    assertThat(page.selectFirst("tbody tr").text()).contains("Registered");
    assertThat(page.select("#doi-" + article.id))
        .as("a registered DOI is no longer a field")
        .isEmpty();
    assertThat(page.select("table").last().text()).contains("Taken");

    Response download = editor.get(base + "/deposit.xml");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(XmlSchemas.errors(crossref(), download.asByteArray())).isEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Schema crossref() {
    return XmlSchemas.crossref("5.3.1");
  }

  /** A new journal with issue No. 1 (volume 3, June 2025); with {@code doi}, its DOI settings. */
  private String journal(boolean doi) {
    String name = "Crossref Journal " + JOURNALS.incrementAndGet() + " " + System.nanoTime();
    String slug =
        api()
            .body("{\"name\":\"" + name + "\"}")
            .post("/api/v1/journals")
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    if (doi) {
      api()
          .body(
              "{\"name\":\""
                  + name
                  + "\",\"issn\":\"2049-3630\",\"publisher\":\"Steppe Press & Co\","
                  + "\"doiPrefix\":\"10.5555\",\"depositorName\":\"Desk <Office>\","
                  + "\"depositorEmail\":\"doi@stet.test\"}")
          .put("/api/v1/journals/" + slug)
          .then()
          .statusCode(200);
    }
    api()
        .body("{\"number\":1,\"volume\":3,\"year\":2025,\"month\":6,\"status\":\"PUBLISHED\"}")
        .post("/api/v1/journals/" + slug + "/issues")
        .then()
        .statusCode(201);
    return slug;
  }

  private Article article(String journal, String title, List<String> authors) {
    Article article =
        content.publish(
            "cr-" + journal + "-" + System.nanoTime(),
            "Text of " + title + ".",
            null,
            Instant.parse("2025-06-14T09:00:00Z"));
    content.describe(article.id, title, "About " + title + ".", null, authors);
    return article;
  }

  /** The issue's contents: these articles, in order (DOIs are given as they enter). */
  private void place(String journal, Long... ids) {
    api()
        .body(Map.of("articleIds", List.of(ids)))
        .put("/api/v1/journals/" + journal + "/issues/1/contents")
        .then()
        .statusCode(200);
  }

  private Response setDoi(long articleId, String doi) {
    return api().body(Map.of("doi", doi)).put("/api/v1/articles/" + articleId + "/doi");
  }

  private static String issuePath(String journal) {
    return "/api/v1/journals/" + journal + "/issues/1";
  }

  private String editor() {
    String email = "crossref-editor@stet.test";
    if (!EDITOR_MADE.getAndSet(true)) {
      accounts.create(email, Role.EDITOR);
    }
    return email;
  }

  private RequestSpecification api() {
    if (editorCookie == null) {
      editorCookie =
          DeskBrowser.signedIn(editor(), TestAccounts.PASSWORD).cookie(SessionCookie.NAME);
    }
    return given()
        .cookie(SessionCookie.NAME, editorCookie)
        .header("Origin", DeskBrowser.origin())
        .contentType("application/json")
        .accept("application/json");
  }

  /**
   * A deposit read with XPath, Crossref's elements under {@code cr:}, JATS's under {@code jats:}.
   */
  static final class Xml {
    private final org.w3c.dom.Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    Xml(byte[] xml) throws Exception {
      document = XmlSchemas.parse(xml);
      xpath.setNamespaceContext(
          new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
              return switch (prefix) {
                case "cr" -> "http://www.crossref.org/schema/5.3.1";
                case "jats" -> "http://www.ncbi.nlm.nih.gov/JATS1";
                default -> null;
              };
            }

            @Override
            public String getPrefix(String namespaceUri) {
              return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceUri) {
              return null;
            }
          });
    }

    String text(String expression) throws Exception {
      return xpath.evaluate(expression, document);
    }

    List<String> all(String expression) throws Exception {
      NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        values.add(nodes.item(i).getTextContent());
      }
      return values;
    }
  }
}
