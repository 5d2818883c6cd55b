package org.stet.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersParagraphsEmphasisAndTables() {
    Document html = parse("First *para*.\n\nSecond **one**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

    assertThat(html.select("p")).hasSize(2);
    assertThat(html.select("em").text()).isEqualTo("para");
    assertThat(html.select("table td").eachText()).containsExactly("1", "2");
  }

  @Test
  void numbersFootnotesAndLinksThemBothWays() {
    RenderedBody body =
        renderer.render(
            "Claim one.[^a] Claim two.[^b]\n\n[^a]: First note.\n\n[^b]: Second *note*.");
    Document html = Jsoup.parseBodyFragment(body.html());

    List<Element> markers = html.select("sup a");
    assertThat(markers).extracting(Element::text).containsExactly("[1]", "[2]");
    assertThat(body.footnotes()).extracting(RenderedBody.Footnote::number).containsExactly(1, 2);
    for (int i = 0; i < markers.size(); i++) {
      RenderedBody.Footnote note = body.footnotes().get(i);
      assertThat(markers.get(i).attr("href")).isEqualTo("#" + note.id());
      assertThat(markers.get(i).id()).isEqualTo(note.markerId());
    }
    assertThat(body.footnotes().get(1).html()).isEqualTo("Second <em>note</em>.");
    assertThat(html.select("section.footnotes"))
        .as("footnotes are moved out of the body")
        .isEmpty();
  }

  @Test
  void turnsKnownCitationsIntoLinksAndLeavesUnknownOnesAsTyped() {
    Document html =
        parse("As argued [@akulov2017], and [@nobody].", false, java.util.Set.of("akulov2017"));

    Element link = html.selectFirst("a.citation[href=#ref-akulov2017]");
    assertThat(link).isNotNull();
    assertThat(link.text()).isEqualTo("(akulov2017)");
    assertThat(html.text()).isEqualTo("As argued (akulov2017), and [@nobody].");
    assertThat(html.select("mark")).as("no warnings outside the desk").isEmpty();
  }

  @Test
  void marksCitationsWithoutAReferenceWhenAsked() {
    Document html = parse("Known [@a], unknown [see @b, p. 3].", true, java.util.Set.of("a"));

    assertThat(html.select("mark.citation-missing").eachText()).containsExactly("[see @b, p. 3]");
  }

  @Test
  void readsPandocCitationSyntax() {
    List<CitationCluster> clusters =
        MarkdownRenderer.citations(
            "One [@a]. Two [see @b, p. 12; @c:2020/x]. Three [-@d]. Mail [me@example.org]."
                + " Code `[@e]`. A [link with [@f]](https://example.org). Not [@g ]x.");

    assertThat(clusters)
        .extracting(CitationCluster::source)
        .containsExactly("[@a]", "[see @b, p. 12; @c:2020/x]", "[-@d]", "[@g ]");
    CitationCluster two = clusters.get(1);
    assertThat(two.cites())
        .containsExactly(
            new CitationCluster.Cite("b", "see", ", p. 12", false),
            new CitationCluster.Cite("c:2020/x", "", "", false));
    assertThat(clusters.get(2).cites().get(0).suppressAuthor()).isTrue();
  }

  @Test
  void aTypedLinkCannotPassForACitation() {
    Document html = parse("[fake](#stet-cite-0) and [@a]", false, java.util.Set.of("a"));

    assertThat(html.select("a.citation")).hasSize(1);
    assertThat(html.selectFirst("a[href=#stet-cite-0]")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "[x](vbscript:msgbox(1))",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "`<script>` in code is text"
      })
  void neutralisesHostileMarkup(String hostile) {
    Document html = parse("Before\n\n" + hostile + "\n\nAfter");

    assertThat(html.select("script, iframe, svg, details, style, object, embed")).isEmpty();
    for (Element element : html.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
        if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
          assertThat(attribute.getValue()).matches("(https?://|mailto:|#|/[^/]).*");
        }
      }
    }
    assertThat(html.text()).startsWith("Before").endsWith("After");
  }

  @Test
  void footnoteIdsAreStetsOwnWhateverTheLabel() {
    String label =
        "\"><form/action=\"/desk/articles/7/transition\"/method=\"post\">"
            + "<input/type=\"hidden\"/name=\"action\"/value=\"ACCEPT\">";
    RenderedBody body =
        renderer.render(
            "Claim.[^"
                + label
                + "] Again.[^"
                + label
                + "] Other.[^b]\n\n[^"
                + label
                + "]: Note with [^b].\n\n[^b]: Second.");
    Document html = Jsoup.parseBodyFragment(body.htmlWithNotes());

    assertThat(html.select("form, input, meta")).isEmpty();
    assertThat(html.select("[id]").eachAttr("id"))
        .containsExactly("fnref-1", "fnref-1-2", "fnref-2", "fn-1", "fnref-2-2", "fn-2");
    assertThat(html.select("sup.footnote-ref > a").eachAttr("href"))
        .containsExactly("#fn-1", "#fn-1", "#fn-2", "#fn-2");
    assertThat(body.footnotes())
        .extracting(RenderedBody.Footnote::id, RenderedBody.Footnote::markerId)
        .containsExactly(tuple("fn-1", "fnref-1"), tuple("fn-2", "fnref-2"));
    assertThat(html.select("ol.footnotes a.footnote-back").eachAttr("href"))
        .containsExactly("#fnref-1", "#fnref-2");
    assertThat(html.text()).doesNotContain("ACCEPT");
  }

  @Test
  void headingsGetNumberedIdsAndTheFirstLevelIsTheTitles() {
    Document html = parse("# One {#main}\n\n## Two\n\ntext\n\n### Three");

    assertThat(html.select("h1")).isEmpty();
    assertThat(html.select("h2, h3").eachAttr("id")).containsExactly("sec-1", "sec-2", "sec-3");
    assertThat(html.selectFirst("h2").text()).isEqualTo("One {#main}");
  }

  @Test
  void keepsLinksToPathsOnTheSiteAndFragments() {
    Document html = parse("[a](/articles/other) [b](#sec-1) [c](//evil.example/x) [d](other)");

    assertThat(html.select("a").eachAttr("href"))
        .containsExactly("/articles/other", "#sec-1", "https://evil.example/x");
    assertThat(html.text()).isEqualTo("a b c d");
  }

  @Test
  void sanitiseAppliesTheSamePolicyToChangedHtml() {
    String changed =
        "<p id=\"main\" class=\"button primary\">x</p><form action=\"/desk\"><button>go</button>"
            + "</form><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
            + "<sup class=\"footnote-ref\" id=\"fnref-1\">1</sup>";

    Document html = Jsoup.parseBodyFragment(renderer.sanitise(changed));

    assertThat(html.select("form, button, meta")).isEmpty();
    assertThat(html.selectFirst("p").attributes().size()).isZero();
    assertThat(html.selectFirst("sup").attr("class")).isEqualTo("footnote-ref");
    assertThat(html.selectFirst("sup").id()).isEqualTo("fnref-1");
  }

  @Test
  void keepsHostileTextReadableAsText() {
    Document html = parse("<script>alert(1)</script>");

    assertThat(html.text()).contains("<script>alert(1)</script>");
  }

  private Document parse(String markdown) {
    return Jsoup.parseBodyFragment(renderer.render(markdown).html());
  }

  /** Formats every citation of a known key as "(key)" and links it to "#ref-key". */
  private Document parse(String markdown, boolean flagUnknown, java.util.Set<String> known) {
    CitationFormatter formatter =
        clusters ->
            clusters.stream()
                .map(
                    cluster ->
                        cluster.cites().stream().allMatch(cite -> known.contains(cite.key()))
                            ? new CitationFormatter.Formatted(
                                "(" + cluster.cites().get(0).key() + ")",
                                "ref-" + cluster.cites().get(0).key())
                            : null)
                .toList();
    return Jsoup.parseBodyFragment(
        renderer.render(markdown, formatter, flagUnknown, ImageResolver.NONE).html());
  }
}
