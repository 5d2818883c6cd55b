package org.stet.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.stet.article.ArticleStatus;
import org.stet.article.PageCursor;
import org.stet.identity.Role;
import org.stet.workflow.QueueService;

/** The editors' queue: articles by state, oldest waiting first, 50 per page. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.EDITOR)
public class QueueApiResource {

  static final int PAGE_SIZE = 50;

  private final QueueService queue;

  QueueApiResource(QueueService queue) {
    this.queue = queue;
  }

  /** One page of the queue for {@code state} (default SUBMITTED); {@code after} from "next". */
  @GET
  public QueueService.Page page(
      @QueryParam("state") String state, @QueryParam("after") String after) {
    return queue.queue(state(state), cursor(after), PAGE_SIZE);
  }

  @GET
  @Path("counts")
  public Map<ArticleStatus, Long> counts() {
    return queue.counts();
  }

  /** The state named in a query, SUBMITTED when none is named; 400 for a name that is none. */
  public static ArticleStatus state(String name) {
    if (name == null || name.isEmpty()) {
      return ArticleStatus.SUBMITTED;
    }
    try {
      return ArticleStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "There is no state "
              + name
              + "; states are "
              + java.util.List.of(ArticleStatus.values())
              + ".");
    }
  }

  /** The cursor in a query, or none; 400 for text that is no cursor. */
  public static PageCursor cursor(String after) {
    if (after == null || after.isEmpty()) {
      return null;
    }
    return PageCursor.parse(after)
        .orElseThrow(() -> new BadRequestException("The page cursor " + after + " is not valid."));
  }
}
