package org.stet.pluginhost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import org.stet.mail.OutgoingMail;
import org.stet.settings.SiteConfig;

/** Plugins' mail: Stet's outgoing mail, sent after the caller's transaction commits. */
@ApplicationScoped
public class PluginMail implements org.stet.spi.Mail {

  private final OutgoingMail outgoing;
  private final TransactionSynchronizationRegistry transactions;
  private final SiteConfig site;

  PluginMail(
      OutgoingMail outgoing, TransactionSynchronizationRegistry transactions, SiteConfig site) {
    this.outgoing = outgoing;
    this.transactions = transactions;
    this.site = site;
  }

  @Override
  public void send(String to, String subject, String text) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      outgoing.text(to, subject, text);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              outgoing.text(to, subject, text);
            }
          }
        });
  }

  @Override
  @Transactional
  public List<String> editorAddresses() {
    return OutgoingMail.editors();
  }

  @Override
  public String siteUrl() {
    return site.baseUrl();
  }
}
