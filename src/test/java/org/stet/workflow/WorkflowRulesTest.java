package org.stet.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.stet.article.ArticleStatus;

class WorkflowRulesTest {

  @Test
  void everyActionHasExactlyOneRow() {
    for (WorkflowAction action : WorkflowAction.values()) {
      assertThat(WorkflowRules.TABLE.stream().filter(row -> row.action() == action)).hasSize(1);
    }
  }

  @Test
  void publishingIsPossibleOnlyAfterAcceptance() {
    for (ArticleStatus state : ArticleStatus.values()) {
      boolean possible = WorkflowRules.next(state, WorkflowAction.PUBLISH).isPresent();
      assertThat(possible)
          .as(state.name())
          .isEqualTo(EnumSet.of(ArticleStatus.ACCEPTED, ArticleStatus.SCHEDULED).contains(state));
    }
  }

  @Test
  void rejectedWithdrawnAndRetractedAreFinal() {
    assertThat(WorkflowRules.possibleFrom(ArticleStatus.REJECTED)).isEmpty();
    assertThat(WorkflowRules.possibleFrom(ArticleStatus.WITHDRAWN)).isEmpty();
    assertThat(WorkflowRules.possibleFrom(ArticleStatus.RETRACTED)).isEmpty();
  }

  @Test
  void revisionsLeadBackToSubmission() {
    assertThat(WorkflowRules.next(ArticleStatus.REVISIONS_REQUESTED, WorkflowAction.SUBMIT))
        .contains(ArticleStatus.SUBMITTED);
  }
}
