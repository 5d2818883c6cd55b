package org.stet.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** Object checks on drafts: an author never reads or changes another author's draft. */
@QuarkusTest
class ArticleApiResourceTest {

  @Inject TestAccounts accounts;

  @Test
  void authorsReadAndEditOnlyTheirOwnDrafts() {
    accounts.create("owner@stet.test", Role.AUTHOR);
    accounts.create("other@stet.test", Role.AUTHOR);
    RequestSpecification owner = DeskBrowser.api("owner@stet.test");
    RequestSpecification other = DeskBrowser.api("other@stet.test");

    int id =
        owner
            .body("{\"title\":\"My draft\",\"body\":\"Secret *text*.\"}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    DeskBrowser.api("owner@stet.test").get("/api/v1/articles/" + id).then().statusCode(200);
    other.get("/api/v1/articles/" + id).then().statusCode(404);
    DeskBrowser.api("other@stet.test")
        .body("{\"title\":\"Hijacked\",\"body\":\"x\",\"version\":0}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(404);
    String title =
        DeskBrowser.api("owner@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("title");
    assertThat(title).isEqualTo("My draft");
  }

  @Test
  void guessingIdsRevealsNothingOfOthersArticles() {
    accounts.create("prober@stet.test", Role.AUTHOR);
    RequestSpecification owner = DeskBrowser.api(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    accounts.create("victim@stet.test", Role.AUTHOR);
    int id =
        DeskBrowser.api("victim@stet.test")
            .body("{\"title\":\"Victim's draft\",\"body\":\"x\"}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    for (int guess = 1; guess <= id + 5; guess++) {
      DeskBrowser.api("prober@stet.test").get("/api/v1/articles/" + guess).then().statusCode(404);
    }
    // Admins see every article.
    owner.get("/api/v1/articles/" + id).then().statusCode(200);
  }

  @Test
  void editorsReadAnyArticleButLeaveDraftsToTheirAuthors() {
    accounts.create("drafter@stet.test", Role.AUTHOR);
    accounts.create("desk-editor@stet.test", Role.EDITOR);
    int id =
        DeskBrowser.api("drafter@stet.test")
            .body("{\"title\":\"For the editor\",\"body\":\"x\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");

    DeskBrowser.api("desk-editor@stet.test").get("/api/v1/articles/" + id).then().statusCode(200);
    DeskBrowser.api("desk-editor@stet.test")
        .body("{\"title\":\"Edited by editor\"}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(409)
        .body("message", org.hamcrest.Matchers.containsString("copy-edit it once it is accepted"));
  }

  @Test
  void fieldsOutsideTheDraftTextAreRefusedNotAssigned() {
    accounts.create("sneaky@stet.test", Role.AUTHOR);
    int id =
        DeskBrowser.api("sneaky@stet.test")
            .body("{\"title\":\"Plain\",\"body\":\"x\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");

    for (String extra :
        new String[] {
          "\"status\":\"PUBLISHED\"",
          "\"authors\":[1]",
          "\"id\":1",
          "\"viewCount\":5",
          "\"issue\":14"
        }) {
      DeskBrowser.api("sneaky@stet.test")
          .body("{\"title\":\"Plain\"," + extra + "}")
          .put("/api/v1/articles/" + id)
          .then()
          .statusCode(400);
    }
    String status =
        DeskBrowser.api("sneaky@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("status");
    assertThat(status).isEqualTo("DRAFT");
  }

  @Test
  void authorsSetCategoryTagsAndCoAuthorsWhoThenShareTheDraft() {
    accounts.create("lead@stet.test", Role.AUTHOR);
    accounts.create("co@stet.test", Role.AUTHOR);
    accounts.create("not-an-author@stet.test", Role.REVIEWER);
    int id =
        DeskBrowser.api("lead@stet.test")
            .body(
                "{\"title\":\"Shared\",\"body\":\"x\",\"tags\":[\"Energy\",\"energy\",\"Oil\"],"
                    + "\"coAuthors\":[\"co@stet.test\"]}")
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    var read = DeskBrowser.api("co@stet.test").get("/api/v1/articles/" + id).then().statusCode(200);
    assertThat(read.extract().jsonPath().getList("authors"))
        .containsExactly("User lead", "User co");
    assertThat(read.extract().jsonPath().getList("tags")).containsExactly("Energy", "Oil");

    long version = read.extract().jsonPath().getLong("version");
    DeskBrowser.api("lead@stet.test")
        .body(
            "{\"title\":\"Shared\",\"version\":"
                + version
                + ",\"coAuthors\":[\"not-an-author@stet.test\"]}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("no author account"));
    DeskBrowser.api("lead@stet.test")
        .body("{\"title\":\"Shared\",\"version\":" + version + ",\"category\":\"no-such\"}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("no category"));
    DeskBrowser.api("co@stet.test")
        .body("{\"title\":\"Shared, edited\",\"body\":\"y\",\"version\":" + version + "}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200);
    assertThat(
            DeskBrowser.api("lead@stet.test")
                .get("/api/v1/articles/" + id)
                .then()
                .extract()
                .jsonPath()
                .getList("authors"))
        .as("refused saves changed nothing; a save without co-authors keeps them")
        .containsExactly("User lead", "User co");
  }

  @Test
  void autosavesWithTheReturnedVersionNeverConflict() {
    accounts.create("autosaver@stet.test", Role.AUTHOR);
    int id =
        DeskBrowser.api("autosaver@stet.test")
            .body("{\"title\":\"Autosaved\",\"body\":\"v1\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    int version =
        DeskBrowser.api("autosaver@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("version");

    for (int i = 2; i <= 4; i++) {
      version =
          DeskBrowser.api("autosaver@stet.test")
              .body("{\"title\":\"Autosaved\",\"body\":\"v" + i + "\",\"version\":" + version + "}")
              .put("/api/v1/articles/" + id)
              .then()
              .statusCode(200)
              .extract()
              .path("version");
    }
    String body =
        DeskBrowser.api("autosaver@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("body");
    assertThat(body).isEqualTo("v4");
  }

  @Test
  void aStaleSaveIsRefusedWithWhoSavedAndBothTextsKept() {
    accounts.create("first-writer@stet.test", Role.AUTHOR);
    int id =
        DeskBrowser.api("first-writer@stet.test")
            .body("{\"title\":\"Shared\",\"body\":\"original\"}")
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");
    int opened =
        DeskBrowser.api("first-writer@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("version");
    DeskBrowser.api("first-writer@stet.test")
        .body("{\"title\":\"Shared\",\"body\":\"saved in another tab\",\"version\":" + opened + "}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200);

    var conflict =
        DeskBrowser.api("first-writer@stet.test")
            .body("{\"title\":\"Shared\",\"body\":\"my careful edit\",\"version\":" + opened + "}")
            .put("/api/v1/articles/" + id)
            .then()
            .statusCode(409)
            .extract()
            .jsonPath();

    assertThat(conflict.getString("message")).startsWith("User first-writer saved this draft at ");
    assertThat(conflict.getString("yours.body")).isEqualTo("my careful edit");
    assertThat(conflict.getString("current.body")).isEqualTo("saved in another tab");
    assertThat(conflict.getString("current.savedBy")).isEqualTo("User first-writer");
    String stored =
        DeskBrowser.api("first-writer@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("body");
    assertThat(stored).isEqualTo("saved in another tab");
    DeskBrowser.api("first-writer@stet.test")
        .body("{\"title\":\"Shared\",\"body\":\"no version\"}")
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(400);
  }

  @Test
  void badDraftsGetClearErrors() {
    accounts.create("careless@stet.test", Role.AUTHOR);

    DeskBrowser.api("careless@stet.test")
        .body("{\"body\":\"no title\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(400);
    DeskBrowser.api("careless@stet.test")
        .body("{\"title\":\"a\\u0000b\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(400);
    DeskBrowser.api("careless@stet.test")
        .body("{not json")
        .post("/api/v1/articles")
        .then()
        .statusCode(400);
    DeskBrowser.api("careless@stet.test")
        .body("{\"title\":\"Huge\",\"body\":\"" + "x".repeat(1_000_001) + "\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(413);
    DeskBrowser.api("careless@stet.test").get("/api/v1/articles/abc").then().statusCode(404);
    given()
        .contentType("application/json")
        .body("{\"title\":\"x\"}")
        .post("/api/v1/articles")
        .then()
        .statusCode(401);
  }
}
