package org.stet.sample;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SampleContentDisabledTest.Disabled.class)
class SampleContentDisabledTest {

  public static class Disabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("stet.sample-content.enabled", "false");
    }
  }

  @Test
  void anEmptySiteStartsEmptyAndSaysSo() {
    Document home = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());

    assertThat(home.select(".article-list li")).isEmpty();
    assertThat(home.select("main p").eachText()).contains("No articles here yet.");
    assertThat(home.title()).isEqualTo("Stet");
    given()
        .get("/articles/russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration")
        .then()
        .statusCode(404);
  }
}
