package org.stet.journal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.Objects;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.journal.Issn;
import org.stet.journal.Journal;

/**
 * A journal's publication details for citation metadata (its print and online ISSNs, its
 * publisher): set by editors, audited, and every cached page is dropped, since article pages carry
 * them.
 */
@ApplicationScoped
@Transactional
public class JournalDetailsService {

  /** A journal's publication details changed: its articles' pages differ. */
  public record DetailsChanged(String journalSlug) {}

  /** The details as an editor types them; blank fields are none. */
  public record Details(String printIssn, String onlineIssn, String publisher) {

    /** The longest publisher name. */
    public static final int MAX_PUBLISHER = 300;

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
      return new Details(print, online, publisherName);
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
                          + (value.length() > 20 ? value.substring(0, 20) + "…" : value)
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
    if (Objects.equals(checked.printIssn(), journal.printIssn)
        && Objects.equals(checked.onlineIssn(), journal.onlineIssn)
        && Objects.equals(checked.publisher(), journal.publisher)) {
      return;
    }
    journal.printIssn = checked.printIssn();
    journal.onlineIssn = checked.onlineIssn();
    journal.publisher = checked.publisher();
    audit.record(
        actor,
        AuditAction.JOURNAL_DETAILS_CHANGED,
        "journal " + slug,
        "print ISSN "
            + Objects.requireNonNullElse(checked.printIssn(), "none")
            + ", online ISSN "
            + Objects.requireNonNullElse(checked.onlineIssn(), "none")
            + ", publisher "
            + Objects.requireNonNullElse(checked.publisher(), "the site"));
    changed.fire(new DetailsChanged(slug));
  }
}
