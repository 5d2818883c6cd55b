package org.stet.api.journal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.stet.identity.Role;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.ReviewAnonymity;
import org.stet.journal.service.JournalService;
import org.stet.journal.service.JournalService.IssueInput;
import org.stet.journal.service.JournalService.JournalInput;
import org.stet.web.PathNumber;

/** Editors manage journals, issues and tables of contents. */
@Path("/api/v1/journals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.EDITOR)
public class JournalApiResource {

  /** A journal as the API shows it. */
  public record JournalJson(
      String slug, String name, String description, ReviewAnonymity reviewAnonymity) {

    static JournalJson of(Journal journal) {
      return new JournalJson(
          journal.slug, journal.name, journal.description, journal.reviewAnonymity);
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

  private final JournalService journals;

  JournalApiResource(JournalService journals) {
    this.journals = journals;
  }

  @POST
  public Response createJournal(JournalInput input) {
    Journal journal = journals.createJournal(input);
    return Response.created(URI.create("/journals/" + journal.slug))
        .entity(JournalJson.of(journal))
        .build();
  }

  @PUT
  @Path("{slug}")
  public JournalJson updateJournal(@PathParam("slug") String slug, JournalInput input) {
    return JournalJson.of(journals.updateJournal(slug, input));
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
