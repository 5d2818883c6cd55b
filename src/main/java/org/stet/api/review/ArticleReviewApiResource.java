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
  public Response assign(@PathParam("id") String id, Assignment request) {
    ReviewView view = reviews.assign(Caller.of(identity), PathNumber.id(id), request);
    return Response.created(URI.create("/api/v1/reviews/" + view.id())).entity(view).build();
  }

  @GET
  @RolesAllowed({Role.Names.AUTHOR, Role.Names.EDITOR, Role.Names.ADMIN})
  @Transactional
  public List<ReviewView> ofArticle(@PathParam("id") String id) {
    return reviews.ofArticle(Caller.of(identity), PathNumber.id(id));
  }
}
