package org.stet.workflow;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.jboss.logging.Logger;
import org.stet.article.Article;
import org.stet.identity.Account;
import org.stet.site.Site;
import org.stet.site.config.SiteConfig;

/**
 * E-mails about the workflow, sent after the transition has committed: editors hear of new
 * submissions; authors hear of decisions and of publication. A mail that cannot be sent is logged
 * and never undoes or delays the transition.
 */
@ApplicationScoped
public class WorkflowMails {

  private static final Logger LOG = Logger.getLogger(WorkflowMails.class);

  @CheckedTemplate
  static class Templates {
    static native MailTemplateInstance submitted(String site, String title, String link);

    static native MailTemplateInstance decided(
        String site, String title, String decision, String note, String link);

    static native MailTemplateInstance published(String site, String title, String link);
  }

  /** Who gets a mail, about what, and the words used. */
  private record Mail(List<String> to, String subject, MailTemplateInstance body) {}

  private final SiteConfig config;

  WorkflowMails(SiteConfig config) {
    this.config = config;
  }

  void onTransition(@Observes(during = TransactionPhase.AFTER_SUCCESS) Transitioned event) {
    try {
      Mail mail = QuarkusTransaction.requiringNew().call(() -> compose(event));
      if (mail == null || mail.to().isEmpty()) {
        return;
      }
      mail.body()
          .to(mail.to().toArray(String[]::new))
          .subject(mail.subject())
          .send()
          .subscribe()
          .with(
              sent -> LOG.debugf("Sent '%s' to %d recipient(s)", mail.subject(), mail.to().size()),
              failure ->
                  LOG.warnf("Could not send '%s': %s", mail.subject(), failure.getMessage()));
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not prepare the mail about article %d", event.articleId());
    }
  }

  private Mail compose(Transitioned event) {
    Article article = Article.findById(event.articleId());
    String site = Site.current().name;
    String desk = config.baseUrl() + "/desk";
    return switch (event.action()) {
      case SUBMIT ->
          new Mail(
              editors(),
              "New submission: " + article.title,
              Templates.submitted(site, article.title, desk));
      case ACCEPT, REJECT, REQUEST_REVISIONS ->
          new Mail(
              authors(article),
              "Decision on \"" + article.title + "\"",
              Templates.decided(site, article.title, decision(event.action()), event.note(), desk));
      case PUBLISH ->
          new Mail(
              authors(article),
              "Published: " + article.title,
              Templates.published(
                  site, article.title, config.baseUrl() + "/articles/" + article.slug));
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> editors() {
    return Account.getEntityManager()
        .createNativeQuery(
            "select email from account where not disabled and 'EDITOR' = any(roles) order by id")
        .getResultList();
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
      default -> "returned to you for revisions";
    };
  }
}
