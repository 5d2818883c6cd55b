package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stet.workflow.WordDiff.Op;
import org.stet.workflow.WordDiff.Run;

class WordDiffTest {

  @Test
  void marksChangedWordsNotWholeLines() {
    List<Run> runs =
        WordDiff.between(
            "Russia showed its deep conviction.", "Russia showed a strong conviction.");

    assertThat(runs)
        .containsExactly(
            new Run(Op.EQUAL, "Russia showed "),
            new Run(Op.DELETE, "its"),
            new Run(Op.INSERT, "a"),
            new Run(Op.EQUAL, " "),
            new Run(Op.DELETE, "deep"),
            new Run(Op.INSERT, "strong"),
            new Run(Op.EQUAL, " conviction."));
  }

  @Test
  void keepsEveryCharacterOfBothTexts() {
    String before = "One, two  three.\n\nFour (five) – six’s";
    String after = "One, 2  three!\n\nFour (five) – seven";
    List<Run> runs = WordDiff.between(before, after);

    StringBuilder old = new StringBuilder();
    StringBuilder neu = new StringBuilder();
    for (Run run : runs) {
      if (run.op() != Op.INSERT) {
        old.append(run.text());
      }
      if (run.op() != Op.DELETE) {
        neu.append(run.text());
      }
    }
    assertThat(old.toString()).isEqualTo(before);
    assertThat(neu.toString()).isEqualTo(after);
  }

  @Test
  void identicalTextsAreOneEqualRun() {
    assertThat(WordDiff.between("same text", "same text"))
        .containsExactly(new Run(Op.EQUAL, "same text"));
    assertThat(WordDiff.between("", "")).isEmpty();
  }
}
