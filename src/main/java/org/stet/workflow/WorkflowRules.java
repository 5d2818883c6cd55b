package org.stet.workflow;

import static org.stet.article.ArticleStatus.ACCEPTED;
import static org.stet.article.ArticleStatus.DRAFT;
import static org.stet.article.ArticleStatus.IN_REVIEW;
import static org.stet.article.ArticleStatus.PUBLISHED;
import static org.stet.article.ArticleStatus.REJECTED;
import static org.stet.article.ArticleStatus.RETRACTED;
import static org.stet.article.ArticleStatus.REVISIONS_REQUESTED;
import static org.stet.article.ArticleStatus.SCHEDULED;
import static org.stet.article.ArticleStatus.SUBMITTED;
import static org.stet.article.ArticleStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stet.article.Article;
import org.stet.article.ArticleStatus;
import org.stet.citation.References;

/**
 * The editorial workflow in one table: for each action, the states it starts from, the state it
 * leads to, who may take it, and what else it needs (its guard). Nothing else in Stet changes an
 * article's state.
 */
public final class WorkflowRules {

  /**
   * Who takes an action: one of the article's own authors; an editor; or an editor who is not an
   * author of the article (review decisions: nobody decides on their own work).
   */
  public enum Actor {
    OWN_AUTHOR,
    EDITOR,
    INDEPENDENT_EDITOR;

    /** Whether someone with these relations to the article is this actor. */
    public boolean is(boolean editor, boolean ownAuthor) {
      return switch (this) {
        case OWN_AUTHOR -> ownAuthor;
        case EDITOR -> editor;
        case INDEPENDENT_EDITOR -> editor && !ownAuthor;
      };
    }
  }

  /**
   * A condition a transition needs beyond its starting state: the reason it is refused, or empty
   * when it may go ahead. {@code note} is what the actor wrote with the action.
   */
  @FunctionalInterface
  public interface Guard {
    Optional<String> refusal(Article article, ArticleStatus from, String note);

    Guard NONE = (article, from, note) -> Optional.empty();
  }

  /** One row of the table. */
  public record Transition(
      WorkflowAction action, Set<ArticleStatus> from, ArticleStatus to, Actor actor, Guard guard) {

    Transition(WorkflowAction action, Set<ArticleStatus> from, ArticleStatus to, Actor actor) {
      this(action, from, to, actor, Guard.NONE);
    }
  }

  /**
   * A submission needs a text whose every image is described (alt text) and every citation has a
   * reference; a resubmission also needs the author's response letter.
   */
  private static final Guard SUBMISSION =
      (article, from, note) -> {
        if (article.body == null || article.body.isBlank()) {
          return Optional.of("it needs a body before it can be submitted.");
        }
        int undescribed = org.stet.markdown.MarkdownRenderer.imagesWithoutAlt(article.body);
        if (undescribed > 0) {
          return Optional.of(
              (undescribed == 1 ? "an image has" : undescribed + " images have")
                  + " no description (alt text, between ![ and ]): describe each for readers who"
                  + " cannot see it, before submitting.");
        }
        List<String> unknown = References.unknownKeys(article.body, article.references);
        if (!unknown.isEmpty()) {
          return Optional.of(
              "the text cites "
                  + unknown.stream().map(key -> "[@" + key + "]").collect(Collectors.joining(", "))
                  + " without a reference: add "
                  + (unknown.size() == 1 ? "it" : "them")
                  + " under References, or correct the key, before submitting.");
        }
        if (from == REVISIONS_REQUESTED && blank(note)) {
          return Optional.of(
              "a resubmission needs a response letter (the note) saying what was revised.");
        }
        return Optional.empty();
      };

  /** Decisions other than acceptance tell the author why. */
  private static final Guard MESSAGE_TO_AUTHOR =
      (article, from, note) ->
          blank(note)
              ? Optional.of("write the author a message (the note) saying why and what to do.")
              : Optional.empty();

  /** The table (PRODUCT.md, "Editorial workflow"). */
  public static final List<Transition> TABLE =
      List.of(
          new Transition(
              WorkflowAction.SUBMIT,
              EnumSet.of(DRAFT, REVISIONS_REQUESTED),
              SUBMITTED,
              Actor.OWN_AUTHOR,
              SUBMISSION),
          new Transition(
              WorkflowAction.WITHDRAW,
              EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, REVISIONS_REQUESTED),
              WITHDRAWN,
              Actor.OWN_AUTHOR),
          new Transition(
              WorkflowAction.START_REVIEW,
              EnumSet.of(SUBMITTED),
              IN_REVIEW,
              Actor.INDEPENDENT_EDITOR),
          new Transition(
              WorkflowAction.REQUEST_MINOR_REVISIONS,
              EnumSet.of(SUBMITTED, IN_REVIEW),
              REVISIONS_REQUESTED,
              Actor.INDEPENDENT_EDITOR,
              MESSAGE_TO_AUTHOR),
          new Transition(
              WorkflowAction.REQUEST_MAJOR_REVISIONS,
              EnumSet.of(SUBMITTED, IN_REVIEW),
              REVISIONS_REQUESTED,
              Actor.INDEPENDENT_EDITOR,
              MESSAGE_TO_AUTHOR),
          new Transition(
              WorkflowAction.ACCEPT,
              EnumSet.of(SUBMITTED, IN_REVIEW),
              ACCEPTED,
              Actor.INDEPENDENT_EDITOR),
          new Transition(
              WorkflowAction.REJECT,
              EnumSet.of(SUBMITTED, IN_REVIEW),
              REJECTED,
              Actor.INDEPENDENT_EDITOR,
              MESSAGE_TO_AUTHOR),
          new Transition(WorkflowAction.SCHEDULE, EnumSet.of(ACCEPTED), SCHEDULED, Actor.EDITOR),
          new Transition(
              WorkflowAction.PUBLISH, EnumSet.of(ACCEPTED, SCHEDULED), PUBLISHED, Actor.EDITOR),
          new Transition(WorkflowAction.RETRACT, EnumSet.of(PUBLISHED), RETRACTED, Actor.EDITOR));

  private WorkflowRules() {}

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The row for {@code action}; every action has exactly one. */
  public static Transition of(WorkflowAction action) {
    return TABLE.stream().filter(row -> row.action() == action).findFirst().orElseThrow();
  }

  /** The state {@code action} leads to from {@code state}, or empty when it cannot start there. */
  public static Optional<ArticleStatus> next(ArticleStatus state, WorkflowAction action) {
    Transition row = of(action);
    return row.from().contains(state) ? Optional.of(row.to()) : Optional.empty();
  }

  /** The actions someone may take from {@code state}: the desk shows exactly these. */
  public static List<WorkflowAction> possibleFor(
      ArticleStatus state, boolean editor, boolean ownAuthor) {
    return TABLE.stream()
        .filter(row -> row.from().contains(state))
        .filter(row -> row.actor().is(editor, ownAuthor))
        .map(Transition::action)
        .toList();
  }

  /** The actions that can start from {@code state}, for messages. */
  public static List<WorkflowAction> possibleFrom(ArticleStatus state) {
    return TABLE.stream()
        .filter(row -> row.from().contains(state))
        .map(Transition::action)
        .toList();
  }
}
