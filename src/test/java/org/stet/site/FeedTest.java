package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.article.Article;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Atom and RSS feeds of the site and of each listing: what they list, their ids and dates,
 * conditional GET, autodiscovery, the site's feed settings, retraction and hostile text.
 */
@QuarkusTest
class FeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SITE = "http://localhost:8080";

  @Inject TestContent content;
  @Inject TestAccounts accounts;

  @Test
  void theSitesAtomFeedListsTheNewestArticlesWithStableIds() throws Exception {
    Article newest =
        content.publish("feed-newest", "Text.", content.category("Feed News"), Instant.now());
    content.describe(
        newest.id, "Newest <b>news</b> & more", "The excerpt.", null, List.of("Feed Writer"));
    String owner = "feed-owner@stet.test";
    accounts.create(owner, Role.AUTHOR);
    long draft = content.articleInState(owner, org.stet.article.ArticleStatus.DRAFT);

    for (String path : List.of("/feed", "/feed.xml", "/atom.xml")) {
      Response response = given().get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.contentType()).as(path).startsWith("application/atom+xml");
    }
    // Other tests publish articles dated later; the entry is checked in its category's feed
    Document site = xml(given().get("/feed").asByteArray());
    assertThat(site.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(child(site.getDocumentElement(), "title")).isEqualTo("Eurasian Research Institute");
    assertThat(links(site.getDocumentElement()))
        .contains("self " + SITE + "/feed", "alternate " + SITE + "/");
    Document feed = xml(given().get("/categories/feed-news/feed").asByteArray());
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(child(root, "title")).isEqualTo("Feed News | Eurasian Research Institute");
    assertThat(links(root))
        .contains(
            "self " + SITE + "/categories/feed-news/feed",
            "alternate " + SITE + "/categories/feed-news");
    List<Element> entries = children(root, "entry");
    assertThat(entries).hasSizeBetween(1, 20);
    Element first =
        entries.stream()
            .filter(entry -> child(entry, "id").endsWith(":article/" + newest.id))
            .findFirst()
            .orElseThrow();
    assertThat(child(first, "title")).isEqualTo("Newest <b>news</b> & more");
    assertThat(child(first, "id"))
        .matches("tag:localhost,\\d{4}-\\d{2}-\\d{2}:article/" + newest.id);
    assertThat(links(first)).containsExactly("alternate " + SITE + "/articles/feed-newest");
    assertThat(child(first, "summary")).isEqualTo("The excerpt.");
    assertThat(first.getElementsByTagNameNS(ATOM, "content").getLength())
        .as("excerpts by default")
        .isZero();
    assertThat(child((Element) first.getElementsByTagNameNS(ATOM, "author").item(0), "name"))
        .isEqualTo("Feed Writer");
    assertThat(child(root, "updated")).isEqualTo(child(entries.get(0), "updated"));
    List<String> published = new ArrayList<>();
    entries.forEach(entry -> published.add(child(entry, "published")));
    assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(given().get("/feed").asString()).doesNotContain("/articles/" + slug(draft));
    assertThat(children(site.getDocumentElement(), "entry")).hasSizeBetween(1, 20);
  }

  @Test
  void theRssFeedCarriesTheSameEntries() throws Exception {
    content.publish("feed-rss", "Text.", null, Instant.now().minusSeconds(5));
    Response response = given().get("/rss");
    assertThat(response.contentType()).startsWith("application/rss+xml");
    Document rss = xml(response.asByteArray());
    assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    Element channel = (Element) rss.getElementsByTagName("channel").item(0);
    assertThat(child(channel, "link")).isEqualTo(SITE + "/");
    NodeList items = channel.getElementsByTagName("item");
    assertThat(items.getLength()).isBetween(1, 20);
    List<String> guids = new ArrayList<>();
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      guids.add(child(item, "guid"));
      assertThat(
              item.getElementsByTagName("guid")
                  .item(0)
                  .getAttributes()
                  .getNamedItem("isPermaLink")
                  .getNodeValue())
          .isEqualTo("false");
      ZonedDateTime.parse(child(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
    }
    List<String> ids = new ArrayList<>();
    children(xml(given().get("/feed").asByteArray()).getDocumentElement(), "entry")
        .forEach(entry -> ids.add(child(entry, "id")));
    assertThat(guids).isEqualTo(ids);
    assertThat(given().get("/rss.xml").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnchangedFeedAnswers304AndAChangeANewVersion() {
    var category = content.category("Feed Conditional");
    content.publish("feed-conditional", "Text.", category, Instant.parse("2024-05-01T00:00:00Z"));
    String path = "/categories/feed-conditional/feed";
    Response first = given().get(path);
    String etag = first.header("ETag");
    String modified = first.header("Last-Modified");
    assertThat(etag).isNotBlank();
    assertThat(modified).isNotBlank();
    given().header("If-None-Match", etag).get(path).then().statusCode(304);
    given().header("If-Modified-Since", modified).get(path).then().statusCode(304);

    content.publish("feed-changed", "Text.", category, Instant.parse("2024-06-01T00:00:00Z"));
    Response again = given().header("If-None-Match", etag).get(path);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.header("ETag")).isNotEqualTo(etag);
    assertThat(again.asString()).contains("/articles/feed-changed");
  }

  @Test
  void everyListingHasFeedsItsPageNames() throws Exception {
    var category = content.category("Feed Listing");
    Article article =
        content.publish("feed-listing", "Text.", category, Instant.parse("2025-01-02T03:04:05Z"));
    content.tag(article.id, "Feed tag");
    Document seedFeed = null;
    String issue =
        ArticlePageResourceTest.get(ArticlePageResourceTest.SEED)
            .select(".publication-note a")
            .attr("href");
    String journal = issue.substring(0, issue.indexOf("/issues/"));
    for (String page :
        List.of(
            "/",
            "/categories/feed-listing",
            "/tags/feed-tag",
            "/authors/test-author",
            journal,
            issue)) {
      org.jsoup.nodes.Document html = ArticlePageResourceTest.get(page);
      List<String> feeds =
          html.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href");
      String own = page.equals("/") ? "/feed" : page + "/feed";
      assertThat(feeds).as(page).contains(own, "/feed");
      assertThat(html.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
          .as(page)
          .contains(rss(own));
      Response atom = given().accept("application/atom+xml").get(own);
      assertThat(atom.statusCode()).as(own).isEqualTo(200);
      assertThat(given().accept("application/rss+xml").get(rss(own)).statusCode())
          .as(own)
          .isEqualTo(200);
      Document parsed = xml(atom.asByteArray());
      assertThat(links(parsed.getDocumentElement())).as(own).contains("self " + SITE + own);
      if (page.equals(issue)) {
        seedFeed = parsed;
      }
    }
    assertThat(given().get("/categories/feed-listing/feed").asString())
        .contains("/articles/feed-listing");
    assertThat(seedFeed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry").getLength())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/categories/no-such-category/feed",
        "/tags/no-such-tag/rss",
        "/authors/no-such-author/feed",
        "/journals/no-such-journal/feed",
        "/journals/no-such-journal/issues/1/rss",
        "/categories/UPPER/feed"
      })
  void aFeedOfNothingPublicIsNotFound(String path) {
    given().get(path).then().statusCode(404);
  }

  @Test
  void aRetractedArticleLeavesTheFeed() {
    String editor = "feed-editor@stet.test";
    accounts.create(editor, Role.EDITOR);
    Article gone =
        content.publish(
            "feed-retracted",
            "Text.",
            content.category("Feed Retracted"),
            Instant.parse("2024-07-01T00:00:00Z"));
    String path = "/categories/feed-retracted";
    assertThat(given().get(path + "/feed").asString()).contains("/articles/feed-retracted");

    DeskBrowser.api(editor)
        .body(Map.of("action", "RETRACT", "note", "The figures were wrong."))
        .post("/api/v1/articles/" + gone.id + "/transitions")
        .then()
        .statusCode(200);

    assertThat(given().get("/feed").asString()).doesNotContain("/articles/feed-retracted");
    assertThat(given().get("/rss").asString()).doesNotContain("/articles/feed-retracted");
    given().get(path + "/feed").then().statusCode(404);
  }

  @Test
  void adminsChooseHowManyEntriesAndFullTextAndARefusedFormKeepsWhatWasTyped() throws Exception {
    // A category of its own: other tests publish articles dated later than any of these
    var category = content.category("Feed Full");
    content.publish("feed-full-1", "Older.", category, Instant.parse("2024-01-01T00:00:00Z"));
    content.publish("feed-full-2", "Old.", category, Instant.parse("2024-02-01T00:00:00Z"));
    content.publish(
        "feed-full",
        "Full **text** of the article.",
        category,
        Instant.parse("2024-03-01T00:00:00Z"));
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/site");
    Response refused =
        admin.post("/desk/admin/site/feeds", Map.of("entries", "0", "fullText", "true"));
    assertThat(refused.statusCode()).isEqualTo(400);
    org.jsoup.nodes.Document form = Jsoup.parse(refused.asString());
    assertThat(form.select("[role=alert]").text()).contains("1 to 100");
    assertThat(form.select("#entries").val()).isEqualTo("0");
    assertThat(form.select("input[name=fullText][value=true]").hasAttr("checked")).isTrue();

    admin
        .post("/desk/admin/site/feeds", Map.of("entries", "2", "fullText", "true"))
        .then()
        .statusCode(303);
    try {
      Document feed = xml(given().get("/categories/feed-full/feed").asByteArray());
      List<Element> entries = children(feed.getDocumentElement(), "entry");
      assertThat(entries).hasSize(2);
      Element first = entries.get(0);
      assertThat(links(first)).containsExactly("alternate " + SITE + "/articles/feed-full");
      assertThat(child(first, "content")).contains("<strong>text</strong>");
      assertThat(given().get("/categories/feed-full/rss").asString()).contains("<content:encoded>");
    } finally {
      admin.post("/desk/admin/site/feeds", Map.of("entries", "20", "fullText", "false"));
    }
    assertThat(
            children(
                xml(given().get("/categories/feed-full/feed").asByteArray()).getDocumentElement(),
                "entry"))
        .hasSize(3);
  }

  @Test
  void controlCharactersAndMarkupInTitlesKeepTheFeedWellFormed() throws Exception {
    Article hostile =
        content.publish(
            "feed-hostile",
            "Text.",
            content.category("Feed Hostile"),
            Instant.parse("2024-08-01T00:00:00Z"));
    content.describe(
        hostile.id,
        "]]></title><script>alert(1)</script>\u0001\u000b end",
        null,
        null,
        List.of("Feed </name> Writer"));
    for (String path : List.of("/categories/feed-hostile/feed", "/categories/feed-hostile/rss")) {
      String body = given().get(path).asString();
      assertThat(body).doesNotContain("<script>");
      xml(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Element entry =
        children(
                xml(given().get("/categories/feed-hostile/feed").asByteArray())
                    .getDocumentElement(),
                "entry")
            .stream()
            .filter(e -> child(e, "id").endsWith("/" + hostile.id))
            .findFirst()
            .orElseThrow();
    assertThat(child(entry, "title")).isEqualTo("]]></title><script>alert(1)</script> end");
  }

  /** The RSS address beside an Atom one ({@code .../feed}). */
  private static String rss(String atom) {
    return atom.substring(0, atom.length() - "/feed".length()) + "/rss";
  }

  private static String slug(long articleId) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(() -> Article.<Article>findById(articleId).slug);
  }

  private static Document xml(byte[] body) throws Exception {
    return org.stet.XmlSchemas.parse(body);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getLocalName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String child(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getLocalName().equals(name)) {
        return element.getTextContent();
      }
    }
    return null;
  }

  /** "rel href" of each Atom link directly under {@code parent}. */
  private static List<String> links(Element parent) {
    List<String> links = new ArrayList<>();
    for (Element link : children(parent, "link")) {
      links.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
    }
    return links;
  }
}
