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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
    name = "Journals and issues",
    description =
        "Editors manage journals, their issues and tables of contents, and the journals' DOIs and"
            + " Crossref deposits.")
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
  @Operation(
      summary = "Give DOIs to an issue's articles without one",
      description =
          "Editors only. Gives each article of the issue that has no DOI one made from the"
              + " journal's DOI prefix and suffix pattern, and answers how many it gave and, for"
              + " each article it could not, why (the DOI is another article's, the pattern needs"
              + " what the issue lacks). 409 when the journal has no DOI prefix yet, 404 for no"
              + " such journal or issue.")
  public AssignedJson assignDois(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number) {
    DoiService.Assigned assigned =
        dois.assignMissing(AuditActors.of(identity), slug, PathNumber.small(number));
    return new AssignedJson(assigned.count(), assigned.problems());
  }

  /** Each article of the issue with its DOI, its deposit and what keeps it from one. */
  @GET
  @Path("{slug}/issues/{number}/crossref")
  @Transactional
  @Operation(
      summary = "See an issue's articles as Crossref will",
      description =
          "Editors only. Answers each article of the issue with its DOI, when it was registered"
              + " with Crossref and what keeps it from a deposit; the issue's last ten deposits"
              + " with Crossref's answers; and whether this site can send deposits itself. 404 for"
              + " no such journal or issue.")
  public CrossrefJson crossref(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number) {
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
  @Operation(
      summary = "Download an issue's Crossref deposit file",
      description =
          "Editors only. Answers the Crossref deposit XML (schema 5.3.1) of the issue's articles"
              + " that can be deposited, as a file to upload at Crossref; the numbers of the"
              + " articles left out (not published yet, no DOI, an invalid ORCID iD) are in the"
              + " Stet-Left-Out header. 409 when the journal has no DOI prefix or no depositor's"
              + " name and e-mail, and when no article of the issue can be deposited (the message"
              + " says why for each); 404 for no such journal or issue.")
  @APIResponse(
      responseCode = "200",
      description =
          "The deposit file, to upload at Crossref; the Stet-Left-Out header lists the articles"
              + " left out of it.",
      content = @Content(mediaType = "application/xml"))
  public Response crossrefXml(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number) {
    return CrossrefExports.download(crossref.ofIssue(slug, PathNumber.small(number)));
  }

  /** Sends the issue's deposit to Crossref (when the site deposits directly). */
  @POST
  @Path("{slug}/issues/{number}/crossref/deposits")
  @Operation(
      summary = "Deposit an issue with Crossref",
      description =
          "Editors only, on a site set up to deposit with Crossref directly (409 otherwise:"
              + " download the file and upload it at Crossref instead). Sends the same deposit as"
              + " the issue's deposit file, with the same 409 refusals, and keeps Crossref's"
              + " answer. When Crossref takes the file, its articles' DOIs are registered and never"
              + " change again; 404 for no such journal or issue.")
  @APIResponse(
      responseCode = "200",
      description =
          "Crossref's answer and what the deposit held and left out; \"accepted\" is false"
              + " when Crossref refused the file or could not be reached (status 0).")
  public DepositJson deposit(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number) {
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
  @Operation(
      summary = "Create a journal",
      description =
          "Editors only. Makes a journal with a name, a description and the anonymity of its"
              + " peer review (single-anonymous when left out); its address name (slug) is made"
              + " from the name and never changes. 400 for a missing name or one over 200"
              + " characters or without letters or digits, and a description over 2,000"
              + " characters; 409 when a journal with the same address name exists.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a journal",
                    value =
                        "{\"name\":\"Journal of Pastoral Ecology\","
                            + "\"description\":\"Research on herding, grazing and the"
                            + " commons.\",\"reviewAnonymity\":\"DOUBLE\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The journal was made; its public address is in the Location header.")
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
  @Operation(
      summary = "Change a journal's settings",
      description =
          "Editors only. Replaces the journal's name, description, review anonymity, print ISSN"
              + " (\"issn\"), online ISSN (\"eissn\"), publisher, DOI prefix and suffix pattern"
              + " and Crossref depositor: a field left out becomes none, except the review"
              + " anonymity, which then stays. Its address name stays. 400 without a body, for an"
              + " invalid ISSN (or the same one twice), DOI prefix or suffix pattern, a publisher's"
              + " or depositor's name that is too long, a depositor's e-mail that is no e-mail"
              + " address, and the same faults as creating a journal; 404 for no such journal.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "every setting",
                    value =
                        "{\"name\":\"Journal of Pastoral Ecology\","
                            + "\"description\":\"Research on herding, grazing and the"
                            + " commons.\","
                            + "\"reviewAnonymity\":\"DOUBLE\","
                            + "\"issn\":\"2049-3630\",\"eissn\":\"0317-8471\","
                            + "\"publisher\":\"Steppe University Press\","
                            + "\"doiPrefix\":\"10.5555\","
                            + "\"doiSuffixPattern\":\"{journal}.{year}.{id}\","
                            + "\"depositorName\":\"Editorial office\","
                            + "\"depositorEmail\":\"editors@example.org\"}"),
                @ExampleObject(
                    name = "name and description only",
                    value =
                        "{\"name\":\"Journal of Pastoral Ecology\","
                            + "\"description\":\"Research on herding, grazing and the"
                            + " commons.\"}")
              }))
  public JournalJson updateJournal(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      JournalUpdateJson update) {
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
  @Operation(
      summary = "Create an issue of a journal",
      description =
          "Editors only. Makes an issue with its number, an optional volume, its year and month,"
              + " an optional title and its status (planned when left out). 400 for a number or"
              + " volume below 1, a year without four digits, a month outside 1 to 12 or a title"
              + " over 300 characters; 409 when the journal has an issue with this number"
              + " already; 404 for no such journal.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a planned issue",
                    value =
                        "{\"number\":15,\"volume\":4,\"year\":2027,\"month\":3,"
                            + "\"title\":\"Water and land\",\"status\":\"PLANNED\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The issue was made; its public address is in the Location header.")
  public Response createIssue(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      IssueInput input) {
    JournalIssue issue = journals.createIssue(slug, input);
    return Response.created(URI.create("/journals/" + slug + "/issues/" + issue.number))
        .entity(IssueJson.of(issue))
        .build();
  }

  @PUT
  @Path("{slug}/issues/{number}")
  @Operation(
      summary = "Change an issue",
      description =
          "Editors only. Replaces the issue's number, volume, year, month, title and status"
              + " (planned when left out), with the same 400 refusals as creating one; 409 when it"
              + " is renumbered to a number another issue has, 404 for no such journal or issue.")
  public IssueJson updateIssue(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number,
      IssueInput input) {
    return IssueJson.of(journals.updateIssue(slug, PathNumber.small(number), input));
  }

  @PUT
  @Path("{slug}/issues/{number}/contents")
  @Operation(
      summary = "Set an issue's table of contents",
      description =
          "Editors only. The issue holds exactly these articles, in this order: articles left"
              + " out are taken out of it, and an article that enters it gets its DOI when the"
              + " journal assigns them. Answers the contents as saved. 400 without the list, for"
              + " an article given twice or one that does not exist; 409 for an article in"
              + " another issue (take it out of that one first); 404 for no such journal or"
              + " issue.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(name = "three articles", value = "{\"articleIds\":[12,7,9]}"),
                @ExampleObject(name = "an empty issue", value = "{\"articleIds\":[]}")
              }))
  public ContentsJson setContents(
      @Parameter(description = "The journal's address name (slug)") @PathParam("slug") String slug,
      @Parameter(description = "The issue number") @PathParam("number") String number,
      ContentsJson contents) {
    return new ContentsJson(
        journals
            .setContents(
                slug, PathNumber.small(number), contents == null ? null : contents.articleIds())
            .stream()
            .map(placement -> placement.articleId)
            .toList());
  }
}
