package org.stet.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;
import org.stet.identity.Account;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.search.SearchContent.Draft;

/**
 * The readers' search ({@code /search}, {@code /api/v1/search}) and the desk's: ranking, syntax,
 * filters, pages, who finds what, freshness after each change, and bad input. Each test searches
 * for words of its own, so tests sharing the database do not see each other's articles.
 */
@QuarkusTest
class SearchTest {

  private static final Instant JAN = Instant.parse("2024-01-10T10:00:00Z");

  @Inject SearchContent content;
  @Inject TestAccounts accounts;

  @Test
  void titleRanksAboveExcerptAboveNamesAboveBodyAndTheNewestWinsTies() {
    long body = content.write(Draft.published("Plain one", "About zorblax here.", at(9)));
    long names = content.write(Draft.published("Plain two", "Text.", at(8)).tagged("Zorblax"));
    long excerpt =
        content.write(Draft.published("Plain three", "Text.", at(7)).excerpt("A zorblax story."));
    long oldTitle = content.write(Draft.published("Zorblax old", "Text.", at(1)));
    long newTitle = content.write(Draft.published("Zorblax new", "Text.", at(2)));

    assertThat(ids(search("zorblax"))).containsExactly(newTitle, oldTitle, excerpt, names, body);
    assertThat(ids(search("zorblax&order=newest")))
        .containsExactly(body, names, excerpt, newTitle, oldTitle);
  }

  @Test
  void phrasesExclusionsOrAccentsCaseAndStemmingWorkAsPeopleExpect() {
    long phrase =
        content.write(Draft.published("Qwyth pipelines", "The qwyth pipelines run east.", at(1)));
    long apart =
        content.write(Draft.published("Pipelines", "Qwyth ports and other pipelines.", at(2)));
    long accented = content.write(Draft.published("Café Qwyth Müller", "Crème brûlée.", at(3)));

    assertThat(ids(search("%22qwyth%20pipelines%22"))).containsExactly(phrase);
    assertThat(ids(search("qwyth%20pipeline"))).containsExactlyInAnyOrder(phrase, apart);
    assertThat(ids(search("qwyth%20-ports"))).containsExactlyInAnyOrder(phrase, accented);
    assertThat(ids(search("QWYTH%20cafe%20muller"))).containsExactly(accented);
    assertThat(ids(search("qwyth%20creme%20OR%20ports")))
        .containsExactlyInAnyOrder(accented, apart);
  }

  @Test
  void authorNamesAndTagsTypedWholeMatchEvenWhenTheirWordsAreTooCommon() {
    long byThem = content.write(Draft.published("Songs", "Text.", at(1)).by("The Who"));
    long tagged = content.write(Draft.published("Code", "Text.", at(2)).tagged("To Be"));

    assertThat(ids(search("the%20who"))).contains(byThem);
    assertThat(ids(search("To%20be"))).contains(tagged);
    JsonPath common = search("the%20of%20and");
    assertThat(common.getList("hits")).isEmpty();
    assertThat(common.getBoolean("onlyCommonWords")).isTrue();
  }

