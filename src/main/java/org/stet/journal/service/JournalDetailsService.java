package org.stet.journal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.Objects;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.journal.Doi;
import org.stet.journal.Issn;
import org.stet.journal.Journal;

/**
 * A journal's publication details for citation metadata and Crossref (its print and online ISSNs,
 * its publisher, its DOI prefix and suffix pattern, who deposits its DOIs): set by editors,
 * audited, and every cached page is dropped, since article pages carry them.
 */
@ApplicationScoped
@Transactional
public class JournalDetailsService {

  /** A journal's publication details changed: its articles' pages differ. */
  public record DetailsChanged(String journalSlug) {}

  /** The details as an editor types them; blank fields are none. */
  public record Details(
      String printIssn,
      String onlineIssn,
      String publisher,
      String doiPrefix,
      String doiSuffixPattern,
      String depositorName,
      String depositorEmail) {

    /** The longest publisher name. */
    public static final int MAX_PUBLISHER = 300;

    /** The longest depositor name Crossref takes. */
    public static final int MAX_DEPOSITOR = 130;

    /** The journal's saved details. */
    public static Details of(Journal journal) {
      return new Details(
          journal.printIssn,
          journal.onlineIssn,
          journal.publisher,
          journal.doiPrefix,
          journal.doiSuffixPattern,
          journal.depositorName,
          journal.depositorEmail);
    }

    /**
     * The details normalised (ISSNs hyphenated, blanks as null), or 400 saying what is wrong. Needs
     * no bean: a desk form checks before it calls the service, so a refusal never marks its
     * transaction for rollback.
     */
    public Details checked() {
      String publisherName = blankAsNull(publisher);
      if (publisherName != null
          && (publisherName.length() > MAX_PUBLISHER || publisherName.indexOf('\0') >= 0)) {
        throw new BadRequestException(
            "The publisher's name is at most " + MAX_PUBLISHER + " characters; nothing was saved.");
      }
      String print = issn(printIssn, "print");
      String online = issn(onlineIssn, "online");
      if (print != null && print.equals(online)) {
        throw new BadRequestException(
            "The print and the online ISSN are the same; a journal has one for each form it"
                + " appears in. Leave one empty.");
      }
      String depositor = blankAsNull(depositorName);
      if (depositor != null
          && (depositor.length() > MAX_DEPOSITOR
              || org.stet.spi.TypedText.hasNonText(depositor)
              || depositor.contains("\n"))) {
        throw new BadRequestException(
            "The depositor's name is one line of at most "
                + MAX_DEPOSITOR
                + " characters; nothing was saved.");
      }
      String email = blankAsNull(depositorEmail);
      if (email != null
          && (email.length() > 200
              || org.stet.spi.TypedText.hasNonText(email)
              || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
        throw new BadRequestException(
            "\""
                + shorter(email)
                + "\" is not an e-mail address for Crossref's answers; nothing"
                + " was saved.");
      }
      try {
        return new Details(
            print,
            online,
            publisherName,
            Doi.prefix(doiPrefix).orElse(null),
            Doi.suffixPattern(doiSuffixPattern).orElse(null),
            depositor,
            email);
      } catch (Doi.Invalid e) {
        throw new BadRequestException(e.getMessage() + " Nothing was saved.");
      }
    }

    private static String shorter(String value) {
      return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    private static String issn(String typed, String form) {
      String value = blankAsNull(typed);
      if (value == null) {
        return null;
      }
      return Issn.parse(value)
          .orElseThrow(
              () ->
                  new BadRequestException(
                      "\""
                          + shorter(value)
                          + "\" is not a valid "
                          + form
                          + " ISSN: it has eight characters, such as 2049-3630, and the last is"
                          + " a check digit. Nothing was saved."));
    }

    private static String blankAsNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }

  private final AuditLog audit;
  private final Event<DetailsChanged> changed;

  JournalDetailsService(AuditLog audit, Event<DetailsChanged> changed) {
    this.audit = audit;
    this.changed = changed;
  }

  /** Sets the journal's details ({@link Details#checked} first); unchanged details do nothing. */
  public void set(AuditLog.Actor actor, String slug, Details checked) {
    Journal journal = Journal.findBySlug(slug).orElseThrow(NotFoundException::new);
    if (checked.equals(Details.of(journal))) {
      return;
    }
    journal.printIssn = checked.printIssn();
    journal.onlineIssn = checked.onlineIssn();
    journal.publisher = checked.publisher();
    journal.doiPrefix = checked.doiPrefix();
    journal.doiSuffixPattern = checked.doiSuffixPattern();
    journal.depositorName = checked.depositorName();
    journal.depositorEmail = checked.depositorEmail();
    audit.record(
        actor,
        AuditAction.JOURNAL_DETAILS_CHANGED,
        "journal " + slug,
        "print ISSN "
            + Objects.requireNonNullElse(checked.printIssn(), "none")
            + ", online ISSN "
            + Objects.requireNonNullElse(checked.onlineIssn(), "none")
            + ", publisher "
            + Objects.requireNonNullElse(checked.publisher(), "the site")
            + ", DOI prefix "
            + Objects.requireNonNullElse(checked.doiPrefix(), "none")
            + ", suffix pattern "
            + Objects.requireNonNullElse(checked.doiSuffixPattern(), Doi.DEFAULT_SUFFIX_PATTERN)
            + ", depositor "
            + Objects.requireNonNullElse(checked.depositorName(), "none")
            + " <"
            + Objects.requireNonNullElse(checked.depositorEmail(), "none")
            + ">");
    changed.fire(new DetailsChanged(slug));
  }
}
