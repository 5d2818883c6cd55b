package org.stet.desk.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.desk.Confirmation;
import org.stet.desk.Confirmation.Field;
import org.stet.workflow.WorkflowAction;

/** What the desk asks before a workflow step that cannot be undone, in the words of its effect. */
final class StepConfirmations {

  private StepConfirmations() {}

  /**
   * The question for {@code action} on {@code article}, or empty when the step needs none (it can
   * be undone) or is not possible now (the refusal then says why).
   */
  static Optional<Confirmation.Ask> of(
      Article article,
      List<WorkflowAction> possible,
      String action,
      String note,
      String issue,
      String issueLabel) {
    WorkflowAction step;
    try {
      step = WorkflowAction.valueOf(action == null ? "" : action);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!possible.contains(step)) {
      return Optional.empty();
    }
    String title = "“" + article.title + "”";
    List<String> effects;
    String question;
    String button;
    switch (step) {
      case WITHDRAW -> {
        question = "Withdraw " + title + "?";
        effects =
            List.of(
                "The article is closed for good: it cannot be submitted again.",
                "Editors and reviewers stop working on it; its text and history are kept.");
        button = "Yes, withdraw it";
      }
      case REJECT -> {
        question = "Reject " + title + "?";
        effects =
            List.of(
                "The authors are told by e-mail, with your message and the reviewers' comments.",
                "The article is closed: it cannot be resubmitted.");
        button = "Yes, reject it";
      }
      case RETRACT -> {
        question = "Retract " + title + "?";
        effects =
            List.of(
                "The article stays on the public site with a retraction notice and your reason.",
                "A retraction cannot be undone.");
        button = "Yes, retract it";
      }
      case PUBLISH -> {
        question = "Publish " + title + " now?";
        effects =
            List.of(
                issueLabel == null
                    ? "It appears on the public site at once, for every reader."
                    : "It appears on the public site at once, in " + issueLabel + ".",
                "Once published it can be corrected or retracted, but not unpublished.");
        button = "Yes, publish now";
      }
      default -> {
        return Optional.empty();
      }
    }
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("action", step.name()));
    if (note != null && !note.isEmpty()) {
      fields.add(new Field("note", note));
    }
    if (issue != null && !issue.isEmpty()) {
      fields.add(new Field("issue", issue));
    }
    String page = "/desk/articles/" + article.id;
    return Optional.of(
        new Confirmation.Ask(question, effects, page + "/transition", fields, button, page));
  }
}
