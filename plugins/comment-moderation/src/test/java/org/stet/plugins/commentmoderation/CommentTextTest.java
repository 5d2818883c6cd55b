package org.stet.plugins.commentmoderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Checking what readers type, and showing it as safe HTML. */
class CommentTextTest {

  @Test
  void textIsEscapedWithParagraphsLineBreaksAndLinkedAddresses() {
    String html =
        CommentText.html(
            "<script>alert(1)</script> & more\nsecond line\n\nSee https://example.org/a?b=1&c=2."
                + " Or javascript:alert(2)");
    Element body = Jsoup.parseBodyFragment(html).body();

    assertThat(body.select("script")).isEmpty();
    assertThat(body.select("p")).hasSize(2);
    assertThat(body.select("p").first().text())
        .isEqualTo("<script>alert(1)</script> & more second line");
    assertThat(body.select("p").first().select("br")).hasSize(1);
    Element link = body.selectFirst("a");
    assertThat(link.attr("href")).isEqualTo("https://example.org/a?b=1&c=2");
    assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
    assertThat(body.select("a")).hasSize(1);
    assertThat(body.select("p").eachAttr("dir")).containsOnly("auto");
  }

  @Test
  void aQuoteInAnAddressCannotLeaveTheAttribute() {
    String html = CommentText.html("https://example.org/\"onmouseover=\"alert(1)");
    Element body = Jsoup.parseBodyFragment(html).body();
    assertThat(body.select("[onmouseover]")).isEmpty();
    assertThat(body.selectFirst("a").attr("href")).isEqualTo("https://example.org/");
  }

  @Test
  void overLongTextIs413WithBothLengths() {
    CommentText.Problems problems = check("Ann", "ann@example.org", "", "x".repeat(5_001), 5_000);
    assertThat(problems.status()).isEqualTo(413);
    assertThat(problems.fields().get("text")).contains("5,001 characters").contains("5,000");
  }

  @Test
  void emojiCountAsOneCharacterEach() {
    assertThat(check("Ann", "ann@example.org", "", "😀".repeat(100), 100).none()).isTrue();
  }

  @Test
  void hostileCharactersAreRefusedWithAReason() {
    assertThat(check("Ann", "ann@example.org", "", "a\0b", 100).fields().get("text"))
        .contains("NUL");
    assertThat(check("Ann", "ann@example.org", "", "broken \uFFFD text", 100).fields())
        .containsKey("text");
    assertThat(check("Ann\u202Egpj.exe", "ann@example.org", "", "Hi", 100).fields().get("name"))
        .contains("direction");
    assertThat(check("\u200B\u200B", "ann@example.org", "", "Hi", 100).fields())
        .containsKey("name");
    assertThat(check("Ann", "ann@example.org", "", "Hi" + "\u200B".repeat(50), 1000).fields())
        .containsKey("text");
    assertThat(check("Ann", "ann@example.org", "", "\u200B \n\u2060", 100).fields().get("text"))
        .isEqualTo("Write your comment.");
    assertThat(check("Ann", "ann@example.org", "", "ends \uFFFF here", 100).fields())
        .as("a noncharacter, which parsers may take for the end of the page")
        .containsKey("text");
    assertThat(check("Ann\uFDD0", "ann@example.org", "", "Hi", 100).fields()).containsKey("name");
    assertThat(check("Ann", "not-an-address", "", "Hi", 100).fields()).containsKey("email");
    assertThat(check("Ann", "ann@example.org", "javascript:alert(1)", "Hi", 100).fields())
        .containsKey("website");
  }

  @Test
  void aRightToLeftOverrideInTheTextStaysInsideItsParagraph() {
    CommentText.Problems problems = check("Ann", "ann@example.org", "", "abc \u202Edef", 100);
    assertThat(problems.none()).isTrue();
    Element p = Jsoup.parseBodyFragment(CommentText.html("abc \u202Edef")).body().selectFirst("p");
    assertThat(p.attr("dir")).isEqualTo("auto");
  }

  @Test
  void linksAreCountedWithAndWithoutScheme() {
    assertThat(CommentText.links("a https://x.org b http://y.org/z and www.spam.example"))
        .hasSize(3);
    assertThat(CommentText.links("no links here, e.g. version 1.2")).isEmpty();
  }

  @Test
  void theSameCommentIgnoresCaseSpacingAndInvisibleCharacters() {
    assertThat(CommentText.duplicateKey(1, "A@x.org", "Hello  World"))
        .isEqualTo(CommentText.duplicateKey(1, "a@x.org", "hello world\u200B"))
        .isNotEqualTo(CommentText.duplicateKey(2, "a@x.org", "hello world"));
  }

  private static CommentText.Problems check(
      String name, String email, String website, String text, int max) {
    return CommentText.check(CommentText.Typed.of(name, email, website, text), max);
  }
}
