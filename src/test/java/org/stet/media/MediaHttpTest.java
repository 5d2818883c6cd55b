package org.stet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/**
 * Figures: uploaded for an article, checked and served in widths without metadata, shown as
 * numbered figures with srcset, required to have a description before submission, and kept in a
 * library where they are found, replaced everywhere and deleted only when unused.
 */
@QuarkusTest
class MediaHttpTest {

  private static final String AUTHOR = "media-author@stet.test";
  private static final String OTHER = "media-other@stet.test";
  private static final String EDITOR = "media-editor@stet.test";
  private static final String REVIEWER = "media-reviewer@stet.test";

  @Inject TestAccounts accounts;
  @Inject TestContent content;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(OTHER, Role.AUTHOR);
      accounts.create(EDITOR, Role.EDITOR);
      accounts.create(REVIEWER, Role.REVIEWER);
      created = true;
    }
  }

  private static int draft(String title, String body) {
    return DeskBrowser.api(AUTHOR)
        .body(Map.of("title", title, "body", body))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Response upload(String who, int article, String name, byte[] bytes, String alt) {
    return DeskBrowser.apiUpload(who)
        .multiPart("file", name, bytes)
        .multiPart("alt", alt)
        .multiPart("caption", "Rainfall by month")
        .post("/api/v1/articles/" + article + "/media");
  }

  static byte[] image(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, width / 3, height / 3);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  private static String put(int id, String body) {
    Map<String, Object> current =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles/" + id).then().extract().path("$");
    Map<String, Object> json = new HashMap<>();
    json.put("title", current.get("title"));
    json.put("body", body);
    json.put("version", current.get("version"));
    DeskBrowser.api(AUTHOR).body(json).put("/api/v1/articles/" + id).then().statusCode(200);
    return body;
  }

  @Test
  void aFigureIsServedInWidthsWithoutMetadataAndShownNumberedWithItsCaption() throws IOException {
    int id = draft("Media: a figure", "Text.");
    Map<String, Object> json =
        upload(AUTHOR, id, "rainfall.jpg", image(1700, 1000, "jpeg"), "A bar chart of rainfall")
            .then()
            .statusCode(201)
            .extract()
            .path("$");
    String key = (String) json.get("key");
    assertThat(json)
        .containsEntry("url", "/media/" + key)
        .containsEntry("width", 1600)
        .containsEntry("height", 941)
        .containsEntry(
            "markdown", "![A bar chart of rainfall](/media/" + key + " \"Rainfall by month\")");

    Response current = RestAssured.given().redirects().follow(false).get("/media/" + key);
    current.then().statusCode(303);
    String largest = current.header("Location");
    assertThat(largest).matches(".*/media/" + key + "/[0-9a-f]{12}/1600\\.jpg");
    Response served = RestAssured.get(largest);
    served.then().statusCode(200).contentType("image/jpeg");
    assertThat(served.header("Cache-Control")).contains("immutable");
    assertThat(ImageIO.read(new ByteArrayInputStream(served.asByteArray())).getWidth())
        .isEqualTo(1600);
    assertThat(new String(served.asByteArray(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif");

    String body =
        put(
            id,
            "Before.\n\n" + json.get("markdown") + "\n\nAfter, inline ![x](/media/" + key + ").");
    Document preview =
        Jsoup.parseBodyFragment(
            DeskBrowser.api(AUTHOR)
                .body(Map.of("body", body, "article", id))
                .post("/api/v1/preview")
                .then()
                .statusCode(200)
                .extract()
                .path("html"));
    Element figure = preview.selectFirst("figure");
    Element img = figure.selectFirst("img");
    assertThat(img.attr("alt")).isEqualTo("A bar chart of rainfall");
    assertThat(img.attr("srcset")).contains("480w", "800w", "1200w", "1600w");
    assertThat(img.attr("src")).endsWith("/800.jpg");
    assertThat(img.attr("width")).isEqualTo("1600");
    assertThat(img.attr("height")).isEqualTo("941");
    assertThat(img.hasAttr("loading"))
        .as("the first image may be the largest thing seen")
        .isFalse();
    assertThat(figure.select("figcaption").text()).isEqualTo("Figure 1. Rainfall by month");
    assertThat(preview.select("p img").attr("srcset")).contains("480w");
    assertThat(preview.select("p img").attr("loading")).isEqualTo("lazy");

    content.publishNow(id);
    String slug =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles/" + id).then().extract().path("slug");
    Document page = Jsoup.parse(RestAssured.get("/articles/" + slug).asString());
    assertThat(page.select(".article-body figure img").attr("srcset")).contains("1600w");
  }

  @Test
  void anArticleWithAnUndescribedImageCannotBeSubmitted() throws IOException {
    int id = draft("Media: undescribed", "Text.");
    String key =
        upload(AUTHOR, id, "a.png", image(300, 200, "png"), "")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    put(id, "Look:\n\n![](/media/" + key + ")");

    DeskBrowser.api(AUTHOR)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(409)
        .body("message", containsString("an image has no description"));
    put(id, "Look:\n\n![Orange and blue squares](/media/" + key + ")");
    DeskBrowser.api(AUTHOR)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
  }

  @Test
  void uploadsThatAreNotSafeImagesAreRefusedInWords() throws IOException {
    int id = draft("Media: refusals", "Text.");
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    upload(AUTHOR, id, "x.svg", svg.getBytes(StandardCharsets.UTF_8), "x")
        .then()
        .statusCode(400)
        .body("message", containsString("Only JPEG, PNG, WebP and GIF"));
    ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
    polyglot.write(image(50, 50, "jpeg"));
    polyglot.write("PK\u0003\u0004 hidden archive".getBytes(StandardCharsets.ISO_8859_1));
    upload(AUTHOR, id, "p.jpg", polyglot.toByteArray(), "x")
        .then()
        .statusCode(400)
        .body("message", containsString("two files in one"));
    upload(AUTHOR, id, "big.png", new byte[1_500_000], "x")
        .then()
        .statusCode(413)
        .body("message", containsString("largest accepted is 1.0 MB"));
    String gif =
        upload(AUTHOR, id, "chart.gif", image(600, 300, "gif"), "A chart")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    Response current = RestAssured.given().redirects().follow(false).get("/media/" + gif);
    assertThat(current.header("Location")).endsWith("/600.png");
    upload(OTHER, id, "a.png", image(10, 10, "png"), "x").then().statusCode(404);
    upload(REVIEWER, id, "a.png", image(10, 10, "png"), "x").then().statusCode(403);
  }

  @Test
  void theLibraryFindsReplacesEverywhereAndDeletesOnlyWhatNoTextShows() throws IOException {
    int id = draft("Media: library", "Text.");
    Map<String, Object> json =
        upload(AUTHOR, id, "harbour-view.png", image(900, 600, "png"), "The harbour")
            .then()
            .statusCode(201)
            .extract()
            .path("$");
    String key = (String) json.get("key");
    put(id, "See:\n\n![The harbour](/media/" + key + ")");
    content.publishNow(id);
    String slug =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles/" + id).then().extract().path("slug");
    String before =
        Jsoup.parse(RestAssured.get("/articles/" + slug).asString())
            .select("figure img")
            .attr("src");
    assertThat(before).endsWith("/800.png");

    DeskBrowser editor = DeskBrowser.signedIn(EDITOR, TestAccounts.PASSWORD);
    Document library = Jsoup.parse(editor.get("/desk/media?q=HARBOUR").asString());
    assertThat(library.select(".media-grid li")).hasSize(1);
    assertThat(library.select(".media-grid li").text())
        .contains("harbour-view.png", "Shown in: Media: library");
    assertThat(library.select("form[action$=/delete]")).isEmpty();
    assertThat(
            Jsoup.parse(editor.get("/desk/media?q=nothing-like-this").asString())
                .select(".media-grid li"))
        .isEmpty();

    Response refused = editor.post("/desk/media/" + key + "/delete", Map.of("confirmed", "yes"));
    refused.then().statusCode(409);
    assertThat(Jsoup.parse(refused.asString()).select(".error-box").text())
        .contains("still shown in 1 article");

    editor
        .upload(
            "/desk/media/" + key + "/replace",
            Map.of(),
            "file",
            "new.png",
            image(1000, 500, "png"),
            "image/png")
        .then()
        .statusCode(303);
    String after =
        Jsoup.parse(RestAssured.get("/articles/" + slug).asString())
            .select("figure img")
            .attr("src");
    assertThat(after).isNotEqualTo(before).endsWith("/800.png");
    RestAssured.get(before).then().statusCode(404);
    RestAssured.get(after).then().statusCode(200).contentType("image/png");

    DeskBrowser.signedIn(OTHER, TestAccounts.PASSWORD)
        .post("/desk/media/" + key + "/delete", Map.of("confirmed", "yes"))
        .then()
        .statusCode(403);
    content.setBody(id, "The figure was taken out.");
    editor
        .post("/desk/media/" + key + "/delete", Map.of("confirmed", "yes"))
        .then()
        .statusCode(303);
    RestAssured.given().redirects().follow(false).get("/media/" + key).then().statusCode(404);
    assertThat(accounts.auditActions("media " + key))
        .containsExactly("MEDIA_ADDED", "MEDIA_REPLACED", "MEDIA_DELETED");
  }
}
