package org.stet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stet.web.Slug;

class SlugTest {

  @Test
  void makesSlugsFromNames() {
    assertThat(Slug.from("International Relations")).isEqualTo("international-relations");
    assertThat(Slug.from("Asya Avrupa: Haber-Yorum")).isEqualTo("asya-avrupa-haber-yorum");
    assertThat(Slug.from("Çağrı Öğüt")).isEqualTo("cagri-ogut");
    assertThat(Slug.from("US")).isEqualTo("us");
  }

  @Test
  void refusesNamesWithNothingToKeep() {
    assertThatThrownBy(() -> Slug.from("—")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recognisesOnlyWellFormedSlugs() {
    assertThat(Slug.isValid("russia-us")).isTrue();
    assertThat(Slug.isValid("Russia")).isFalse();
    assertThat(Slug.isValid("a--b")).isFalse();
    assertThat(Slug.isValid("../etc")).isFalse();
    assertThat(Slug.isValid("a".repeat(161))).isFalse();
  }
}
