package org.stet.desk.queue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.stet.article.ArticleStatus;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskHeader;
import org.stet.identity.Role;
import org.stet.workflow.QueueService;

/** The editors' board: a tab per state with its count, and the state's queue, oldest first. */
@Path("/desk/queue")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.EDITOR)
public class QueueDeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance queue(
        DeskChrome desk,
        ArticleStatus state,
        Map<ArticleStatus, Long> counts,
        QueueService.Page page,
        boolean first);
  }

  private final QueueService queue;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  QueueDeskResource(QueueService queue, SecurityIdentity identity, DeskHeader header) {
    this.queue = queue;
    this.identity = identity;
    this.header = header;
  }

  @GET
  public TemplateInstance board(
      @QueryParam("state") String state, @QueryParam("after") String after) {
    ArticleStatus chosen = QueueService.state(state);
    return Templates.queue(
        header.chrome(),
        chosen,
        queue.counts(),
        queue.queue(chosen, QueueService.cursor(after), QueueService.PAGE_SIZE),
        after == null || after.isEmpty());
  }
}
