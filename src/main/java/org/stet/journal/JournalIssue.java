package org.stet.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A numbered issue of a journal, e.g. No. 14, February 2017. */
@Entity
@Table(name = "journal_issue")
public class JournalIssue extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "journal_id")
  public Journal journal;

  public int number;

  public Integer volume;

  public int year;

  /** 1 = January. */
  public int month;

  public String title;

  @Enumerated(EnumType.STRING)
  public IssueStatus status = IssueStatus.PLANNED;

  public static Optional<JournalIssue> findByNumber(Journal journal, int number) {
    return find("journal = ?1 and number = ?2", journal, number).firstResultOptional();
  }

  /** Issue No. {@code number} of the journal at {@code journalSlug}, or 404. */
  public static JournalIssue require(String journalSlug, int number) {
    Journal journal =
        Journal.findBySlug(journalSlug).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    return findByNumber(journal, number).orElseThrow(jakarta.ws.rs.NotFoundException::new);
  }

  /** The journal's issues, newest first. */
  public static List<JournalIssue> listOfJournal(Journal journal) {
    return list("journal = ?1 order by year desc, month desc, number desc", journal);
  }

  /** "February 2017 No. 14", with "Vol. 3" before the number when the issue has a volume. */
  public String label() {
    String named =
        java.time.Month.of(month)
            .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    return named
        + " "
        + year
        + " "
        + (volume == null ? "" : "Vol. " + volume + " ")
        + "No. "
        + number;
  }
}
