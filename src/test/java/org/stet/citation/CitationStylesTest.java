package org.stet.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CitationStylesTest {

  private final CitationStyles styles = new CitationStyles();

  @Test
  void everyOfferedStyleIsInTheCollection() {
    for (CitationStyles.Style style : CitationStyles.FEATURED) {
      assertThat(styles.exists(style.id())).as(style.id()).isTrue();
    }
  }

  @Test
  void anyStyleIsFoundByItsIdWithItsTitle() {
    assertThat(styles.find("elife")).map(CitationStyles.Style::title).contains("eLife");
  }

  @Test
  void aJournalsDependentStyleFormatsWithItsParent() {
    String id = "journal-of-molecular-and-cellular-cardiology";

    assertThat(styles.find(id))
        .map(CitationStyles.Style::title)
        .contains("Journal of Molecular and Cellular Cardiology");
    assertThat(styles.source(id).orElseThrow()).contains("<citation").contains("<bibliography");
  }

  @Test
  void idsThatAreNotStylesAreRefusedWithoutLookingAround() {
    assertThat(styles.exists("../application.properties")).isFalse();
    assertThat(styles.exists("APA")).isFalse();
    assertThat(styles.exists("no-such-style")).isFalse();
    assertThatThrownBy(() -> styles.require("apa-99th"))
        .hasMessageStartingWith("There is no citation style \"apa-99th\"");
  }
}
