package org.stet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stet.SharedFixtures;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.TestAccounts;

/**
 * Word manuscripts written by pandoc and by LibreOffice become drafts that say what {@code
 * report.md} says; a new version of a draft comes from Word too; what Markdown cannot hold is
 * listed; files that are not safe .docx files are refused in words.
 */
@QuarkusTest
class WordImportTest {

  private static final String AUTHOR = "word-author@stet.test";
  private static final String OTHER = "word-other@stet.test";

  @Inject TestAccounts accounts;

  private static boolean created;

  @BeforeEach
  void accounts() {
    if (!created) {
      accounts.create(AUTHOR, Role.AUTHOR);
      accounts.create(OTHER, Role.AUTHOR);
      created = true;
    }
  }

  private static Response importNew(String who, String name, byte[] bytes) {
    return DeskBrowser.apiUpload(who)
        .multiPart("file", name, bytes)
        .post("/api/v1/articles/import");
  }

  private static byte[] fixture(String writer) throws IOException {
    return Files.readAllBytes(
        SharedFixtures.require("fixtures/docx/sample-report." + writer + ".docx"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pandoc", "libreoffice"})
  void aManuscriptBecomesTheDraftItsMarkdownSourceDescribes(String writer) throws IOException {
    Map<String, Object> json =
        importNew(AUTHOR, "report.docx", fixture(writer))
            .then()
            .statusCode(201)
            .extract()
            .path("$");

    assertThat(json.get("title"))
        .isEqualTo("Water Allocation in the Syr Darya Basin: Options for 2030");
    assertThat((List<?>) json.get("warnings")).isEmpty();
    String body = (String) json.get("body");
    assertThat(body)
        .contains("# Introduction")
        .contains("The Syr Darya basin feeds **four countries** and _millions_ of farmers.")
        .contains("## Current arrangements")
        .contains("- the 1998 framework agreement on the use of water and energy resources;")
        .contains(
            "> “Water is the one resource the region cannot import.” — a senior official, 2024")
        .contains("| Country | Share of flow (%) | Irrigated area (kha) |")
        .contains("|---|---:|---:|")
        .contains("| Kyrgyzstan | 74 | 1,021 |")
        .contains("1. Restore the barter scheme with market prices.[^2]")
        .contains("See the [ICWC portal](https://www.icwc-aral.uz/) for the data.")
        .contains("[^1]: Based on the Interstate Commission’s 2023 yearbook.")
        .contains("[^2]: An option first proposed in 2005 and never implemented.")
        .doesNotContain("Aigerim Seitkali")
        .doesNotContain("stet-docx-image");
    assertThat(body)
        .containsPattern(
            "!\\[Figure 1\\. Seasonal release and demand, schematic\\.\\]\\(/media/[A-Za-z0-9_-]{22}"
                + " \"Seasonal release and demand, schematic\\.\"\\)");

    int id = (Integer) json.get("id");
    Document preview =
        Jsoup.parseBodyFragment(
            DeskBrowser.api(AUTHOR)
                .body(Map.of("body", body, "article", id))
                .post("/api/v1/preview")
                .then()
                .statusCode(200)
                .extract()
                .path("html"));
    // The figure is 240 pixels wide: served at its own width, never enlarged.
    assertThat(preview.select("figure img").attr("srcset")).endsWith("/240.png 240w");
    assertThat(preview.select("figure figcaption").text())
        .isEqualTo("Figure 1. Seasonal release and demand, schematic.");
    assertThat(preview.select("ol.footnotes li").eachAttr("id")).containsExactly("fn-1", "fn-2");
    assertThat(preview.select("table td[align=right]").eachText()).contains("74", "1,021");
  }

  @Test
  void aNewVersionComesFromWordOnlyFromTheVersionSeenAndOnlyForOwnDrafts() throws IOException {
    Map<String, Object> draft =
        DeskBrowser.api(AUTHOR)
            .body(Map.of("title", "My working title", "body", "Old text."))
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("$");
    int id = (Integer) draft.get("id");
    String version = String.valueOf(draft.get("version"));
    byte[] docx = fixture("pandoc");

    DeskBrowser.apiUpload(OTHER)
        .multiPart("file", "r.docx", docx)
        .multiPart("version", version)
        .post("/api/v1/articles/" + id + "/import")
        .then()
        .statusCode(404);
    Map<String, Object> json =
        DeskBrowser.apiUpload(AUTHOR)
            .multiPart("file", "r.docx", docx)
            .multiPart("version", version)
            .post("/api/v1/articles/" + id + "/import")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat((String) json.get("body")).contains("# Introduction");
    List<Map<String, Object>> revisions =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + id + "/revisions")
            .then()
            .extract()
            .path("$");
    assertThat(revisions).hasSize(2);
    String old =
        DeskBrowser.api(AUTHOR)
            .get("/api/v1/articles/" + id + "/revisions/1")
            .then()
            .extract()
            .path("body");
    assertThat(old).isEqualTo("Old text.");

    DeskBrowser.apiUpload(AUTHOR)
        .multiPart("file", "r.docx", docx)
        .multiPart("version", version)
        .post("/api/v1/articles/" + id + "/import")
        .then()
        .statusCode(409);
  }

  @Test
  void whatMarkdownCannotHoldIsListed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("Plain text survives.");
      XWPFParagraph changed = document.createParagraph();
      changed.createRun().setText("Before. ");
      changed.getCTP().addNewIns().addNewR().addNewT().setStringValue("Inserted by a reviewer.");
      XWPFComment comment = document.createComments().createComment(BigInteger.ONE);
      comment.createParagraph().createRun().setText("Please cite this.");
      document.write(out);
    }
    Map<String, Object> json =
        importNew(AUTHOR, "notes.docx", out.toByteArray())
            .then()
            .statusCode(201)
            .extract()
            .path("$");

    assertThat(json.get("title")).isEqualTo("notes");
    assertThat((String) json.get("body")).contains("Plain text survives.");
    assertThat((List<String>) json.get("warnings"))
        .anyMatch(warning -> warning.equals("1 comment was not imported."))
        .anyMatch(warning -> warning.startsWith("1 paragraph has tracked changes"));
  }

