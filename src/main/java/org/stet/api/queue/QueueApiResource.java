package org.stet.api.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.stet.article.ArticleStatus;
import org.stet.identity.Role;
import org.stet.workflow.QueueService;

/** The editors' queue: articles by state, oldest waiting first, 50 per page. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.EDITOR)
public class QueueApiResource {

  private final QueueService queue;

  QueueApiResource(QueueService queue) {
    this.queue = queue;
  }

  /** One page of the queue for {@code state} (default SUBMITTED); {@code after} from "next". */
  @GET
  public QueueService.Page page(
      @QueryParam("state") String state, @QueryParam("after") String after) {
    return queue.queue(
        QueueService.state(state), QueueService.cursor(after), QueueService.PAGE_SIZE);
  }

  @GET
  @Path("counts")
  public Map<ArticleStatus, Long> counts() {
    return queue.counts();
  }
}
