package org.stet.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The authors index, {@code /authors}, and which people have an author page. */
@QuarkusTest
class AuthorsIndexTest {

  @Inject TestContent content;

  @Test
  void theIndexListsEveryAuthorOnceInNameOrderPageByPageBothWays() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    List<String> mine = new ArrayList<>();
    for (String letter : List.of("D", "B", "A", "C")) {
      content.person("Index " + tag + " " + letter, true);
    }
    content.person("Index " + tag + " E unpublished", false);
    for (String letter : List.of("A", "B", "C", "D")) {
      mine.add("Index " + tag + " " + letter);
    }

    List<String> forward = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    String next = "/authors";
    while (next != null) {
      Document page = page(next);
      pages.add(next);
      List<String> names = page.select(".author-index a").eachText();
      assertThat(names).hasSizeLessThanOrEqualTo(3);
      forward.addAll(names);
      Element link = page.selectFirst(".pager a[rel=next]");
      next = link == null ? null : link.attr("href");
    }
    assertThat(forward).containsSubsequence(mine).doesNotHaveDuplicates();
    assertThat(forward).doesNotContain("Index " + tag + " E unpublished");
    assertThat(forward).contains("Lidiya Parkhomchik");

    List<String> backward = new ArrayList<>();
    String previous = pages.get(pages.size() - 1);
    while (previous != null) {
      Document page = page(previous);
      List<String> names = new ArrayList<>(page.select(".author-index a").eachText());
      Collections.reverse(names);
      backward.addAll(names);
      Element link = page.selectFirst(".pager a[rel=prev]");
      previous = link == null ? null : link.attr("href");
    }
    Collections.reverse(backward);
    assertThat(backward).isEqualTo(forward);
  }

  @Test
  void peopleWithoutAPublishedArticleHaveNoAuthorPage() {
    String unpublished = content.person("Reviewer " + UUID.randomUUID(), false);
    given().get("/authors/" + unpublished).then().statusCode(404);
    String published = content.person("Writer " + UUID.randomUUID(), true);
    assertThat(page("/authors/" + published).selectFirst("h1").text()).startsWith("Writer ");
  }

  @Test
  void mangledPageLinksAre400AndUnknownOnes404() {
    given().get("/authors?after=abc").then().statusCode(400);
    given().get("/authors?after=1&before=2").then().statusCode(400);
    given().get("/authors?after=999999999999").then().statusCode(404);
  }

  private static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
