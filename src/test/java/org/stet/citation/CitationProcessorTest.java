package org.stet.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.stet.markdown.CitationCluster;
import org.stet.markdown.MarkdownRenderer;

/** The seed article's four references in each offered style, and the citation forms. */
class CitationProcessorTest {

  private final CitationProcessor processor =
      new CitationProcessor(new CitationStyles(), new MarkdownRenderer());

  private static Map<String, Object> web(
      String key, List<Map<String, Object>> authors, int year, String title, String url) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", key);
    item.put("type", "webpage");
    item.put("author", authors);
    item.put("issued", Map.of("date-parts", List.of(List.of(year))));
    item.put("title", title);
    item.put("URL", url);
    return item;
  }

  private static Map<String, Object> person(String family, String given) {
    return Map.of("family", family, "given", given);
  }

  /** The seed page's references, as the sample content stores them. */
  static final List<Map<String, Object>> SEED =
      List.of(
          web(
              "akulov2017",
              List.of(person("Akulov", "A.")),
              2017,
              "Prospects for Russia-US Relations: Serious Assessment Requires Realistic Approach",
              "https://www.strategic-culture.org/news/2017/01/05/prospects/"),
          web(
              "harding2016",
              List.of(person("Harding", "L.")),
              2016,
              "Georgian mansions, Moscow dachas and the souring of US-Russian relations",
              "https://www.theguardian.com/world/2016/dec/30/georgian-mansions/"),
          web(
              "mora2017",
              List.of(person("Mora", "E.")),
              2017,
              "Backfire: Obama Sanctions Allow Trump to Pursue Closer Relations with Russia",
              "https://www.breitbart.com/national-security/2017/01/02/backfire/"),
          web(
              "walker2016",
              List.of(person("Walker", "S."), person("Addley", "E.")),
              2016,
              "Trump praises 'very smart' Putin for not expelling US diplomats",
              "https://www.theguardian.com/world/2016/dec/30/putin/"));

  /** The seed's citations, in the order its body has them. */
  private static final List<CitationCluster> SEED_CITATIONS =
      List.of(cite("akulov2017"), cite("mora2017"), cite("harding2016"), cite("walker2016"));

  private static CitationCluster cite(String key) {
    return new CitationCluster(
        "[@" + key + "]", List.of(new CitationCluster.Cite(key, "", "", false)));
  }

  private static String text(String html) {
    return Jsoup.parseBodyFragment(html).text();
  }

  private List<String> entries(String style) {
    return processor.process(style, SEED, SEED_CITATIONS).entries().stream()
        .map(entry -> text(entry.html()))
        .toList();
  }

  private List<String> citations(String style, List<CitationCluster> clusters) {
    return processor.process(style, SEED, clusters).citations().stream()
        .map(formatted -> formatted == null ? null : text(formatted.html()))
        .toList();
  }

  @Test
  void apaSixthIsWhatTheSeedPageShows() {
    assertThat(citations("apa-6th-edition", SEED_CITATIONS))
        .containsExactly(
            "(Akulov, 2017)", "(Mora, 2017)", "(Harding, 2016)", "(Walker & Addley, 2016)");
    assertThat(entries("apa-6th-edition"))
        .containsExactly(
            "Akulov, A. (2017). Prospects for Russia-US Relations: Serious Assessment Requires"
                + " Realistic Approach. Retrieved from"
                + " https://www.strategic-culture.org/news/2017/01/05/prospects/",
            "Harding, L. (2016). Georgian mansions, Moscow dachas and the souring of US-Russian"
                + " relations. Retrieved from"
                + " https://www.theguardian.com/world/2016/dec/30/georgian-mansions/",
            "Mora, E. (2017). Backfire: Obama Sanctions Allow Trump to Pursue Closer Relations with"
                + " Russia. Retrieved from"
                + " https://www.breitbart.com/national-security/2017/01/02/backfire/",
            "Walker, S., & Addley, E. (2016). Trump praises 'very smart' Putin for not expelling US"
                + " diplomats. Retrieved from https://www.theguardian.com/world/2016/dec/30/putin/");
  }

  @Test
  void entriesLinkTheirUrlsAndCarryTheAnchorOfTheirPlaceInTheList() {
    List<CitationProcessor.Entry> entries =
        processor.process("apa", SEED, SEED_CITATIONS).entries();

    assertThat(entries)
        .extracting(CitationProcessor.Entry::anchor)
        .containsExactly("ref-1", "ref-2", "ref-3", "ref-4");
    var link = Jsoup.parseBodyFragment(entries.get(0).html()).selectFirst("a");
    assertThat(link.attr("href")).isEqualTo(link.text()).startsWith("https://");
    assertThat(Jsoup.parseBodyFragment(entries.get(0).html()).select("i").text())
        .isEqualTo(
            "Prospects for Russia-US Relations: Serious Assessment Requires Realistic Approach");
  }

  @Test
  void eachOfferedStyleFormatsTheSeedReferencesItsOwnWay() {
    assertThat(entries("apa").get(0))
        .isEqualTo(
            "Akulov, A. (2017). Prospects for Russia-US Relations: Serious Assessment Requires"
                + " Realistic Approach. https://www.strategic-culture.org/news/2017/01/05/prospects/");
    assertThat(entries("chicago-author-date").get(3))
        .startsWith("Walker, S., and E. Addley. 2016. “Trump Praises 'Very Smart' Putin");
    assertThat(entries("harvard-cite-them-right").get(0))
        .startsWith("Akulov, A. (2017) Prospects for Russia-US Relations")
        .contains("Available at: https://");
    assertThat(entries("modern-language-association").get(0))
        .startsWith("Akulov, A. Prospects for Russia-US Relations");
    // Numeric styles number the list in the order the text first cites each work.
    assertThat(entries("ieee"))
        .extracting(entry -> entry.substring(0, 4))
        .containsExactly("[1] ", "[2] ", "[3] ", "[4] ");
    assertThat(entries("ieee").get(1)).contains("E. Mora");
    assertThat(entries("vancouver").get(0)).startsWith("1. Akulov A. Prospects");
    assertThat(citations("ieee", SEED_CITATIONS)).containsExactly("[1]", "[2]", "[3]", "[4]");
    assertThat(citations("chicago-author-date", SEED_CITATIONS).get(3))
        .isEqualTo("(Walker and Addley 2016)");
  }

  @Test
  void locatorsPrefixesSeveralWorksAndLeftOutAuthors() {
    List<CitationCluster> clusters =
        List.of(
            new CitationCluster(
                "[see @akulov2017, p. 12]",
                List.of(new CitationCluster.Cite("akulov2017", "see", ", p. 12", false))),
            new CitationCluster(
                "[@akulov2017; @walker2016]",
                List.of(
                    new CitationCluster.Cite("akulov2017", "", "", false),
                    new CitationCluster.Cite("walker2016", "", "", false))),
            new CitationCluster(
                "[-@mora2017]", List.of(new CitationCluster.Cite("mora2017", "", "", true))));

    assertThat(citations("apa", clusters))
        .containsExactly(
            "(see Akulov, 2017, p. 12)", "(Akulov, 2017; Walker & Addley, 2016)", "(2017)");
  }

  @Test
  void anUnknownKeyLeavesItsCitationUnformatted() {
    CitationProcessor.Output output =
        processor.process("apa", SEED, List.of(cite("nobody1999"), cite("mora2017")));

    assertThat(output.citations().get(0)).isNull();
    assertThat(text(output.citations().get(1).html())).isEqualTo("(Mora, 2017)");
    assertThat(output.citations().get(1).anchor()).isEqualTo("ref-3");
    assertThat(output.entries()).hasSize(4);
  }

  @Test
  void etAlFollowsTheStyle() {
    List<Map<String, Object>> items =
        List.of(
            web(
                "c",
                List.of(person("Jones", "A."), person("Brown", "B."), person("Green", "C.")),
                2019,
                "Three authors",
                "https://example.org/3"));
    CitationProcessor.Output output = processor.process("apa", items, List.of(cite("c")));

    assertThat(output.citations())
        .extracting(formatted -> text(formatted.html()))
        .containsExactly("(Jones et al., 2019)");
    assertThat(text(output.entries().get(0).html()))
        .startsWith("Jones, A., Brown, B., & Green, C. (2019).");
  }

  @Test
  void aWorkWithoutAYearReadsNoDateAndACorporateAuthorStaysWhole() {
    Map<String, Object> undated = new LinkedHashMap<>();
    undated.put("id", "who");
    undated.put("type", "report");
    undated.put("author", List.of(Map.of("literal", "World Health Organization")));
    undated.put("title", "Guidelines on wound care");
    CitationProcessor.Output output =
        processor.process("apa", List.of(undated), List.of(cite("who")));

    assertThat(text(output.citations().get(0).html()))
        .isEqualTo("(World Health Organization, n.d.)");
    assertThat(text(output.entries().get(0).html()))
        .startsWith("World Health Organization. (n.d.). Guidelines on wound care");
  }

  @Test
  void writersMarkupInFieldsIsShownAsTextNeverAsElements() {
    List<Map<String, Object>> items =
        List.of(
            web(
                "x",
                List.of(person("<b>Bold</b>", "\"><img src=x onerror=alert(1)>")),
                2020,
                "<script>alert(1)</script><form action=/desk>",
                "https://example.org/\"onmouseover=\"alert(1)"));
    CitationProcessor.Output output = processor.process("apa", items, List.of(cite("x")));
    var entry = Jsoup.parseBodyFragment(output.entries().get(0).html()).body();

    assertThat(entry.select("script, form, img, b[onmouseover], [onerror], [onmouseover]"))
        .isEmpty();
    assertThat(entry.text()).contains("<script>alert(1)</script>").contains("<b>Bold</b>");
  }

  @Test
  void anUnknownStyleFallsBackToTheDefault() {
    assertThat(entries("no-such-style")).isEqualTo(entries("apa"));
  }
}
