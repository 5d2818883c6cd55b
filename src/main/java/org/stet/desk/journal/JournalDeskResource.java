package org.stet.desk.journal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.journal.IssuePlacement;
import org.stet.journal.IssueStatus;
import org.stet.journal.Journal;
import org.stet.journal.JournalIssue;
import org.stet.journal.ReviewAnonymity;
import org.stet.journal.service.CitationStyleService;
import org.stet.journal.service.JournalDetailsService;
import org.stet.journal.service.JournalService;
import org.stet.journal.service.JournalService.IssueInput;
import org.stet.journal.service.JournalService.JournalInput;
import org.stet.web.PathNumber;

/** Editors manage journals, their issues and each issue's table of contents on the desk. */
@Path("/desk/journals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.EDITOR)
public class JournalDeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance journals(
        DeskChrome desk, List<Journal> journals, List<ReviewAnonymity> anonymities, String error);

    static native TemplateInstance journal(
        DeskChrome desk,
        Journal journal,
        List<JournalIssue> issues,
        List<ReviewAnonymity> anonymities,
        List<IssueStatus> statuses,
        CitationStyleService.Picker styles,
        JournalDetailsService.Details details,
        String error,
        String notice);

    static native TemplateInstance issue(
        DeskChrome desk,
        JournalIssue issue,
        List<IssuePlacement> contents,
        List<IssueStatus> statuses,
        String error);
  }

  private final JournalService journals;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final CitationStyleService styles;
  private final org.stet.citation.CitationStyles collection;
  private final JournalDetailsService details;

  JournalDeskResource(
      JournalService journals,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header,
      CitationStyleService styles,
      org.stet.citation.CitationStyles collection,
      JournalDetailsService details) {
    this.collection = collection;
    this.details = details;
    this.journals = journals;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
    this.styles = styles;
  }

  private org.stet.audit.AuditLog.Actor actor() {
    return org.stet.identity.AuditActors.of(identity);
  }

  @GET
  @Transactional
  public String list() {
    return listPage(null).render();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response create(
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("reviewAnonymity") String anonymity,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> "/desk/journals/" + journals.createJournal(input(name, description, anonymity)).slug,
        problem -> listPage(problem.message()).render());
  }

  @GET
  @Path("{slug}")
  @Transactional
  public String show(
      @PathParam("slug") String slug,
      @QueryParam("styleSaved") String styleSaved,
      @QueryParam("detailsSaved") String detailsSaved) {
    String notice =
        styleSaved != null
            ? "Saved. The journal's articles now show their citations and references in this"
                + " style."
            : detailsSaved != null
                ? "Saved. The pages of the journal's articles now carry these details for"
                    + " Google Scholar and reference managers."
                : null;
    return journalPage(slug, null, notice, null).render();
  }

  @POST
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response update(
      @PathParam("slug") String slug,
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("reviewAnonymity") String anonymity,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          journals.updateJournal(slug, input(name, description, anonymity));
          return "/desk/journals/" + slug;
        },
        problem -> journalPage(slug, problem.message()).render());
  }

  /**
   * The journal's ISSNs and publisher, for the metadata its articles' pages carry, and its DOI
   * prefix, suffix pattern and depositor, for Crossref.
   */
  @POST
  @Path("{slug}/details")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response details(
      @PathParam("slug") String slug,
      @FormParam("printIssn") String printIssn,
      @FormParam("onlineIssn") String onlineIssn,
      @FormParam("publisher") String publisher,
      @FormParam("doiPrefix") String doiPrefix,
      @FormParam("doiSuffixPattern") String doiSuffixPattern,
      @FormParam("depositorName") String depositorName,
      @FormParam("depositorEmail") String depositorEmail,
      @FormParam(CsrfToken.FIELD) String token) {
    JournalDetailsService.Details typed =
        new JournalDetailsService.Details(
            printIssn,
            onlineIssn,
            publisher,
            doiPrefix,
            doiSuffixPattern,
            depositorName,
            depositorEmail);
    return forms.submit(
        token,
        () -> {
          details.set(actor(), slug, typed.checked());
          return "/desk/journals/" + slug + "?detailsSaved=1";
        },
        problem -> journalPage(slug, problem.message(), null, typed).render());
  }

  /** The journal's own citation style, or (empty) the site's. */
  @POST
  @Path("{slug}/citation-style")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response citationStyle(
      @PathParam("slug") String slug,
      @FormParam("style") String style,
      @FormParam("otherStyle") String other,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          String chosen = CitationStyleService.chosen(style, other);
          CitationStyleService.check(collection, chosen);
          styles.setJournalStyle(actor(), slug, chosen);
          return "/desk/journals/" + slug + "?styleSaved=1";
        },
        problem -> journalPage(slug, problem.message()).render());
  }

  @POST
  @Path("{slug}/issues")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response createIssue(
      @PathParam("slug") String slug,
      @FormParam("number") String number,
      @FormParam("volume") String volume,
      @FormParam("year") String year,
      @FormParam("month") String month,
      @FormParam("title") String title,
      @FormParam("status") String status,
      @FormParam(CsrfToken.FIELD) String token) {
    return forms.submit(
        token,
        () -> {
          JournalIssue issue =
              journals.createIssue(slug, issueInput(number, volume, year, month, title, status));
          return "/desk/journals/" + slug + "/issues/" + issue.number;
        },
        problem -> journalPage(slug, problem.message()).render());
  }

  @GET
  @Path("{slug}/issues/{number}")
  @Transactional
  public String issue(@PathParam("slug") String slug, @PathParam("number") String number) {
    return issuePage(slug, PathNumber.small(number), null).render();
  }

  @POST
  @Path("{slug}/issues/{number}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response updateIssue(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @FormParam("volume") String volume,
      @FormParam("year") String year,
      @FormParam("month") String month,
      @FormParam("title") String title,
      @FormParam("status") String status,
      @FormParam(CsrfToken.FIELD) String token) {
    int current = PathNumber.small(number);
    return forms.submit(
        token,
        () -> {
          journals.updateIssue(
              slug, current, issueInput(number, volume, year, month, title, status));
          return "/desk/journals/" + slug + "/issues/" + current;
        },
        problem -> issuePage(slug, current, problem.message()).render());
  }

  /** Moves one article up or down the table of contents, or takes it out of the issue. */
  @POST
  @Path("{slug}/issues/{number}/contents")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response move(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @FormParam("article") String article,
      @FormParam("move") String move,
      @FormParam(CsrfToken.FIELD) String token) {
    int current = PathNumber.small(number);
    long articleId = PathNumber.id(article);
    return forms.submit(
        token,
        () -> {
          List<Long> order =
              new ArrayList<>(
                  journals.contents(slug, current).stream().map(p -> p.articleId).toList());
          int at = order.indexOf(articleId);
          if (at < 0) {
            throw new BadRequestException("That article is not in this issue.");
          }
          switch (move == null ? "" : move) {
            case "up" -> {
              if (at > 0) {
                order.add(at - 1, order.remove(at));
              }
            }
            case "down" -> {
              if (at < order.size() - 1) {
                order.add(at + 1, order.remove(at));
              }
            }
            case "remove" -> order.remove(at);
            default -> throw new BadRequestException("Choose up, down or remove.");
          }
          journals.setContents(slug, current, order);
          return "/desk/journals/" + slug + "/issues/" + current;
        },
        problem -> issuePage(slug, current, problem.message()).render());
  }

  private TemplateInstance listPage(String error) {
    return Templates.journals(
        desk(), journals.listJournals(), List.of(ReviewAnonymity.values()), error);
  }

  private TemplateInstance journalPage(String slug, String error) {
    return journalPage(slug, error, null, null);
  }

  /** The journal's page; {@code typed} are refused details to show again (null: the saved ones). */
  private TemplateInstance journalPage(
      String slug, String error, String notice, JournalDetailsService.Details typed) {
    org.stet.journal.Journal journal = journals.findJournal(slug);
    return Templates.journal(
        desk(),
        journal,
        journals.listIssues(slug),
        List.of(ReviewAnonymity.values()),
        List.of(IssueStatus.values()),
        styles.picker(journal.citationStyle, true),
        typed != null ? typed : JournalDetailsService.Details.of(journal),
        error,
        notice);
  }

  private TemplateInstance issuePage(String slug, int number, String error) {
    return Templates.issue(
        desk(),
        journals.findIssue(slug, number),
        journals.contents(slug, number),
        List.of(IssueStatus.values()),
        error);
  }

  private static JournalInput input(String name, String description, String anonymity) {
    try {
      return new JournalInput(
          name,
          description == null || description.isBlank() ? null : description,
          anonymity == null || anonymity.isEmpty() ? null : ReviewAnonymity.valueOf(anonymity));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Choose OPEN, SINGLE or DOUBLE review anonymity.");
    }
  }

  private static IssueInput issueInput(
      String number, String volume, String year, String month, String title, String status) {
    try {
      return new IssueInput(
          integer(number),
          integer(volume),
          integer(year),
          integer(month),
          title == null || title.isBlank() ? null : title,
          status == null || status.isEmpty() ? null : IssueStatus.valueOf(status));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Numbers, year and month must be whole numbers.");
    }
  }

  private static Integer integer(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.strip().matches("-?[0-9]{1,9}")) {
      throw new IllegalArgumentException(text);
    }
    return Integer.parseInt(text.strip());
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
