package org.stet.desk.journal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.util.List;
import org.stet.desk.Confirmation;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.AuditActors;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.journal.JournalIssue;
import org.stet.journal.service.DoiService;
import org.stet.journal.service.JournalService;
import org.stet.site.service.CrossrefDeposits;
import org.stet.site.service.CrossrefExports;
import org.stet.web.PathNumber;

/**
 * An issue's DOIs and its Crossref deposits on the desk: each article's DOI (given from the
 * journal's pattern, or typed), what keeps an article from a deposit, the deposit XML to download,
 * and, where the site deposits directly, "Deposit with Crossref" (asked first: registered DOIs
 * never change) with Crossref's answers.
 */
@Path("/desk/journals/{slug}/issues/{number}/crossref")
@RolesAllowed(Role.Names.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class CrossrefDeskResource {

  /**
   * What the page shows; {@code typed} is a refused DOI as typed, for the article {@code typedFor}.
   */
  public record Page(
      JournalIssue issue,
      List<CrossrefExports.Row> articles,
      List<CrossrefDeposits.Sent> deposits,
      boolean depositAvailable,
      String error,
      String notice,
      Long typedFor,
      String typed) {

    /** The address of this page. */
    public String href() {
      return base(issue.journal.slug, issue.number);
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance crossref(DeskChrome desk, Page page);
  }

  private final JournalService journals;
  private final DoiService dois;
  private final CrossrefExports exports;
  private final CrossrefDeposits deposits;
  private final DeskForm forms;
  private final DeskHeader header;
  private final SecurityIdentity identity;

  CrossrefDeskResource(
      JournalService journals,
      DoiService dois,
      CrossrefExports exports,
      CrossrefDeposits deposits,
      DeskForm forms,
      DeskHeader header,
      SecurityIdentity identity) {
    this.journals = journals;
    this.dois = dois;
    this.exports = exports;
    this.deposits = deposits;
    this.forms = forms;
    this.header = header;
    this.identity = identity;
  }

  @GET
  @Transactional
  public String show(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @QueryParam("assigned") String assigned,
      @QueryParam("saved") String saved,
      @QueryParam("deposit") String deposit) {
    String notice = null;
    if (assigned != null) {
      notice =
          assigned.equals("0")
              ? "No article got a DOI: see what keeps each one below."
              : assigned.equals("1")
                  ? "1 article got its DOI."
                  : PathNumber.small(assigned) + " articles got their DOIs.";
    } else if (saved != null) {
      notice = "Saved. The article's page shows the DOI.";
    } else if ("taken".equals(deposit)) {
      notice =
          "Crossref took the deposit. It checks the file now and mails its report to the"
              + " depositor; the DOIs in it no longer change.";
    } else if ("refused".equals(deposit)) {
      notice = "Crossref did not take the deposit: its answer is under Deposits below.";
    }
    return page(slug, PathNumber.small(number), null, notice, null, null).render();
  }

  /** Gives each article of the issue without a DOI one from the journal's pattern. */
  @POST
  @Path("dois")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response assign(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @FormParam(CsrfToken.FIELD) String token) {
    int issue = PathNumber.small(number);
    return forms.submit(
        token,
        () ->
            base(slug, issue)
                + "?assigned="
                + dois.assignMissing(AuditActors.of(identity), slug, issue).count(),
        problem -> page(slug, issue, problem.message(), null, null, null).render());
  }

  /** Sets one article's DOI by hand (an empty field takes it away, until it is deposited). */
  @POST
  @Path("articles/{article}/doi")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response setDoi(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @PathParam("article") String article,
      @FormParam("doi") String doi,
      @FormParam(CsrfToken.FIELD) String token) {
    int issue = PathNumber.small(number);
    long articleId = PathNumber.id(article);
    return forms.submit(
        token,
        () -> {
          org.stet.journal.IssuePlacement placement =
              org.stet.journal.IssuePlacement.findById(articleId);
          if (placement == null
              || !placement.issue.id.equals(JournalIssue.require(slug, issue).id)) {
            throw new jakarta.ws.rs.NotFoundException(); // only this issue's articles, here
          }
          dois.set(AuditActors.of(identity), articleId, doi);
          return base(slug, issue) + "?saved=doi";
        },
        problem -> page(slug, issue, problem.message(), null, articleId, doi).render());
  }

  /** The deposit XML of the issue's articles that can be deposited. */
  @GET
  @Path("deposit.xml")
  @Produces(MediaType.APPLICATION_XML)
  public Response download(@PathParam("slug") String slug, @PathParam("number") String number) {
    return CrossrefExports.download(exports.ofIssue(slug, PathNumber.small(number)));
  }

  /** Sends the deposit to Crossref, once the editor has confirmed it. */
  @POST
  @Path("deposits")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response deposit(
      @PathParam("slug") String slug,
      @PathParam("number") String number,
      @FormParam(Confirmation.FIELD) String confirmed,
      @FormParam(CsrfToken.FIELD) String token) {
    int issue = PathNumber.small(number);
    if (!Confirmation.given(confirmed)) {
      return forms.ask(
          token,
          header.chrome(),
          new Confirmation.Ask(
              "Deposit issue No. " + issue + " with Crossref?",
              List.of(
                  "Crossref registers the DOIs of the issue's articles that are ready, with their"
                      + " titles, authors, dates and references.",
                  "Once Crossref has taken them, these DOIs never change; you can deposit"
                      + " corrected metadata again at any time."),
              base(slug, issue) + "/deposits",
              List.of(),
              "Yes, deposit with Crossref",
              base(slug, issue)));
    }
    return forms.submit(
        token,
        () ->
            base(slug, issue)
                + "?deposit="
                + (deposits.issue(AuditActors.of(identity), slug, issue).accepted()
                    ? "taken"
                    : "refused"),
        problem -> page(slug, issue, problem.message(), null, null, null).render());
  }

  private TemplateInstance page(
      String slug, int number, String error, String notice, Long typedFor, String typed) {
    JournalIssue issue = journals.findIssue(slug, number);
    return Templates.crossref(
        header.chrome(),
        new Page(
            issue,
            exports.rows(slug, number),
            deposits.recent(issue.id),
            deposits.available(),
            error,
            notice,
            typedFor,
            typed));
  }

  private static String base(String slug, int number) {
    return "/desk/journals/" + slug + "/issues/" + number + "/crossref";
  }
}
