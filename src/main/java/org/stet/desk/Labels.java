package org.stet.desk;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;
import org.stet.journal.IssueStatus;
import org.stet.journal.ReviewAnonymity;
import org.stet.review.Recommendation;
import org.stet.review.ReviewState;
import org.stet.workflow.WorkflowAction;

/**
 * The words the desk shows for Stet's states, steps, modes and roles, in one place: {@code
 * {label:state(article.status)}} in a template. The English words are in {@code
 * messages/label.properties}; a translation is a {@code label_xx.properties} beside it.
 */
@MessageBundle(value = "label", locale = "en")
public interface Labels {

  /** An article's state: "In review". */
  @Message
  String state(ArticleStatus state);

  /** What the state means for the people waiting on it: "The reviewers are reading it." */
  @Message
  String stateMeans(ArticleStatus state);

  /** A workflow step, as history lists it: "Submitted". */
  @Message
  String step(WorkflowAction action);

  /** A review's state: "Invited". */
  @Message
  String review(ReviewState state);

  /** A reviewer's recommendation: "Minor revisions". */
  @Message
  String recommendation(Recommendation recommendation);

  /** A journal's review mode: "Double-blind". */
  @Message
  String anonymity(ReviewAnonymity anonymity);

  /** A journal issue's state: "Planned". */
  @Message
  String issue(IssueStatus status);

  /** A role: "Editor". */
  @Message
  String role(Role role);
}
