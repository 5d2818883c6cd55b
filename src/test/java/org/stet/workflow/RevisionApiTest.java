package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/** Every save is a revision; revisions can be listed, compared word by word and restored. */
@QuarkusTest
class RevisionApiTest {

  @Inject TestAccounts accounts;

  @Test
  void savesMakeRevisionsThatCompareWordByWordAndRestoreAsANewOne() {
    accounts.create("historian@stet.test", Role.AUTHOR);
    RequestSpecification author = DeskBrowser.api("historian@stet.test");
    int id =
        author
            .body(draft("The first wording.", null))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    int version =
        DeskBrowser.api("historian@stet.test")
            .get("/api/v1/articles/" + id)
            .then()
            .extract()
            .path("version");
    version = save(id, "The second wording.", version);
    version = save(id, "The final text.", version);

    List<Integer> numbers =
        DeskBrowser.api("historian@stet.test")
            .get("/api/v1/articles/" + id + "/revisions")
            .then()
            .statusCode(200)
            .extract()
            .path("number");
    assertThat(numbers).containsExactly(1, 2, 3);
    String first =
        DeskBrowser.api("historian@stet.test")
            .get("/api/v1/articles/" + id + "/revisions/1")
            .then()
            .statusCode(200)
            .extract()
            .path("body");
    assertThat(first).isEqualTo("The first wording.");

    JsonPath diff =
        DeskBrowser.api("historian@stet.test")
            .get("/api/v1/articles/" + id + "/diff?from=1&to=3")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(diff.getList("body.op"))
        .containsExactly("EQUAL", "DELETE", "INSERT", "EQUAL", "DELETE", "INSERT", "EQUAL");
    assertThat(diff.getList("body.text"))
        .containsExactly("The ", "first", "final", " ", "wording", "text", ".");

    JsonPath restored =
        DeskBrowser.api("historian@stet.test")
            .body("{\"version\":" + version + "}")
            .post("/api/v1/articles/" + id + "/revisions/1/restore")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(restored.getString("body")).isEqualTo("The first wording.");
    List<Integer> after =
        DeskBrowser.api("historian@stet.test")
            .get("/api/v1/articles/" + id + "/revisions")
            .then()
            .extract()
            .path("number");
    assertThat(after).as("restoring adds a revision, history stays").containsExactly(1, 2, 3, 4);

    DeskBrowser.api("historian@stet.test")
        .body("{\"version\":" + version + "}")
        .post("/api/v1/articles/" + id + "/revisions/2/restore")
        .then()
        .statusCode(409);
  }

  @Test
  void othersSeeNoHistoryAndBadRequestsAreExplained() {
    accounts.create("private-writer@stet.test", Role.AUTHOR);
    accounts.create("curious@stet.test", Role.AUTHOR);
    int id =
        DeskBrowser.api("private-writer@stet.test")
            .body(draft("Private.", null))
            .post("/api/v1/articles")
            .then()
            .extract()
            .path("id");

    DeskBrowser.api("curious@stet.test")
        .get("/api/v1/articles/" + id + "/revisions")
        .then()
        .statusCode(404);
    DeskBrowser.api("curious@stet.test")
        .get("/api/v1/articles/" + id + "/diff?from=1&to=1")
        .then()
        .statusCode(404);
    DeskBrowser.api("curious@stet.test")
        .get("/api/v1/articles/" + id + "/revisions/1")
        .then()
        .statusCode(404);
    DeskBrowser.api("private-writer@stet.test")
        .get("/api/v1/articles/" + id + "/diff")
        .then()
        .statusCode(400);
    DeskBrowser.api("private-writer@stet.test")
        .get("/api/v1/articles/" + id + "/diff?from=1&to=x")
        .then()
        .statusCode(400);
    DeskBrowser.api("private-writer@stet.test")
        .get("/api/v1/articles/" + id + "/revisions/99")
        .then()
        .statusCode(404);
  }

  private int save(int id, String body, int version) {
    return DeskBrowser.api("historian@stet.test")
        .body(draft(body, version))
        .put("/api/v1/articles/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  private static String draft(String body, Integer version) {
    return "{\"title\":\"History\",\"body\":\""
        + body
        + "\""
        + (version == null ? "" : ",\"version\":" + version)
        + "}";
  }
}
