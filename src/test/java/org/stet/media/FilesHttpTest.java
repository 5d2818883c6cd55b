package org.stet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stet.SharedFixtures;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/**
 * Files with an article: attached through the API and the desk, each kind told from its bytes and
 * checked, refused in words when unsafe or too large, private until publication, then served at the
 * article's own address with the right type, disposition and ETag, and listed on its page.
 */
@QuarkusTest
class FilesHttpTest {

  private static final String AUTHOR = "files-author@stet.test";
  private static final String OTHER = "files-other@stet.test";
  private static final String EDITOR = "files-editor@stet.test";
  private static final String REVIEWER = "files-reviewer@stet.test";

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

  private static int draft(String title) {
    return DeskBrowser.api(AUTHOR)
        .body(Map.of("title", title, "body", "Text."))
        .post("/api/v1/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Response attach(String who, int article, String name, byte[] bytes, String label) {
    RequestSpecification request = DeskBrowser.apiUpload(who).multiPart("file", name, bytes);
    if (label != null) {
      request = request.multiPart("label", label);
    }
    return request.post("/api/v1/articles/" + article + "/files");
  }

  static byte[] pdf(java.util.function.Consumer<PDDocument> change) {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      change.accept(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void aPdfIsPrivateUntilPublicationThenServedAtTheArticlesAddress() {
    int id = draft("Files: the full text");
    byte[] pdf = pdf(document -> {});
    Map<String, Object> json =
        attach(AUTHOR, id, "paper.pdf", pdf, "Full text")
            .then()
            .statusCode(201)
            .extract()
            .path("$");

    assertThat(json)
        .containsEntry("name", "full-text.pdf")
        .containsEntry("kind", "PDF")
        .containsEntry("contentType", "application/pdf")
        .containsEntry("size", pdf.length);
    String url = (String) json.get("url");
    assertThat(url).matches("/articles/[a-z0-9-]+/files/full-text\\.pdf");
    assertThat((String) json.get("markdown")).isEqualTo("[Full text](" + url + ")");
    RestAssured.get(url).then().statusCode(404);

    content.publishNow(id);
    Response served = RestAssured.get(url);
    served.then().statusCode(200).contentType("application/pdf");
    assertThat(served.asByteArray()).isEqualTo(pdf);
    assertThat(served.header("Content-Disposition"))
        .isEqualTo("inline; filename=\"full-text.pdf\"");
    String etag = served.header("ETag");
    assertThat(etag).matches("\"[0-9a-f]{64}\"");
    RestAssured.given().header("If-None-Match", etag).get(url).then().statusCode(304);

    Document page =
        Jsoup.parse(RestAssured.get(url.substring(0, url.indexOf("/files/"))).asString());
    assertThat(page.select("section.downloads a").attr("href")).isEqualTo(url);
    assertThat(page.select("section.downloads li").text())
        .isEqualTo("Download PDF (Full text, PDF, " + Sizes.words(pdf.length) + ")");
    assertThat(page.select("head meta[name=citation_pdf_url]").eachAttr("content"))
        .as("Google Scholar's full text is the PDF under the article's address")
        .containsExactly("http://localhost:8080" + url);
  }

  @Test
  void unsafeOrDamagedFilesAreRefusedInWordsAndNothingIsStored() throws IOException {
    int id = draft("Files: refusals");
    byte[] encrypted =
        pdf(
            document -> {
              try {
                document.protect(
                    new StandardProtectionPolicy("owner", "user", new AccessPermission()));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    byte[] scripted =
        pdf(
            document ->
                document
                    .getDocumentCatalog()
                    .setOpenAction(new PDActionJavaScript("app.alert(1)")));
    byte[] launching =
        pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionLaunch()));

    attach(AUTHOR, id, "a.pdf", encrypted, "Locked")
        .then()
        .statusCode(400)
        .body("message", containsString("password-protected"));
    attach(AUTHOR, id, "b.pdf", scripted, "Scripted")
        .then()
        .statusCode(400)
        .body("message", containsString("contains JavaScript"));
    attach(AUTHOR, id, "c.pdf", launching, "Launching")
        .then()
        .statusCode(400)
        .body("message", containsString("launches programs"));
    attach(AUTHOR, id, "d.pdf", "%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII), "Fake")
        .then()
        .statusCode(400)
        .body("message", containsString("damaged or not really a PDF"));
    attach(AUTHOR, id, "tool.exe", new byte[] {0x4d, 0x5a, 0, 0, 3}, "Program")
        .then()
        .statusCode(400)
        .body("message", containsString("Only PDF, CSV, Excel"));
    attach(AUTHOR, id, "bomb.zip", zip(Map.of("zeros.bin", new byte[21 * 1024 * 1024])), "Bomb")
        .then()
        .statusCode(413)
        .body("message", containsString("zip bomb"));
    attach(
            AUTHOR,
            id,
            "report.docm",
            zip(
                Map.of(
                    "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                    "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8),
                    "word/vbaProject.bin", new byte[] {1, 2, 3})),
            "Macros")
        .then()
        .statusCode(400)
        .body("message", containsString("contains macros"));
    attach(AUTHOR, id, "escape.zip", zip(Map.of("../../etc/passwd", new byte[] {1})), "Escape")
        .then()
        .statusCode(400)
        .body("message", containsString("a path outside it"));
    attach(AUTHOR, id, "big.csv", new byte[3 * 1024 * 1024], "Big")
        .then()
        .statusCode(413)
        .body("message", containsString("files can be at most 2 MB"));
    attach(AUTHOR, id, "data.csv", "a,b\n\u00ff".getBytes(StandardCharsets.ISO_8859_1), "Latin-1")
        .then()
        .statusCode(400)
        .body("message", containsString("not UTF-8 text"));
    attach(AUTHOR, id, "ok.pdf", pdf(document -> {}), null)
        .then()
        .statusCode(400)
        .body("message", containsString("Give the file a label"));
    attach(AUTHOR, id, "../ok.pdf", pdf(document -> {}), "Path")
        .then()
        .statusCode(400)
        .body("message", containsString("not a plain file name"));

    assertThat(files(AUTHOR, id)).isEmpty();
  }

  @Test
  void everyKindIsToldFromItsBytesAndLargeFilesSurviveTheChunks() throws IOException {
    int id = draft("Files: kinds");
    byte[] docx =
        Files.readAllBytes(SharedFixtures.require("fixtures/docx/sample-report.pandoc.docx"));
    byte[] xlsx =
        zip(
            Map.of(
                "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8)));
    StringBuilder csv = new StringBuilder("year,value\n");
    while (csv.length() < 1_500_000) {
      csv.append("2017,").append(csv.length()).append(",Łódź\n");
    }
    byte[] csvBytes = csv.toString().getBytes(StandardCharsets.UTF_8);

    attach(AUTHOR, id, "report.docx", docx, "Manuscript")
        .then()
        .statusCode(201)
        .body("kind", org.hamcrest.Matchers.equalTo("Word document"));
    attach(AUTHOR, id, "sheet.xlsx", xlsx, "Tables")
        .then()
        .statusCode(201)
        .body("kind", org.hamcrest.Matchers.equalTo("Excel workbook"));
    attach(AUTHOR, id, "data.csv", csvBytes, "Survey data")
        .then()
        .statusCode(201)
        .body("name", org.hamcrest.Matchers.equalTo("survey-data.csv"));
    attach(AUTHOR, id, "more.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), "Survey data")
        .then()
        .statusCode(201)
        .body("name", org.hamcrest.Matchers.equalTo("survey-data-2.csv"));
    attach(AUTHOR, id, "all.zip", zip(Map.of("a.txt", new byte[] {'a'})), "Everything")
        .then()
        .statusCode(201)
        .body("kind", org.hamcrest.Matchers.equalTo("ZIP archive"));

    content.publishNow(id);
    String url = (String) files(AUTHOR, id).get(2).get("url");
    Response served = RestAssured.get(url);
    served.then().statusCode(200).contentType("text/csv");
    assertThat(served.header("Content-Disposition")).startsWith("attachment;");
    assertThat(served.asByteArray()).isEqualTo(csvBytes);
  }

  @Test
  void onlyTheArticlesAuthorsWhileTheyCanEditAndEditorsChangeItsFiles() {
    int id = draft("Files: who");
    byte[] pdf = pdf(document -> {});

    attach(OTHER, id, "x.pdf", pdf, "Theirs").then().statusCode(404);
    DeskBrowser.api(OTHER).get("/api/v1/articles/" + id + "/files").then().statusCode(404);
    attach(REVIEWER, id, "x.pdf", pdf, "Reviewer's").then().statusCode(403);
    attach(AUTHOR, id, "x.pdf", pdf, "Mine").then().statusCode(201);
    DeskBrowser.api(OTHER)
        .delete("/api/v1/articles/" + id + "/files/mine.pdf")
        .then()
        .statusCode(404);

    DeskBrowser.api(AUTHOR)
        .body(Map.of("action", "SUBMIT"))
        .post("/api/v1/articles/" + id + "/transitions")
        .then()
        .statusCode(200);
    attach(AUTHOR, id, "y.pdf", pdf, "Late")
        .then()
        .statusCode(409)
        .body("message", containsString("while it is a draft or revisions are requested"));
    attach(EDITOR, id, "y.pdf", pdf, "Editor's PDF").then().statusCode(201);
    DeskBrowser.api(EDITOR)
        .delete("/api/v1/articles/" + id + "/files/mine.pdf")
        .then()
        .statusCode(204);
    assertThat(files(EDITOR, id))
        .extracting(file -> file.get("name"))
        .containsExactly("editor-s-pdf.pdf");
  }

  @Test
  void theDeskAttachesListsAndRemovesAndKeepsTheLabelOnARefusal() {
    int id = draft("Files: desk");
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    String path = "/desk/articles/" + id + "/files";

    Response refused =
        author.upload(
            path,
            Map.of("label", "Typed label"),
            "file",
            "x.exe",
            new byte[] {1, 2},
            "application/octet-stream");
    refused.then().statusCode(400);
    Document again = Jsoup.parse(refused.asString());
    assertThat(again.select("#upload-error").text()).contains("Only PDF, CSV, Excel");
    assertThat(again.select("#label").attr("value")).isEqualTo("Typed label");

    author
        .upload(
            path,
            Map.of("label", "Full text"),
            "file",
            "paper.pdf",
            pdf(d -> {}),
            "application/pdf")
        .then()
        .statusCode(303);
    Document page = Jsoup.parse(author.get(path + "?done=added").asString());
    assertThat(page.select("p.notice").text()).startsWith("File attached.");
    assertThat(page.select("table.grid tbody tr td").eachText()).contains("Full text", "PDF");

    author.post(path + "/full-text.pdf/remove", Map.of("confirmed", "yes")).then().statusCode(303);
    assertThat(files(AUTHOR, id)).isEmpty();
    assertThat(accounts.auditActions("article " + id))
        .containsExactly("FILE_ADDED", "FILE_REMOVED");
  }

  @Test
  void filesOfArticlesReadersCannotSeeAreNotFound() {
    int id = draft("Files: hidden");
    attach(AUTHOR, id, "x.pdf", pdf(d -> {}), "Hidden").then().statusCode(201);
    String slug =
        DeskBrowser.api(AUTHOR).get("/api/v1/articles/" + id).then().extract().path("slug");

    RestAssured.get("/articles/" + slug + "/files/hidden.pdf").then().statusCode(404);
    RestAssured.get("/articles/" + slug + "/files/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
    RestAssured.get("/articles/nothing-here/files/hidden.pdf").then().statusCode(404);
  }

  private static List<Map<String, Object>> files(String who, int id) {
    return DeskBrowser.api(who)
        .get("/api/v1/articles/" + id + "/files")
        .then()
        .statusCode(200)
        .extract()
        .path("$");
  }
}
