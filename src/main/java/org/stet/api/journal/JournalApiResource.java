package org.stet.api.journal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.stet.identity.AuditActors;
import org.stet.identity.Role;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.ReviewAnonymity;
import org.stet.journal.service.DoiService;
import org.stet.journal.service.JournalDetailsService;
import org.stet.journal.service.JournalService;
import org.stet.journal.service.JournalService.IssueInput;
import org.stet.journal.service.JournalService.JournalInput;
import org.stet.site.service.CrossrefDeposits;
import org.stet.site.service.CrossrefExports;
import org.stet.web.PathNumber;

/** Editors manage journals, issues and tables of contents. */
@Path("/api/v1/journals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.EDITOR)
public class JournalApiResource {

  /**
   * A journal as the API shows it: {@code issn} is the print ISSN, {@code eissn} the online one;
   * the DOI fields are what Crossref deposits use.
   */
  public record JournalJson(
      String slug,
      String name,
      String description,
      ReviewAnonymity reviewAnonymity,
      String issn,
      String eissn,
      String publisher,
      String doiPrefix,
      String doiSuffixPattern,
      String depositorName,
      String depositorEmail) {

    static JournalJson of(Journal journal) {
      return new JournalJson(
          journal.slug,
          journal.name,
          journal.description,
          journal.reviewAnonymity,
          journal.printIssn,
          journal.onlineIssn,
          journal.publisher,
          journal.doiPrefix,
          journal.doiSuffixPattern,
          journal.depositorName,
          journal.depositorEmail);
    }
  }

  /**
   * A journal's settings as an editor replaces them: every field left out is none (a review
   * anonymity left out stays as it is).
   */
  public record JournalUpdateJson(
      String name,
      String description,
      ReviewAnonymity reviewAnonymity,
      String issn,
      String eissn,
      String publisher,
      String doiPrefix,
      String doiSuffixPattern,
      String depositorName,
      String depositorEmail) {

    JournalDetailsService.Details details() {
      return new JournalDetailsService.Details(
          issn, eissn, publisher, doiPrefix, doiSuffixPattern, depositorName, depositorEmail);
    }
  }

  /** An issue as the API shows it. */
  public record IssueJson(
      int number, Integer volume, int year, int month, String title, String status) {

    static IssueJson of(JournalIssue issue) {
      return new IssueJson(
          issue.number, issue.volume, issue.year, issue.month, issue.title, issue.status.name());
    }
  }

  /** The articles of an issue, in order. */
  public record ContentsJson(List<Long> articleIds) {}

  /** What assigning an issue's missing DOIs did. */
  public record AssignedJson(int assigned, List<String> problems) {}

  /** An issue's articles as Crossref sees them, and its last deposits. */
  public record CrossrefJson(
      List<CrossrefExports.Row> articles,
      List<CrossrefDeposits.Sent> deposits,
      boolean depositAvailable) {}

  /** What Crossref answered to a deposit, and what the deposit held and left out. */
  public record DepositJson(
      String batchId,
      boolean accepted,
      int status,
      String answer,
      List<Long> articleIds,
      List<CrossrefExports.LeftOut> leftOut) {}

  private final JournalService journals;
  private final JournalDetailsService details;
  private final SecurityIdentity identity;
  private final DoiService dois;
  private final CrossrefExports crossref;
  private final CrossrefDeposits deposits;

  JournalApiResource(
      JournalService journals,
      JournalDetailsService details,
      SecurityIdentity identity,
      DoiService dois,
      CrossrefExports crossref,
      CrossrefDeposits deposits) {
    this.journals = journals;
    this.details = details;
    this.identity = identity;
    this.dois = dois;
    this.crossref = crossref;
    this.deposits = deposits;
  }

  /** Gives each article of the issue without a DOI one from the journal's pattern. */
  @POST
  @Path("{slug}/issues/{number}/dois")
  public AssignedJson assignDois(
      @PathParam("slug") String slug, @PathParam("number") String number) {
    DoiService.Assigned assigned =
        dois.assignMissing(AuditActors.of(identity), slug, PathNumber.small(number));
    return new AssignedJson(assigned.count(), assigned.problems());
  }

  /** Each article of the issue with its DOI, its deposit and what keeps it from one. */
  @GET
  @Path("{slug}/issues/{number}/crossref")
  @Transactional
  public CrossrefJson crossref(@PathParam("slug") String slug, @PathParam("number") String number) {
    int issueNumber = PathNumber.small(number);
    return new CrossrefJson(
        crossref.rows(slug, issueNumber),
        deposits.recent(journals.findIssue(slug, issueNumber).id),
        deposits.available());
  }

  /**
   * The Crossref deposit XML (schema 5.3.1) of the issue's articles that can be deposited; the ids
   * of those left out are in the {@code Stet-Left-Out} header.
   */
  @GET
  @Path("{slug}/issues/{number}/crossref.xml")
  @Produces(MediaType.APPLICATION_XML)
  public Response crossrefXml(@PathParam("slug") String slug, @PathParam("number") String number) {
    return CrossrefExports.download(crossref.ofIssue(slug, PathNumber.small(number)));
  }

  /** Sends the issue's deposit to Crossref (when the site deposits directly). */
  @POST
  @Path("{slug}/issues/{number}/crossref/deposits")
  public DepositJson deposit(@PathParam("slug") String slug, @PathParam("number") String number) {
    CrossrefDeposits.Outcome outcome =
        deposits.issue(AuditActors.of(identity), slug, PathNumber.small(number));
    return new DepositJson(
        outcome.export().batchId(),
        outcome.accepted(),
        outcome.status(),
        outcome.answer(),
        outcome.export().articleIds(),
        outcome.export().leftOut());
  }

  @POST
  public Response createJournal(JournalInput input) {
    Journal journal = journals.createJournal(input);
    return Response.created(URI.create("/journals/" + journal.slug))
        .entity(JournalJson.of(journal))
        .build();
  }

  /** Replaces the journal's name, description, anonymity, ISSNs, publisher and DOI settings. */
  @PUT
  @Path("{slug}")
  @Transactional
  public JournalJson updateJournal(@PathParam("slug") String slug, JournalUpdateJson update) {
    if (update == null) {
      throw new BadRequestException("Send the journal's settings as JSON.");
    }
    JournalDetailsService.Details checked = update.details().checked();
    Journal journal =
        journals.updateJournal(
            slug, new JournalInput(update.name(), update.description(), update.reviewAnonymity()));
    details.set(AuditActors.of(identity), slug, checked);
    return JournalJson.of(journal);
  }

  @POST
  @Path("{slug}/issues")
  public Response createIssue(@PathParam("slug") String slug, IssueInput input) {
    JournalIssue issue = journals.createIssue(slug, input);
    return Response.created(URI.create("/journals/" + slug + "/issues/" + issue.number))
        .entity(IssueJson.of(issue))
        .build();
  }

  @PUT
  @Path("{slug}/issues/{number}")
  public IssueJson updateIssue(
      @PathParam("slug") String slug, @PathParam("number") String number, IssueInput input) {
    return IssueJson.of(journals.updateIssue(slug, PathNumber.small(number), input));
  }

  @PUT
  @Path("{slug}/issues/{number}/contents")
  public ContentsJson setContents(
      @PathParam("slug") String slug, @PathParam("number") String number, ContentsJson contents) {
    return new ContentsJson(
        journals
            .setContents(
                slug, PathNumber.small(number), contents == null ? null : contents.articleIds())
            .stream()
            .map(placement -> placement.articleId)
            .toList());
  }
}
