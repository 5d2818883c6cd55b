package org.stet.plugins.authorprofiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrcidTest {

  @Test
  void acceptsIdsWithTheRightCheckCharacter() {
    assertThat(Orcid.isValid("0000-0002-1825-0097")).isTrue(); // ORCID's own example
    assertThat(Orcid.isValid("0000-0001-5109-3700")).isTrue();
    assertThat(Orcid.isValid("0000-0002-1694-233X")).isTrue();
  }

  @Test
  void refusesWrongCheckCharactersAndMalformedIds() {
    assertThat(Orcid.isValid("0000-0002-1825-0098")).isFalse();
    assertThat(Orcid.isValid("0000-0002-1694-2330")).isFalse();
    assertThat(Orcid.isValid("0000000218250097")).isFalse();
    assertThat(Orcid.isValid("https://orcid.org/0000-0002-1825-0097")).isFalse();
    assertThat(Orcid.isValid("0000-0002-1825-009x")).isFalse();
    assertThat(Orcid.isValid(null)).isFalse();
  }
}
