package org.stet.desk.review;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskClock;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.desk.DeskProblem;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.review.ReviewService;
import org.stet.review.ReviewView;
import org.stet.review.ReviewerCandidates;
import org.stet.review.ReviewerCandidates.Candidate;
import org.stet.review.ReviewerInvitations;
import org.stet.web.PathNumber;

/**
 * Choosing an article's reviewers: a search over reviewer accounts by name, e-mail or expertise
 * (narrowed as the editor types, with a script; by the search button without), each shown with
 * their open and finished reviews and whether they wrote the article; and inviting someone new by
 * e-mail. A refused form comes back with everything typed.
 */
@Path("/desk/articles/{id}/reviewers")
@RolesAllowed(Role.Names.EDITOR)
@Produces(MediaType.TEXT_HTML)
public class ReviewerPickerResource {

  /** The "someone new" form as typed. */
  public record Newcomer(String name, String email, String dueOn) {}

  /** What the page shows; {@code error} belongs to the form named by {@code errorForm}. */
  public record Picker(
      Article article,
      String query,
      List<Candidate> candidates,
      String chosen,
      String dueOn,
      Newcomer newcomer,
      List<ReviewView> current,
      String error,
      String errorForm) {

    public boolean more() {
      return candidates.size() >= ReviewerCandidates.LIMIT;
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance picker(DeskChrome desk, Picker picker);
  }

  /** The due date a new invitation suggests: three weeks from today. */
  private static final int SUGGESTED_WEEKS = 3;

  private final ReviewerCandidates candidates;
  private final ReviewService reviews;
  private final ReviewerInvitations invitations;
  private final SecurityIdentity identity;
  private final DeskForm forms;
  private final DeskHeader header;
  private final DeskClock clock;

  ReviewerPickerResource(
      ReviewerCandidates candidates,
      ReviewService reviews,
      ReviewerInvitations invitations,
      SecurityIdentity identity,
      DeskForm forms,
      DeskHeader header,
      DeskClock clock) {
    this.candidates = candidates;
    this.reviews = reviews;
    this.invitations = invitations;
    this.identity = identity;
    this.forms = forms;
    this.header = header;
    this.clock = clock;
  }

  @GET
  @Transactional
  public String page(@PathParam("id") String id, @QueryParam("q") String query) {
    long articleId = PathNumber.id(id);
    String suggested = suggestedDue();
    return render(
        header.chrome(),
        articleId,
        query,
        null,
        suggested,
        new Newcomer("", "", suggested),
        null,
        null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response assign(
      @PathParam("id") String id,
      @FormParam("reviewer") String reviewer,
      @FormParam("dueOn") String dueOn,
      @FormParam("q") String query,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    DeskChrome desk = header.chrome();
    return forms.submit(
        token,
        () -> {
          if (reviewer == null || reviewer.isBlank()) {
            throw new BadRequestException("Choose a reviewer from the list.");
          }
          reviews.assign(
              Caller.of(identity), articleId, new ReviewService.Assignment(reviewer, due(dueOn)));
          return "/desk/articles/" + articleId + "?done=ASSIGNED";
        },
        problem ->
            render(
                desk,
                articleId,
                query,
                reviewer,
                dueOn,
                new Newcomer("", "", suggestedDue()),
                problem,
                "choose"));
  }

  @POST
  @Path("new")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response inviteNew(
      @PathParam("id") String id,
      @FormParam("name") String name,
      @FormParam("email") String email,
      @FormParam("dueOn") String dueOn,
      @FormParam(CsrfToken.FIELD) String token) {
    long articleId = PathNumber.id(id);
    DeskChrome desk = header.chrome();
    Newcomer typed = new Newcomer(text(name), text(email), text(dueOn));
    return forms.submit(
        token,
        () -> {
          invitations.inviteNew(
              Caller.of(identity), articleId, name, email, due(dueOn), desk.displayName());
          return "/desk/articles/" + articleId + "?done=ASSIGNED";
        },
        problem -> render(desk, articleId, "", null, suggestedDue(), typed, problem, "new"));
  }

  /**
   * The page; after a refusal with its message next to the form ({@code choose} or {@code new}).
   */
  private String render(
      DeskChrome desk,
      long articleId,
      String query,
      String chosen,
      String dueOn,
      Newcomer newcomer,
      DeskProblem refusal,
      String form) {
    Caller caller = Caller.of(identity);
    String words = query == null ? "" : query.strip();
    if (words.length() > 200) {
      throw new BadRequestException("Search with at most 200 characters.");
    }
    Article article = ArticleAccess.visible(caller, articleId, false);
    return Templates.picker(
            desk,
            new Picker(
                article,
                words,
                candidates.search(caller, articleId, words),
                chosen,
                text(dueOn),
                newcomer,
                reviews.ofArticle(caller, articleId),
                refusal == null ? null : refusal.message(),
                form))
        .render();
  }

  private String suggestedDue() {
    return LocalDate.now(clock.zone()).plusWeeks(SUGGESTED_WEEKS).toString();
  }

  private static LocalDate due(String dueOn) {
    try {
      return LocalDate.parse(dueOn == null ? "" : dueOn.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("Give the due date as a date, e.g. 2027-01-31.");
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
