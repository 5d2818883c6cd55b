package org.stet.workflow;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.stet.identity.Account;

/**
 * Sends the desk's notification mails after the change they report has committed. A mail that
 * cannot be composed or sent is logged and never undoes or delays the change.
 */
@ApplicationScoped
public class OutgoingMail {

  private static final Logger LOG = Logger.getLogger(OutgoingMail.class);

  /** Who gets a mail, about what, and the words used. */
  public record Mail(List<String> to, String subject, MailTemplateInstance body) {}

  /** Composes the mail in its own read transaction and sends it; {@code null} sends nothing. */
  public void send(String about, Supplier<Mail> compose) {
    try {
      Mail mail = QuarkusTransaction.requiringNew().call(compose::get);
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
      LOG.warnf(e, "Could not prepare the mail about %s", about);
    }
  }

  /**
   * The addresses of every active editor who is not an author of the article: an editor's own
   * submission is handled, and its reviews read, by the others.
   */
  @SuppressWarnings("unchecked")
  public static List<String> editorsFor(long articleId) {
    return Account.getEntityManager()
        .createNativeQuery(
            "select email from account where not disabled and 'EDITOR' = any(roles)"
                + " and (person_id is null or person_id not in"
                + " (select person_id from article_author where article_id = ?1)) order by id")
        .setParameter(1, articleId)
        .getResultList();
  }
}
