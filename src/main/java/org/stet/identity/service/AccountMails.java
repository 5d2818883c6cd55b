package org.stet.identity.service;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import org.stet.identity.AccountLink.Purpose;
import org.stet.mail.OutgoingMail;
import org.stet.settings.Site;
import org.stet.settings.SiteConfig;

/** Mails the links to set a password, once the link is stored. */
@ApplicationScoped
public class AccountMails {

  /** A link for {@code email}; {@code invitedBy} names the admin on invitations. */
  public record LinkMail(
      String email,
      String displayName,
      Purpose purpose,
      String token,
      Duration valid,
      String invitedBy) {}

  @CheckedTemplate
  static class Templates {
    static native MailTemplateInstance invitation(
        String site, String name, String invitedBy, String link, String valid, String signIn);

    static native MailTemplateInstance reset(String site, String name, String link, String valid);
  }

  private final OutgoingMail outgoing;
  private final SiteConfig config;

  AccountMails(OutgoingMail outgoing, SiteConfig config) {
    this.outgoing = outgoing;
    this.config = config;
  }

  void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkMail mail) {
    outgoing.send(mail.purpose() + " link for " + mail.email(), () -> compose(mail));
  }

  private OutgoingMail.Mail compose(LinkMail mail) {
    String site = Site.current().name;
    String link = config.baseUrl() + "/desk/password/" + mail.token();
    String valid = inWords(mail.valid());
    if (mail.purpose() == Purpose.INVITATION) {
      return new OutgoingMail.Mail(
          List.of(mail.email()),
          "Your account on " + site,
          Templates.invitation(
              site,
              mail.displayName(),
              mail.invitedBy(),
              link,
              valid,
              config.baseUrl() + "/desk/sign-in"));
    }
    return new OutgoingMail.Mail(
        List.of(mail.email()),
        "Set a new password for " + site,
        Templates.reset(site, mail.displayName(), link, valid));
  }

  /** "7 days", "1 hour", "30 minutes". */
  static String inWords(Duration valid) {
    if (valid.toDays() >= 1 && valid.toHours() % 24 == 0) {
      return plural(valid.toDays(), "day");
    }
    if (valid.toHours() >= 1 && valid.toMinutes() % 60 == 0) {
      return plural(valid.toHours(), "hour");
    }
    return plural(Math.max(1, valid.toMinutes()), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
