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
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.Caller;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.media.service.ArticleText;
import org.stet.review.Recommendation;
import org.stet.review.ReviewService;
import org.stet.review.ReviewView;
import org.stet.web.PathNumber;

/**
 * The reviewer's desk: their assignments, the exact revision under review, accept or decline, and
 * the review form. Another reviewer's assignment does not exist here (404).
 */
@Path("/desk/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.REVIEWER)
public class ReviewDeskResource {

  /** The review form as typed, kept when it is refused. */
  public record ReportForm(String recommendation, String toAuthor, String toEditor) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance reviews(DeskChrome desk, List<ReviewView> reviews, Long next);

    static native TemplateInstance review(
        DeskChrome desk,
        ReviewService.Paper paper,
        ArticleText.Shown text,
        List<Recommendation> recommendations,
        ReportForm form,
        String error);
  }

  private static final int PAGE_SIZE = 25;

  private final ReviewService reviews;
  private final ArticleText articleText;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  ReviewDeskResource(
      ReviewService reviews,
      ArticleText articleText,
      DeskForm forms,
      SecurityIdentity identity,
      DeskHeader header) {
    this.reviews = reviews;
    this.articleText = articleText;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  @Transactional
  public TemplateInstance list(@QueryParam("before") String before) {
    List<ReviewView> page =
        reviews.mine(Caller.of(identity), PathNumber.cursor(before), PAGE_SIZE + 1);
    Long next = page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : null;
    return Templates.reviews(desk(), page.subList(0, Math.min(PAGE_SIZE, page.size())), next);
  }

  @GET
  @Path("{id}")
  @Transactional
  public String show(@PathParam("id") String id) {
    return page(PathNumber.id(id), new ReportForm(null, "", ""), null).render();
  }

  @POST
  @Path("{id}/accept")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response accept(@PathParam("id") String id, @FormParam(CsrfToken.FIELD) String token) {
    return respond(id, true, null, token);
  }

  @POST
  @Path("{id}/decline")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response decline(
      @PathParam("id") String id,
      @FormParam("reason") String reason,
      @FormParam(CsrfToken.FIELD) String token) {
    return respond(id, false, reason == null || reason.isBlank() ? null : reason, token);
  }

  @POST
  @Path("{id}/report")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Transactional
  public Response report(
      @PathParam("id") String id,
      @FormParam("recommendation") String recommendation,
      @FormParam("toAuthor") String toAuthor,
      @FormParam("toEditor") String toEditor,
      @FormParam(CsrfToken.FIELD) String token) {
    long reviewId = PathNumber.id(id);
    ReportForm form = new ReportForm(recommendation, toAuthor, toEditor);
    return forms.submit(
        token,
        () -> {
          Recommendation chosen;
          try {
            chosen = Recommendation.valueOf(recommendation == null ? "" : recommendation);
          } catch (IllegalArgumentException e) {
            throw new BadRequestException("Choose a recommendation.");
          }
          reviews.submit(
              Caller.of(identity),
              reviewId,
              new ReviewService.Report(chosen, crlf(toAuthor), crlf(toEditor)));
          return "/desk/reviews/" + reviewId;
        },
        problem -> page(reviewId, form, problem.message()).render());
  }

  private Response respond(String id, boolean accept, String reason, String token) {
    long reviewId = PathNumber.id(id);
    return forms.submit(
        token,
        () -> {
          reviews.respond(Caller.of(identity), reviewId, accept, reason);
          return accept ? "/desk/reviews/" + reviewId : "/desk/reviews";
        },
        problem -> page(reviewId, new ReportForm(null, "", ""), problem.message()).render());
  }

  private TemplateInstance page(long reviewId, ReportForm form, String error) {
    ReviewService.Paper paper = reviews.paper(Caller.of(identity), reviewId);
    return Templates.review(
        desk(),
        paper,
        articleText.of(
            paper.body(), paper.references(), Article.findById(paper.review().articleId())),
        List.of(Recommendation.values()),
        form,
        error);
  }

  private static String crlf(String text) {
    return text == null ? null : text.replace("\r\n", "\n");
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
