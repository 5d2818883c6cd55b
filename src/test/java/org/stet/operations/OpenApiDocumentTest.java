package org.stet.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the JSON API and nothing else, and describes it for people: every
 * operation has a tag, a summary of several words that is not its method's name, a description, and
 * the error body of each refusal with an example; the workflow's actions are named.
 */
@QuarkusTest
class OpenApiDocumentTest {

  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @TestHTTPResource(value = "/", management = true)
  URL management;

  private JsonPath document() {
    return given()
        .accept("application/json")
        .get(java.net.URI.create(management + "/").resolve("openapi").toString())
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void onlyTheJsonApiIsDescribed() {
    Map<String, Object> paths = document().getMap("paths");
    assertThat(paths).isNotEmpty();
    assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(paths.keySet())
        .contains(
            "/api/v1/articles",
            "/api/v1/articles/{id}/transitions",
            "/api/v1/me/tokens",
            "/api/v1/journals/{slug}/issues/{number}/crossref.xml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationIsDescribedInWordsWithItsRefusals() {
    JsonPath document = document();
    Map<String, Map<String, Object>> paths = document.getMap("paths");
    List<String> undescribed = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
      for (String method : METHODS) {
        Map<String, Object> operation = (Map<String, Object>) path.getValue().get(method);
        if (operation == null) {
          continue;
        }
        String where = method.toUpperCase() + " " + path.getKey();
        String summary = (String) operation.get("summary");
        String description = (String) operation.get("description");
        List<String> tags = (List<String>) operation.get("tags");
        if (summary == null
            || summary.split(" ").length < 2
            || !Character.isUpperCase(summary.charAt(0))
            || description == null
            || description.length() < 30
            || tags == null
            || tags.isEmpty()) {
          undescribed.add(where + ": " + summary);
        }
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        assertThat(responses).as(where).containsKeys("400", "401", "403", "404", "409");
        Map<String, Object> forbidden = (Map<String, Object>) responses.get("403");
        assertThat(forbidden.toString()).as(where).contains("#/components/schemas/Problem");
      }
    }
    assertThat(undescribed).as("operations without a real summary, description or tag").isEmpty();
    assertThat(document.getMap("components.schemas.Problem.properties"))
        .containsKeys("message", "status");
    assertThat(document.getString("components.securitySchemes.token.scheme")).isEqualTo("bearer");
    assertThat(document.getString("info.description")).contains("Authorization: Bearer stet_");
  }

  @Test
  void theWorkflowActionsAndTheirRefusalsAreNamed() {
    String transition =
        document().getString("paths.'/api/v1/articles/{id}/transitions'.post.description");
    assertThat(transition)
        .contains("SUBMIT", "ACCEPT", "PUBLISH", "SCHEDULE", "RETRACT", "WITHDRAW", "409");
    assertThat(
            document()
                .getString(
                    "paths.'/api/v1/articles/{id}/transitions'.post.requestBody.content.'application/json'.examples"))
        .contains("SUBMIT");
  }
}