  @Test
  void filesThatAreNotSafeWordFilesAreRefusedInWords() throws IOException {
    byte[] pdf = FilesHttpTest.pdf(document -> {});
    importNew(AUTHOR, "paper.docx", pdf)
        .then()
        .statusCode(400)
        .body("message", containsString("This is not a Word .docx file"));
    importNew(AUTHOR, "old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2})
        .then()
        .statusCode(400)
        .body("message", containsString("older .doc files"));
    importNew(
            AUTHOR,
            "macros.docm",
            zip(
                Map.of(
                    "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                    "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8),
                    "word/vbaProject.bin", new byte[] {1})))
        .then()
        .statusCode(400)
        .body("message", containsString("contains macros"));
    importNew(AUTHOR, "bomb.docx", zip(Map.of("[Content_Types].xml", new byte[21 * 1024 * 1024])))
        .then()
        .statusCode(413)
        .body("message", containsString("zip bomb"));
    importNew(AUTHOR, "huge.docx", new byte[3 * 1024 * 1024])
        .then()
        .statusCode(413)
        .body("message", containsString("Word files can be at most 2 MB"));
    importNew(
            AUTHOR,
            "broken.docx",
            zip(
                Map.of(
                    "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                    "word/document.xml", "not xml at all".getBytes(StandardCharsets.UTF_8))))
        .then()
        .statusCode(400)
        .body("message", containsString("could not be read"));
  }

  @Test
  void theDeskImportsAndSaysWhatWasNotImported() throws IOException {
    DeskBrowser author = DeskBrowser.signedIn(AUTHOR, TestAccounts.PASSWORD);
    Response imported =
        author.upload(
            "/desk/articles/import",
            Map.of(),
            "file",
            "report.docx",
            fixture("libreoffice"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    imported.then().statusCode(200);
    Document page = Jsoup.parse(imported.asString());
    assertThat(page.select("h1").text())
        .isEqualTo("Imported: Water Allocation in the Syr Darya Basin: Options for 2030");
    assertThat(page.select("a.button").attr("href")).matches("/desk/articles/\\d+/edit");

    Response refused =
        author.upload(
            "/desk/articles/import",
            Map.of(),
            "file",
            "x.docx",
            new byte[] {1, 2, 3},
            "application/octet-stream");
    refused.then().statusCode(400);
    assertThat(Jsoup.parse(refused.asString()).select(".error-box").text())
        .contains("This is not a Word .docx file");
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
}
