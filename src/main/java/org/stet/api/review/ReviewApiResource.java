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
  public List<ReviewView> mine(@QueryParam("before") String before) {
    return reviews.mine(Caller.of(identity), before == null ? null : PathNumber.id(before), 50);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.Names.REVIEWER)
  @Transactional
  public Paper paper(@PathParam("id") String id) {
    return reviews.paper(Caller.of(identity), PathNumber.id(id));
  }

  @POST
  @Path("{id}/accept")
  @Consumes(MediaType.APPLICATION_JSON) // so no cross-site form can send it (decision 0006)
  @RolesAllowed(Role.Names.REVIEWER)
  @Transactional
  public ReviewView accept(@PathParam("id") String id) {
    return reviews.respond(Caller.of(identity), PathNumber.id(id), true, null);
  }

  @POST
  @Path("{id}/decline")
  @RolesAllowed(Role.Names.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ReviewView decline(@PathParam("id") String id, DeclineJson decline) {
    return reviews.respond(
        Caller.of(identity), PathNumber.id(id), false, decline == null ? null : decline.reason());
  }

  @POST
  @Path("{id}/report")
  @RolesAllowed(Role.Names.REVIEWER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  public ReviewView report(@PathParam("id") String id, Report report) {
    return reviews.submit(Caller.of(identity), PathNumber.id(id), report);
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON) // so no cross-site form can send it (decision 0006)
  @RolesAllowed(Role.Names.EDITOR)
  @Transactional
  public ReviewView cancel(@PathParam("id") String id) {
    return reviews.cancel(Caller.of(identity), PathNumber.id(id));
  }
}
