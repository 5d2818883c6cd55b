package org.stet.workflow;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.stet.article.Article;
import org.stet.identity.Account;
import org.stet.mail.OutgoingMail;
import org.stet.review.ReviewService;
import org.stet.review.ReviewView;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;

/**
 * E-mails about the workflow, sent after the transition has committed: editors hear of new
 * submissions; authors hear of decisions and of publication. A mail that cannot be sent is logged
 * and never undoes or delays the transition.
 */
@ApplicationScoped
public class WorkflowMails {

  @CheckedTemplate
  static class Templates {
    static native MailTemplateInstance submitted(String site, String title, String link);

    static native MailTemplateInstance decided(
        String site,
        String title,
        String decision,
        String note,
        List<ReviewView> reviews,
        String link);

    static native MailTemplateInstance published(String site, String title, String link);
  }

  private final SiteConfig config;
  private final OutgoingMail outgoing;
  private final ReviewService reviews;

  WorkflowMails(SiteConfig config, OutgoingMail outgoing, ReviewService reviews) {
    this.config = config;
    this.outgoing = outgoing;
    this.reviews = reviews;
  }

  void onTransition(@Observes(during = TransactionPhase.AFTER_SUCCESS) Transitioned event) {
    outgoing.send("article " + event.articleId(), () -> compose(event));
  }

  private OutgoingMail.Mail compose(Transitioned event) {
    Article article = Article.findById(event.articleId());
    String site = Site.current().name;
    String desk = config.baseUrl() + "/desk";
    return switch (event.action()) {
      case SUBMIT ->
          new OutgoingMail.Mail(
              OutgoingMail.editorsFor(article.id),
              "New submission: " + article.title,
              Templates.submitted(site, article.title, desk));
      case ACCEPT, REJECT, REQUEST_MINOR_REVISIONS, REQUEST_MAJOR_REVISIONS ->
          new OutgoingMail.Mail(
              authors(article),
              "Decision on \"" + article.title + "\"",
              Templates.decided(
                  site,
                  article.title,
                  decision(event.action()),
                  event.note(),
                  event.revision() == null
                      ? List.of()
                      : reviews.forAuthorOfRevision(article.id, event.revision()),
                  desk));
      case PUBLISH ->
          new OutgoingMail.Mail(
              authors(article),
              "Published: " + article.title,
              Templates.published(
                  site, article.title, config.baseUrl() + "/articles/" + article.slug));
      default -> null;
    };
  }

  private static List<String> authors(Article article) {
    return article.authors.stream()
        .flatMap(
            person -> Account.<Account>list("person = ?1 and disabled = false", person).stream())
        .map(account -> account.email)
        .toList();
  }

  private static String decision(WorkflowAction action) {
    return switch (action) {
      case ACCEPT -> "accepted";
      case REJECT -> "not accepted";
      case REQUEST_MINOR_REVISIONS -> "returned to you for minor revisions";
      default -> "returned to you for major revisions";
    };
  }
}
