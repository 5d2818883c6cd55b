package org.stet.plugins.commentmoderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spam filter learns from examples and scores new comments. */
class SpamFilterTest {

  @Test
  void itGivesNoScoreUntilItHasSeenEnoughOfBothKinds() {
    Set<String> tokens = SpamFilter.tokens("Ann", "ann@example.org", "", "Any words");
    assertThat(SpamFilter.score(tokens, Map.of(), 9, 50)).isEmpty();
    assertThat(SpamFilter.score(tokens, Map.of(), 50, 9)).isEmpty();
  }

  @Test
  void itTellsSpamFromDiscussionAfterLearning() {
    Map<String, SpamFilter.Counts> counts = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      learn(
          counts,
          SpamFilter.tokens(
              "Cheap Deals",
              "x@pills.example",
              "",
              "cheap pills casino bonus " + i + " https://pills.example/buy"),
          true);
      learn(
          counts,
          SpamFilter.tokens(
              "Marat",
              "m@uni.example",
              "",
              "The sanctions policy on Russia " + i + " affects Kazakhstan's energy exports"),
          false);
    }

    double spam =
        SpamFilter.score(
                SpamFilter.tokens(
                    "Best Deals",
                    "y@pills.example",
                    "",
                    "casino bonus cheap https://pills.example/now"),
                counts,
                20,
                20)
            .getAsDouble();
    double discussion =
        SpamFilter.score(
                SpamFilter.tokens(
                    "Aigerim",
                    "a@uni.example",
                    "",
                    "I doubt the sanctions policy changes energy exports"),
                counts,
                20,
                20)
            .getAsDouble();

    assertThat(spam).isGreaterThan(0.95);
    assertThat(discussion).isLessThan(0.05);
  }

  @Test
  void tokensIncludeLinkHostsAndTheMailDomain() {
    assertThat(
            SpamFilter.tokens(
                "Ann Lee", "ann@Example.ORG", "https://ann.example/me", "See https://x.example/a"))
        .contains(
            "see", "link:x.example", "site:ann.example", "mail:example.org", "name:ann", "links:1");
  }

  private static void learn(
      Map<String, SpamFilter.Counts> counts, Set<String> tokens, boolean spam) {
    for (String token : tokens) {
      SpamFilter.Counts c = counts.getOrDefault(token, new SpamFilter.Counts(0, 0));
      counts.put(
          token,
          spam
              ? new SpamFilter.Counts(c.spam() + 1, c.ham())
              : new SpamFilter.Counts(c.spam(), c.ham() + 1));
    }
  }
}