  @Test
  void aSearchThatFindsNothingSuggestsSimilarWordsThatDo() {
    content.write(Draft.published("Xylographic archipelagos", "Text.", at(1)));
    JsonPath nothing = search("xylographic%20archipelagas");
    assertThat(nothing.getList("hits")).isEmpty();
    assertThat(nothing.getString("suggestion")).isEqualTo("xylographic archipelagos");
    given()
        .queryParam("q", "xylographic archipelagas")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString("Did you mean"))
        .body(containsString("href=\"/search?q=xylographic+archipelagos\""));
  }

  @Test
  void filtersNarrowByCategoryTagAuthorAndYears() {
    long a =
        content.write(
            Draft.published("Vorpal one", "Text.", Instant.parse("2021-05-01T00:00:00Z"))
                .in("Vorpal Studies")
                .tagged("Vorpal tag")
                .by("Vorpal Writer"));
    long b =
        content.write(
            Draft.published("Vorpal two", "Text.", Instant.parse("2023-05-01T00:00:00Z")));

    assertThat(ids(search("vorpal&category=vorpal-studies"))).containsExactly(a);
    assertThat(ids(search("vorpal&tag=vorpal-tag"))).containsExactly(a);
    assertThat(ids(search("vorpal&author=vorpal-writer"))).containsExactly(a);
    assertThat(ids(search("vorpal&from=2022"))).containsExactly(b);
    assertThat(ids(search("vorpal&from=2020&to=2021"))).containsExactly(a);
    given().get("/search?q=vorpal&from=2024&to=2020").then().statusCode(400);
    given().get("/search?q=vorpal&from=twenty").then().statusCode(400);
    given().get("/search?q=vorpal&order=best").then().statusCode(400);
    given().get("/search?q=vorpal&issue=3").then().statusCode(400);
    given().get("/search?q=vorpal&tag=Not%20a%20slug").then().statusCode(400);
    given()
        .get("/search?q=vorpal&tag=vorpal-tag")
        .then()
        .statusCode(200)
        .body(containsString("Tag: Vorpal tag"));
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeatsAndCountsStopAtAThousand() {
    content.many("Quillet", 45);
    List<Long> seen = new ArrayList<>();
    JsonPath page = search("quillet");
    assertThat(page.getLong("count")).isEqualTo(45);
    int pages = 0;
    while (true) {
      pages++;
      seen.addAll(ids(page));
      String next = page.getString("next");
      if (next == null) {
        break;
      }
      page = search("quillet&after=" + next);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(45).doesNotHaveDuplicates();
    given().get("/api/v1/search?q=quillet&after=nonsense").then().statusCode(400);

    content.many("Bramblet", SearchResults.COUNTED + 1);
    JsonPath many = search("bramblet");
    assertThat(many.getBoolean("moreThanCount")).isTrue();
    assertThat(many.getLong("count")).isEqualTo(SearchResults.COUNTED);
    given()
        .get("/search?q=bramblet")
        .then()
        .statusCode(200)
        .body(containsString("More than 1,000 articles"))
        .body(containsString("rel=\"next\""));
  }

  @Test
  void readersFindOnlyPublishedArticlesAndTheDeskOnlyWhatEachMayOpen() {
    String editor = "search-editor@stet.test";
    String author = "search-author@stet.test";
    String other = "search-other@stet.test";
    String reviewer = "search-reviewer@stet.test";
    accounts.create(editor, Role.EDITOR);
    Account writer = accounts.create(author, Role.AUTHOR);
    accounts.create(other, Role.AUTHOR);
    Account asked = accounts.create(reviewer, Role.REVIEWER);
    long draft =
        content.write(
            Draft.published("Glimmerwick draft", "Text.", null)
                .as(ArticleStatus.DRAFT)
                .by("Glimmerwick Writer"));
    content.addAuthor(draft, writer.person);
    long reviewed =
        content.write(
            Draft.published("Glimmerwick submitted", "Text.", null)
                .as(ArticleStatus.IN_REVIEW)
                .by("Hidden Glimmerwick"));
    content.askToReview(reviewed, asked.id, "DOUBLE");
    long published = content.write(Draft.published("Glimmerwick shown", "Text.", at(1)));

    assertThat(ids(search("glimmerwick"))).containsExactly(published);
    assertThat(deskIds(editor, "glimmerwick"))
        .containsExactlyInAnyOrder(draft, reviewed, published);
    assertThat(deskIds(author, "glimmerwick")).containsExactly(draft);
    assertThat(deskIds(other, "glimmerwick")).isEmpty();
    assertThat(deskIds(reviewer, "glimmerwick")).containsExactly(reviewed);
    JsonPath anonymous =
        DeskBrowser.api(reviewer).get("/api/v1/desk/search?q=glimmerwick").jsonPath();
    assertThat(anonymous.getList("hits[0].authors")).as("anonymous to the reviewer").isEmpty();
    assertThat(deskIds(reviewer, "hidden"))
        .as("an anonymous review is not found by its authors' names")
        .isEmpty();
    assertThat(deskIds(editor, "%23" + draft)).contains(draft);
    given().get("/api/v1/desk/search?q=glimmerwick").then().statusCode(401);
  }

  @Test
  void theDeskSearchPageAndTheQueueFindWordsOfTheText() {
    String editor = "search-desk-editor@stet.test";
    accounts.create(editor, Role.EDITOR);
    long id =
        content.write(
            Draft.published("Plain desk title", "A body of marmalising words.", null)
                .as(ArticleStatus.SUBMITTED));
    DeskBrowser desk = DeskBrowser.signedIn(editor, TestAccounts.PASSWORD);
    desk.get("/desk/search?q=marmalising")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/desk/articles/" + id + "\""))
        .body(containsString("<mark>marmalising</mark>"));
    desk.get("/desk/queue?q=marmalising")
        .then()
        .statusCode(200)
        .body(containsString("href=\"/desk/articles/" + id + "\""));
    desk.get("/desk/search?q=" + "word ".repeat(60)).then().statusCode(400);
    desk.get("/desk/search?q=marmalising&after=nonsense").then().statusCode(400);
  }

  @Test
  void theIndexFollowsPublicationRetractionCorrectionAndRenames() {
    long id =
        content.write(
            Draft.published("Frindle report", "Old words.", at(1))
                .as(ArticleStatus.SCHEDULED)
                .by("Frindle Person")
                .tagged("Frindle tag")
                .in("Frindle category"));
    assertThat(ids(search("frindle"))).doesNotContain(id);
    content.setStatus(id, ArticleStatus.PUBLISHED);
    assertThat(ids(search("frindle"))).contains(id);

    content.setBody(id, "Corrected text about snorkelweed.");
    assertThat(ids(search("snorkelweed"))).containsExactly(id);
    assertThat(ids(search("frindle%20old"))).doesNotContain(id);

    content.renamePerson("Frindle Person", "Wobbegong Person");
    content.renameTag("Frindle tag", "Quokkaberry tag");
    content.renameCategory("Frindle category", "Pangolinish category");
    assertThat(ids(search("wobbegong"))).containsExactly(id);
    assertThat(ids(search("quokkaberry"))).containsExactly(id);
    assertThat(ids(search("pangolinish"))).containsExactly(id);

    content.setStatus(id, ArticleStatus.RETRACTED);
    assertThat(ids(search("snorkelweed"))).isEmpty();
  }

  @Test
  void badInputIsAnsweredInWordsAndNeverBreaksTheSearch() {
    long id =
        content.write(
            Draft.published("Gallimaufry notes", "Gallimaufry text 5 < 6 & <b>bold</b>.", at(1)));
    given().get("/search").then().statusCode(200).body(containsString("id=\"q\""));
    given().get("/search?q=").then().statusCode(200).body(not(containsString("found for “")));
    String tooLong = "a".repeat(10_000);
    given()
        .get("/search?q=" + tooLong)
        .then()
        .statusCode(400)
        .body(containsString("at most " + SearchText.MAX_WORDS + " words"));
    given().get("/api/v1/search?q=" + "a%20OR%20".repeat(1_000) + "x").then().statusCode(400);
    for (String odd :
        List.of(
            "%22gallimaufry",
            "gallimaufry%00%01%1F",
            "gallimaufry%20%26%20%7C%20!%20%3C-%3E%20%3A*%20(%20)",
            "gallimaufry%5C")) {
      assertThat(ids(search(odd))).as(odd).contains(id);
    }
    assertThat(ids(search("gallimaufry'%3B%20drop%20table%20article%3B%20--")))
        .as("SQL is words like any other: all of them must match")
        .isEmpty();
    assertThat(ids(search("gallimaufry"))).containsExactly(id);
    given()
        .queryParam("q", "<script>alert(1)</script>")
        .get("/search")
        .then()
        .statusCode(200)
        .body(not(containsString("<script>alert")))
        .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    given()
        .get("/search?q=gallimaufry")
        .then()
        .statusCode(200)
        .body(containsString("<mark>Gallimaufry</mark> text 5 &lt; 6 &amp;"))
        .body(not(containsString("<b>bold")));
  }

  @Test
  void theSearchPageAndEveryPageOfferTheSearchToReadersAndBrowsers() {
    content.write(
        Draft.published("Snickersnee matters", "Snickersnee matters.", at(1)).by("Snick Author"));
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(
            containsString(
                "<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\""))
        .body(containsString("rel=\"search\" type=\"application/opensearchdescription+xml\""));
    given()
        .get("/search?q=snickersnee")
        .then()
        .statusCode(200)
        .body(containsString("1 article found for “snickersnee”"))
        .body(containsString("<mark>Snickersnee</mark> matters"))
        .body(containsString("href=\"/authors/snick-author\""));
    String description =
        given()
            .get("/opensearch.xml")
            .then()
            .statusCode(200)
            .contentType("application/opensearchdescription+xml")
            .extract()
            .asString();
    assertThat(description)
        .contains("xmlns=\"http://a9.com/-/spec/opensearch/1.1/\"")
        .contains("template=\"http://localhost:8080/search?q={searchTerms}\"");
  }

  private static Instant at(int days) {
    return JAN.plusSeconds(86_400L * days);
  }

  private static JsonPath search(String query) {
    return given()
        .urlEncodingEnabled(false)
        .get("/api/v1/search?q=" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<Long> ids(JsonPath page) {
    return page.getList("hits.id", Long.class);
  }

  private static List<Long> deskIds(String email, String query) {
    return DeskBrowser.api(email)
        .urlEncodingEnabled(false)
        .get("/api/v1/desk/search?q=" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("hits.id", Long.class);
  }
}
