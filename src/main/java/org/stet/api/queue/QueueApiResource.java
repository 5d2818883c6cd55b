package org.stet.api.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;
import org.stet.workflow.QueueService;

/** The editors' queue: articles by state, oldest waiting first, 50 per page. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.EDITOR)
@Tag(
    name = "Queue",
    description = "The editors' queue: articles by state, the longest waiting first.")
public class QueueApiResource {

  private final QueueService queue;

  QueueApiResource(QueueService queue) {
    this.queue = queue;
  }

  /** One page of the queue for {@code state} (default SUBMITTED); {@code after} from "next". */
  @GET
  @Operation(
      summary = "List the articles waiting in one state",
      description =
          "Editors only. Answers one page of the articles in the state asked for (submitted"
              + " when none is), the longest waiting first, 50 per page, each with its title, since"
              + " when it is in that state, its authors and its publication time; \"next\" is the"
              + " cursor of the following page (null on the last). 400 for a state that does not"
              + " exist or a cursor that is not valid.")
  public QueueService.Page page(
      @Parameter(
              description =
                  "The state: DRAFT, SUBMITTED (when left out), IN_REVIEW, REVISIONS_REQUESTED,"
                      + " ACCEPTED, SCHEDULED, PUBLISHED, RETRACTED, REJECTED or WITHDRAWN")
          @QueryParam("state")
          String state,
      @Parameter(
              description =
                  "The cursor of the page: \"next\" of the page before; left out for the first"
                      + " page")
          @QueryParam("after")
          String after) {
    return queue.queue(
        QueueService.state(state), QueueService.cursor(after), QueueService.PAGE_SIZE);
  }

  @GET
  @Path("counts")
  @Operation(
      summary = "Count the articles in each state",
      description =
          "Editors only. Answers how many articles are in each state, every state included (0"
              + " for none), as the queue's tabs show them.")
  public Map<ArticleStatus, Long> counts() {
    return queue.counts();
  }
}
