package org.stet.mail;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends the desk's notification mails after the change they report has committed, one after another
 * in the background ({@link MailQueue}). A mail that cannot be composed or sent is logged and never
 * undoes or delays the change.
 */
@ApplicationScoped
public class OutgoingMail {

  private static final Logger LOG = Logger.getLogger(OutgoingMail.class);

  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(15);

  private static final String ACTIVE_EDITORS =
      "select email from account where not disabled and 'EDITOR' = any(roles)";

  private final ReactiveMailer mailer;
  private final MailQueue queue = new MailQueue(RETRY_AFTER, ATTEMPT_LIMIT);

  OutgoingMail(ReactiveMailer mailer) {
    this.mailer = mailer;
  }

  @PreDestroy
  void stop() {
    queue.close();
  }

  /** Who gets a mail, about what, and the words used. */
  public record Mail(List<String> to, String subject, MailTemplateInstance body) {}

  /** Composes the mail in its own read transaction and sends it; {@code null} sends nothing. */
  public void send(String about, Supplier<Mail> compose) {
    try {
      Mail mail = QuarkusTransaction.requiringNew().call(compose::get);
      if (mail == null || mail.to().isEmpty()) {
        return;
      }
      MailTemplateInstance body =
          mail.body().to(mail.to().toArray(String[]::new)).subject(mail.subject());
      queue.deliver(body::send, mail.subject(), mail.to().size());
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not prepare the mail about %s", about);
    }
  }

  /** Sends a plain-text mail now; a mail that cannot be sent is logged. */
  public void text(String to, String subject, String text) {
    try {
      queue.deliver(
          () -> mailer.send(io.quarkus.mailer.Mail.withText(to, subject, text)), subject, 1);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not send '%s'", subject);
    }
  }

  /** The addresses of every active editor. */
  @SuppressWarnings("unchecked")
  public static List<String> editors() {
    return Panache.getEntityManager()
        .createNativeQuery(ACTIVE_EDITORS + " order by id")
        .getResultList();
  }

  /**
   * The addresses of every active editor who is not an author of the article: an editor's own
   * submission is handled, and its reviews read, by the others.
   */
  @SuppressWarnings("unchecked")
  public static List<String> editorsFor(long articleId) {
    return Panache.getEntityManager()
        .createNativeQuery(
            ACTIVE_EDITORS
                + " and (person_id is null or person_id not in"
                + " (select person_id from article_author where article_id = ?1)) order by id")
        .setParameter(1, articleId)
        .getResultList();
  }
}
