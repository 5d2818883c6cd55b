package org.stet.pluginhost;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.stet.identity.Account;
import org.stet.site.config.SiteConfig;

/** Plugins' mail: sent after the caller's transaction commits, failures logged. */
@ApplicationScoped
public class PluginMail implements org.stet.spi.Mail {

  private static final Logger LOG = Logger.getLogger(PluginMail.class);

  private final ReactiveMailer mailer;
  private final TransactionSynchronizationRegistry transactions;
  private final SiteConfig site;

  PluginMail(
      ReactiveMailer mailer, TransactionSynchronizationRegistry transactions, SiteConfig site) {
    this.mailer = mailer;
    this.transactions = transactions;
    this.site = site;
  }

  @Override
  public void send(String to, String subject, String text) {
    Runnable send =
        () -> {
          try {
            mailer
                .send(Mail.withText(to, subject, text))
                .subscribe()
                .with(
                    sent -> LOG.debugf("Sent '%s'", subject),
                    failure -> LOG.warnf("Could not send '%s': %s", subject, failure.getMessage()));
          } catch (RuntimeException e) {
            LOG.warnf(e, "Could not send '%s'", subject);
          }
        };
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                send.run();
              }
            }
          });
    } else {
      send.run();
    }
  }

  @Override
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> editorAddresses() {
    return Account.getEntityManager()
        .createNativeQuery(
            "select email from account where not disabled and 'EDITOR' = any(roles) order by id")
        .getResultList();
  }

  @Override
  public String siteUrl() {
    return site.baseUrl();
  }
}
