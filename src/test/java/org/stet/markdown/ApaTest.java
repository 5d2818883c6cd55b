package org.stet.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApaTest {

  @Test
  void listsOneTwoAndManyAuthors() {
    assertThat(Apa.authorList(List.of("Akulov, A."))).isEqualTo("Akulov, A.");
    assertThat(Apa.authorList(List.of("Walker, S.", "Addley, E.")))
        .isEqualTo("Walker, S., & Addley, E.");
    assertThat(Apa.authorList(List.of("A, A.", "B, B.", "C, C.")))
        .isEqualTo("A, A., B, B., & C, C.");
  }

  @Test
  void citesByFamilyNamesAndYear() {
    assertThat(Apa.inText(List.of("Akulov, A."), 2017)).isEqualTo("(Akulov, 2017)");
    assertThat(Apa.inText(List.of("Walker, S.", "Addley, E."), 2016))
        .isEqualTo("(Walker & Addley, 2016)");
    assertThat(Apa.inText(List.of("A, A.", "B, B.", "C, C."), null)).isEqualTo("(A et al., n.d.)");
  }

  @Test
  void endsTitlesWithOneFullStop() {
    assertThat(Apa.sentence("Prospects")).isEqualTo("Prospects.");
    assertThat(Apa.sentence("Why now? ")).isEqualTo("Why now?");
  }
}
