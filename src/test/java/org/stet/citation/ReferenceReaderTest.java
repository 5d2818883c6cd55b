package org.stet.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stet.SharedFixtures;

class ReferenceReaderTest {

  private static List<Map<String, Object>> read(String text) {
    return References.check(ReferenceReader.read(text, Set.of()).items()).items();
  }

  @Test
  void readsBibTeXWithLatexAccentsUnicodeAndCorporateAuthors() {
    List<Map<String, Object>> items =
        read(
            """
            @string{nat = "Nature"}
            @comment{exported by Zotero}
            @article{mueller2019,
              author = {M{\\"u}ller, J{\\"o}rg and Łukasiewicz, Ewa and {World Health Organization}},
              title = {The {DNA} of Things},
              journal = nat,
              year = 2019, volume = {12}, number = {3}, pages = {1--10}, doi = {10.1000/xyz}
            }
            @techreport{who, author = {{{World Health Organization}}}, title = {Report on things},
              institution = {WHO}}
            """);

    assertThat(items).hasSize(2);
    Map<String, Object> article = items.get(0);
    assertThat(article)
        .containsEntry("id", "mueller2019")
        .containsEntry("type", "article-journal")
        .containsEntry("container-title", "Nature")
        .containsEntry("issue", "3")
        .containsEntry("volume", "12")
        .containsEntry("page", "1-10")
        .containsEntry("DOI", "10.1000/xyz")
        .doesNotContainKey("event-date");
    assertThat(article.get("author"))
        .isEqualTo(
            List.of(
                Map.of("family", "Müller", "given", "Jörg"),
                Map.of("family", "Łukasiewicz", "given", "Ewa"),
                Map.of("literal", "World Health Organization")));
    assertThat(items.get(1))
        .containsEntry("type", "report")
        .containsEntry("author", List.of(Map.of("literal", "World Health Organization")));
  }

  @Test
  void makesKeysFromAuthorAndYearWhenAnEntryHasNoneAndNeverReusesOne() {
    String ris =
        """
        TY  - JOUR
        AU  - Smith, John
        TI  - First
        PY  - 2018
        ER  -\s

        TY  - JOUR
        AU  - Smith, Jane
        TI  - Second
        PY  - 2018
        ER  -\s

        TY  - RPRT
        TI  - No author, no year
        ER  -\s
        """;
    List<Map<String, Object>> items =
        References.check(ReferenceReader.read(ris, Set.of("smith2018")).items()).items();

    assertThat(items).extracting(References::key).containsExactly("smith2018a", "smith2018b", "no");
  }

  @Test
  void namesTheBrokenBibTeXEntryByNumberAndKey() {
    String bibtex =
        """
        @book{fine2001, title = {Fine}, author = {Fine, A.}, year = 2001}
        @article{broken2002, title = {Unclosed, author = {B, C.}, year = 2002}
        """;
    assertThatThrownBy(() -> ReferenceReader.read(bibtex, Set.of()))
        .isInstanceOf(ReferenceProblem.class)
        .hasMessageContaining("BibTeX entry 2 (@article{broken2002)")
        .hasMessageContaining("check its braces");
  }

  @Test
  void readsRisWithTheJournalEditorsPagesAndAccessDate() {
    List<Map<String, Object>> items =
        read(
            """
            TY  - JOUR
            AU  - Smith, John
            AU  - Doe, J.
            TI  - A study of things
            T2  - Journal of Things
            PY  - 2018/03/04/
            VL  - 4
            IS  - 2
            SP  - 10
            EP  - 20
            DO  - 10.1/abc
            ER  -\s

            TY  - CHAP
            AU  - Writer, W.
            A2  - Editor, E.
            TI  - A chapter
            BT  - The book
            PB  - Press
            PY  - 2001
            ER  -\s

            TY  - ELEC
            TI  - A page
            UR  - https://example.org/page
            Y2  - 2020/01/05
            ER  -\s
            """);

    assertThat(items).hasSize(3);
    assertThat(items.get(0))
        .containsEntry("type", "article-journal")
        .containsEntry("container-title", "Journal of Things")
        .containsEntry("page", "10-20")
        .containsEntry("issued", Map.of("date-parts", List.of(List.of(2018, 3, 4))));
    assertThat(items.get(1))
        .containsEntry("type", "chapter")
        .containsEntry("container-title", "The book")
        .containsEntry("editor", List.of(Map.of("family", "Editor", "given", "E.")));
    assertThat(items.get(2))
        .containsEntry("type", "webpage")
        .containsEntry("accessed", Map.of("date-parts", List.of(List.of(2020, 1, 5))));
  }

  @Test
  void refusesRisWithoutAnEndOrBeforeItsType() {
    assertThatThrownBy(() -> ReferenceReader.read("TY  - JOUR\nTI  - Open\n", Set.of()))
        .hasMessage("RIS record 1 has no end (\"ER  -\").");
    assertThatThrownBy(() -> ReferenceReader.read("TY  - JOUR\nTI  - A\nTY  - BOOK\n", Set.of()))
        .hasMessageContaining("record 1 has no end");
  }

