package org.stet.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.stet.spi.ArticleView;
import org.stet.spi.Articles;
import org.stet.spi.DeskUser;
import org.stet.spi.People;
import org.stet.spi.PersonView;
import org.stet.spi.Slot;
import org.stet.spi.SlotContributor;

/**
 * The slot policy is the second defence behind plugins' own escaping: it must take out what no slot
 * may hold, and leave everything the first-party plugins write as it is.
 */
@QuarkusTest
class SlotPolicyTest {

  private static final String SEED =
      "russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration";

  @Inject Instance<SlotContributor> contributors;
  @Inject Articles articles;
  @Inject People people;

  @Test
  void whatTheFirstPartyPluginsWriteComesThroughUnchanged() {
    ArticleView seed = articles.publishedBySlug(SEED).orElseThrow();
    PersonView author = people.bySlug("lidiya-parkhomchik").orElseThrow();
    DeskUser editor = new DeskUser("Site", "Erin", "erin@example.org", List.of("EDITOR", "ADMIN"));
    List<String> compared = new ArrayList<>();
    for (SlotContributor contributor : contributors) {
      if (!contributor.getClass().getName().startsWith("org.stet.plugins.")) {
        continue;
      }
      for (Slot slot : Slot.values()) {
        String raw =
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        contributor.renderArticleSlot(slot, seed)
                            + contributor.renderPersonSlot(slot, author)
                            + contributor.renderDeskSlot(slot, editor)
                            + contributor.renderSiteSlot(slot));
        if (raw.isEmpty()) {
          continue;
        }
        compared.add(contributor.pluginId() + " " + slot.id());
        assertThat(normal(SlotPolicy.clean(slot, raw)))
            .as(contributor.pluginId() + " in " + slot.id())
            .isEqualTo(normal(raw));
      }
    }
    assertThat(compared)
        .as("the seed article's disclaimer, author box, comments and count, profile, desk links")
        .contains(
            "disclaimers article.footer",
            "author-profiles article.aside",
            "author-profiles author.profile",
            "comment-moderation article.comments",
            "comment-moderation desk.nav",
            "disclaimers desk.nav",
            "author-profiles desk.nav");
  }

  @Test
  void whatNoSlotMayHoldIsTakenOut() {
    String hostile =
        "<p onclick=\"x()\" style=\"color:red\">text</p><script>alert(1)</script>"
            + "<a href=\"javascript:alert(1)\">a</a><form action=\"//evil.example\"><input"
            + " formaction=\"/desk\"></form><iframe src=\"https://evil.example\"></iframe>"
            + "<script type=\"application/ld+json\">{\"name\":\"</script><script>x()\"}</script>";

    var page = Jsoup.parseBodyFragment(SlotPolicy.clean(Slot.ARTICLE_ASIDE, hostile));

    assertThat(page.select("script:not([type=application/ld+json]), iframe")).isEmpty();
    assertThat(page.select("[onclick], [style], [formaction]")).isEmpty();
    assertThat(page.select("a").attr("href")).isEmpty();
    assertThat(page.select("form").attr("action")).isEmpty();
    assertThat(
            Jsoup.parseBodyFragment(SlotPolicy.clean(Slot.DESK_NAV, "<li><form></form></li>"))
                .select("form"))
        .isEmpty();
    assertThat(SlotPolicy.clean(Slot.ARTICLE_COMMENT_COUNT, "<b>3</b> comments"))
        .isEqualTo("3 comments");
  }

  private static String normal(String html) {
    var document = Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    return document.body().html();
  }
}
