package org.stet.api.review;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.review.ReviewService;
import org.stet.review.ReviewService.Assignment;
import org.stet.review.ReviewView;
import org.stet.web.PathNumber;

/**
 * An article's reviews in the JSON API: editors assign reviewers and read every review; authors
 * read the comments addressed to them once the editor has decided.
 */
@Path("/api/v1/articles/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Reviews",
    description =
        "Peer review: editors assign reviewers and read every review; reviewers answer their"
            + " invitations and send their reviews; authors read the comments addressed to them"
            + " once the editor has decided.")
public class ArticleReviewApiResource {

  private final ReviewService reviews;
  private final SecurityIdentity identity;

  ArticleReviewApiResource(ReviewService reviews, SecurityIdentity identity) {
    this.reviews = reviews;
    this.identity = identity;
  }

  @POST
  @RolesAllowed(Role.Names.EDITOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Ask a reviewer to review an article",
      description =
          "Editors who are not among the article's authors (403 for an author who is an"
              + " editor). Invites the account with this e-mail address to review the article's"
              + " current revision by the due date; the first reviewer of a submitted article puts"
              + " it in review. 400 without the e-mail or the due date, for a due date in the past"
              + " and for an address of no active reviewer account; 409 unless the article is"
              + " submitted or in review, when the reviewer is one of its authors and when they"
              + " were asked about this revision already; 404 for no such article.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "invite a reviewer",
                    value = "{\"reviewer\":\"r@example.org\",\"dueOn\":\"2027-01-31\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "The reviewer was invited; the answer is the new review assignment.")
  public Response assign(
      @Parameter(description = "The article's number") @PathParam("id") String id,
      Assignment request) {
    ReviewView view = reviews.assign(Caller.of(identity), PathNumber.id(id), request);
    return Response.created(URI.create("/api/v1/reviews/" + view.id())).entity(view).build();
  }

  @GET
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  @Operation(
      summary = "List an article's reviews",
      description =
          "Editors and admins read every review of the article, with reviewers' names,"
              + " recommendations and comments meant only for the editor. Its authors (an editor"
              + " among them too) read only reviews sent in a round the editor has decided on:"
              + " the comments to them, under the reviewer's name in open review and as"
              + " \"Reviewer A\", \"Reviewer B\" otherwise. 404 for an article the caller may"
              + " not see.")
  public List<ReviewView> ofArticle(
      @Parameter(description = "The article's number") @PathParam("id") String id) {
    return reviews.ofArticle(Caller.of(identity), PathNumber.id(id));
  }
}
