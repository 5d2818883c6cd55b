package org.stet.review;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.LocalDate;
import java.util.List;
import org.stet.article.Article;
import org.stet.mail.OutgoingMail;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;

/**
 * E-mails about reviews: the reviewer hears of an assignment (author names only where the journal's
 * anonymity allows); editors hear of a review received or an invitation declined.
 */
@ApplicationScoped
public class ReviewMails {

  @CheckedTemplate
  static class Templates {
    static native MailTemplateInstance assigned(
        String site, String title, List<String> authors, LocalDate dueOn, String link);

    static native MailTemplateInstance received(
        String site, String title, String reviewer, Recommendation recommendation, String link);

    static native MailTemplateInstance reminder(
        String site, String title, LocalDate dueOn, boolean overdue, boolean accepted, String link);

    static native MailTemplateInstance declined(
        String site, String title, String reviewer, String reason, String link);
  }

  private final SiteConfig config;
  private final OutgoingMail outgoing;
  private final ReviewService reviews;

  ReviewMails(SiteConfig config, OutgoingMail outgoing, ReviewService reviews) {
    this.config = config;
    this.outgoing = outgoing;
    this.reviews = reviews;
  }

  void onReview(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewEvent event) {
    outgoing.send("review " + event.assignmentId(), () -> compose(event));
  }

  private OutgoingMail.Mail compose(ReviewEvent event) {
    ReviewAssignment assignment = ReviewAssignment.findById(event.assignmentId());
    Article article = assignment.article;
    String site = Site.current().name;
    String articleDesk = config.baseUrl() + "/desk/articles/" + article.id;
    return switch (event.kind()) {
      case ASSIGNED ->
          new OutgoingMail.Mail(
              List.of(assignment.reviewer.email),
              "Review invitation: " + article.title,
              Templates.assigned(
                  site,
                  article.title,
                  reviews.anonymity(assignment).reviewerSeesAuthors()
                      ? article.authors.stream().map(person -> person.displayName).toList()
                      : List.of(),
                  assignment.dueOn,
                  config.baseUrl() + "/desk/reviews/" + assignment.id));
      case SUBMITTED ->
          new OutgoingMail.Mail(
              OutgoingMail.editorsFor(article.id),
              "Review received: " + article.title,
              Templates.received(
                  site,
                  article.title,
                  assignment.reviewer.displayName,
                  assignment.recommendation,
                  articleDesk));
      case DECLINED ->
          new OutgoingMail.Mail(
              OutgoingMail.editorsFor(article.id),
              "Review declined: " + article.title,
              Templates.declined(
                  site,
                  article.title,
                  assignment.reviewer.displayName,
                  assignment.declineReason,
                  articleDesk));
      case REMINDED -> {
        boolean overdue = assignment.dueOn.isBefore(LocalDate.now(Site.current().zone()));
        yield new OutgoingMail.Mail(
            List.of(assignment.reviewer.email),
            (overdue ? "Overdue review: " : "Reminder: review of ") + article.title,
            Templates.reminder(
                site,
                article.title,
                assignment.dueOn,
                overdue,
                assignment.state == ReviewState.ACCEPTED,
                config.baseUrl() + "/desk/reviews/" + assignment.id));
      }
      default -> null;
    };
  }
}
