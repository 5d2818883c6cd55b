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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.article.service.Caller;
import org.stet.identity.Role;
import org.stet.review.ReviewService;
import org.stet.review.ReviewService.Paper;
import org.stet.review.ReviewService.Report;
import org.stet.review.ReviewView;
import org.stet.web.PathNumber;

/**
 * Review assignments in the JSON API: reviewers see only their own, accept or decline them and send
 * their review; editors can cancel an open one.
 */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Reviews",
    description =
        "Peer review: editors assign reviewers and read every review; reviewers answer their"
            + " invitations and send their reviews; authors read the comments addressed to them"
            + " once the editor has decided.")
public class ReviewApiResource {

  /** Why a reviewer declines (optional). */
  public record DeclineJson(String reason) {}

  private final ReviewService reviews;
  private final SecurityIdentity identity;

  ReviewApiResource(ReviewService reviews, SecurityIdentity identity) {
    this.reviews = reviews;
    this.identity = identity;
  }

  /** The caller's assignments, newest first; {@code before} is the last id of the page before. */
  @GET
  @RolesAllowed(Role.Names.REVIEWER)
  @Transactional
  @Operation(
      summary = "List your review assignments",
      description =
          "Reviewers only. Answers the caller's own assignments, newest first, 50 per page:"
              + " the article, the revision to review, the due date, where the assignment stands"
              + " and what the caller sent.")
  public List<ReviewView> mine(
      @Parameter(
              description =
                  "The cursor of the page: the id of the last assignment of the page before;"
                      + " left out for the first page")
          @QueryParam("before")
          String before) {
    return reviews.mine(Caller.of(identity), PathNumber.cursor(before), 50);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.Names.REVIEWER)
  @Transactional
  @Operation(
      summary = "Read the text under review",
      description =
          "Reviewers only, of their own assignment (404 for any other, and once the caller"
              + " declined or the editor cancelled it). Answers the assignment, the review's"
              + " anonymity and the exact revision to review: its title, body, excerpt and"
              + " references, with the authors' names unless the review is double-anonymous.")
  public Paper paper(
      @Parameter(description = "The review assignment's number") @PathParam("id") String id) {
    return reviews.paper(Caller.of(identity), PathNumber.id(id));
  }

  @POST
  @Path("{id}/accept")
  @Consumes(MediaType.APPLICATION_JSON) // so no cross-site form can send it (decision 0006)
  @RolesAllowed(Role.Names.REVIEWER)
  @Transactional
  @Operation(
      summary = "Accept an invitation to review",
      description =
          "Reviewers only, of their own assignment (404 for any other). Answers the assignment,"
              + " now in progress; 409 unless it is an invitation not yet answered.")
  public ReviewView accept(
      @Parameter(description = "The review assignment's number") @PathParam("id") String id) {
    return reviews.respond(Caller.of(identity), PathNumber.id(id), true, null);
  }

  @POST
  @Path("{id}/decline")
  @RolesAllowed(Role.Names.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Decline an invitation to review",
      description =
          "Reviewers only, of their own assignment (404 for any other), with an optional reason"
              + " for the editor. Answers the assignment, now declined; 409 unless it is an"
              + " invitation not yet answered, 400 for a reason over 2,000 characters.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "with a reason",
                    value = "{\"reason\":\"I advised the author's thesis.\"}"),
                @ExampleObject(name = "without one", value = "{}")
              }))
  public ReviewView decline(
      @Parameter(description = "The review assignment's number") @PathParam("id") String id,
      DeclineJson decline) {
    return reviews.respond(
        Caller.of(identity), PathNumber.id(id), false, decline == null ? null : decline.reason());
  }

  @POST
  @Path("{id}/report")
  @RolesAllowed(Role.Names.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Send your review",
      description =
          "Reviewers only, of their own assignment (404 for any other), once they accepted it;"
              + " a review is sent once and is final. Give a recommendation (ACCEPT,"
              + " MINOR_REVISIONS, MAJOR_REVISIONS or REJECT), comments to the author and,"
              + " optionally, comments only the editor reads. 400 without the recommendation or"
              + " the comments to the author; 413 for comments over the site's limit; 409 unless"
              + " the caller accepted the invitation and has not sent a review yet, and when the"
              + " article is no longer in review or the editor has moved on from this round.")
  @RequestBody(
      content =
          @Content(
              mediaType = "application/json",
              examples = {
                @ExampleObject(
                    name = "a review",
                    value =
                        "{\"recommendation\":\"MINOR_REVISIONS\","
                            + "\"toAuthor\":\"A careful study; the sampling needs a"
                            + " paragraph of its own.\","
                            + "\"toEditor\":\"Publishable once the sampling is explained.\"}")
              }))
  public ReviewView report(
      @Parameter(description = "The review assignment's number") @PathParam("id") String id,
      Report report) {
    return reviews.submit(Caller.of(identity), PathNumber.id(id), report);
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON) // so no cross-site form can send it (decision 0006)
  @RolesAllowed(Role.Names.EDITOR)
  @Transactional
  @Operation(
      summary = "Cancel a review assignment",
      description =
          "Editors who are not among the article's authors (403 for an author who is an"
              + " editor). Withdraws an invitation not yet answered or a review in progress and"
              + " answers the assignment, now cancelled; 409 once it was declined, sent or"
              + " cancelled, 404 for no such assignment.")
  public ReviewView cancel(
      @Parameter(description = "The review assignment's number") @PathParam("id") String id) {
    return reviews.cancel(Caller.of(identity), PathNumber.id(id));
  }
}
