package org.stet.identity.service;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stet.mail.OutgoingMail;

/** Tells an account's owner of repeated failed sign-ins, after the failure is recorded. */
@ApplicationScoped
public class SignInMails {

  /** Failed sign-ins to an account that its owner should hear of. */
  public record Failures(String email, String displayName, int failures) {}

  @CheckedTemplate
  static class Templates {
    static native MailTemplateInstance failures(String name, int failures, String signIn);
  }

  private final OutgoingMail outgoing;
  private final String siteUrl;

  SignInMails(OutgoingMail outgoing, @ConfigProperty(name = "stet.site.base-url") String siteUrl) {
    this.outgoing = outgoing;
    this.siteUrl = siteUrl;
  }

  void report(@Observes(during = TransactionPhase.AFTER_SUCCESS) Failures failures) {
    outgoing.send(
        "failed sign-ins of " + failures.email(),
        () ->
            new OutgoingMail.Mail(
                List.of(failures.email()),
                "Failed attempts to sign in to your account",
                Templates.failures(
                    failures.displayName(), failures.failures(), siteUrl + "/desk/sign-in")));
  }
}