  @Test
  void readsCrossrefCslJsonAndListsWhatCslHasNoFieldFor() throws Exception {
    Path file = SharedFixtures.require("fixtures/csl/crossref-winter-scabs-csl.raw.json");
    ReferenceReader.Reading reading = ReferenceReader.read(Files.readString(file), Set.of());
    References.Checked checked = References.check(reading.items());

    assertThat(reading.format()).isEqualTo("CSL-JSON");
    Map<String, Object> item = checked.items().get(0);
    assertThat(item)
        .containsEntry("type", "article-journal")
        .containsEntry("container-title", "Nature")
        .containsEntry("DOI", "10.1038/193293a0")
        .containsEntry("page", "293-294")
        .containsEntry("issued", Map.of("date-parts", List.of(List.of(1962, 1))));
    assertThat(item.get("author"))
        .isEqualTo(List.of(Map.of("given", "GEORGE D.", "family", "WINTER")));
    assertThat(checked.notes()).singleElement().asString().contains("indexed", "license");
  }

  @Test
  void knowsTheFieldsOfThePublishedCslSchema() throws Exception {
    Path schema = SharedFixtures.require("fixtures/csl/csl-data.schema.json");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) new ObjectMapper().readValue(schema.toFile(), Map.class))
                        .get("items"))
                .get("properties");
    Set<String> names = new HashSet<>();
    Set<String> dates = new HashSet<>();
    properties.forEach(
        (field, definition) -> {
          String text = definition.toString();
          if (text.contains("name-variable")) {
            names.add(field);
          } else if (text.contains("date-variable")) {
            dates.add(field);
          }
        });

    assertThat(Csl.NAME_FIELDS).isEqualTo(names);
    assertThat(Csl.DATE_FIELDS).isEqualTo(dates);
    assertThat(properties.keySet()).containsAll(Csl.TEXT_FIELDS).contains("id", "type");
    assertThat(Csl.TYPES)
        .containsExactlyInAnyOrderElementsOf(
            (List<String>) ((Map<String, Object>) properties.get("type")).get("enum"));
  }

  @Test
  void keepsLoneDoisAndUrlsAsMinimalReferences() {
    ReferenceReader.Reading reading =
        ReferenceReader.read(
            "https://doi.org/10.1038/193293a0\n\ndoi:10.1000/182\nhttps://example.org/report.pdf\n",
            Set.of());
    List<Map<String, Object>> items = References.check(reading.items()).items();

    assertThat(items)
        .extracting(item -> item.get("DOI"))
        .containsExactly("10.1038/193293a0", "10.1000/182", null);
    assertThat(items.get(2))
        .containsEntry("type", "webpage")
        .containsEntry("URL", "https://example.org/report.pdf");
    assertThat(items).extracting(References::key).doesNotHaveDuplicates();
    assertThat(reading.notes()).anyMatch(note -> note.contains("add the authors, year and title"));
  }

  @Test
  void refusesWhatIsNoFormatNamingTheLine() {
    assertThatThrownBy(() -> ReferenceReader.read("10.1000/182\nSmith 2001, a book\n", Set.of()))
        .hasMessage(
            "Line 2 (\"Smith 2001, a book\") is not BibTeX, RIS, CSL-JSON, a DOI or a URL.");
  }

  @Test
  void refusesTooLongPastesAndTooManyReferences() {
    assertThatThrownBy(() -> ReferenceReader.read("x".repeat(1_000_001), Set.of()))
        .hasMessageContaining("longer than 1 MB");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("10.1000/").append(i).append('\n');
    }
    assertThatThrownBy(() -> ReferenceReader.read(many.toString(), Set.of()))
        .hasMessage("An article can have at most 1000 references; the paste has 10000.");
  }

  @Test
  void refusesDuplicateKeysUnknownTypesAndBrokenJsonNamingTheEntry() {
    assertThatThrownBy(
            () ->
                read(
                    "[{\"id\":\"a\",\"type\":\"book\",\"title\":\"A\"},"
                        + "{\"id\":\"a\",\"type\":\"book\",\"title\":\"B\"}]"))
        .hasMessage(
            "Reference 2 has the key \"a\", like reference 1; each reference needs its own key.");
    assertThatThrownBy(() -> read("[{\"id\":\"x\",\"type\":\"novel\",\"title\":\"X\"}]"))
        .hasMessageStartingWith("Reference 1 (x) has the unknown type \"novel\"");
    assertThatThrownBy(() -> read("[{\"id\":\"x\", \"type\": }]"))
        .hasMessageStartingWith("The CSL-JSON could not be read at line 1, column");
    assertThatThrownBy(() -> read("[{\"id\":\"x y\",\"type\":\"book\",\"title\":\"X\"}]"))
        .hasMessageContaining("without spaces");
  }
}
