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
    Map<ArticleStatus, Long> counts = queue.counts();
    ArticleStatus chosen =
        state == null || state.isEmpty() ? firstWaiting(counts) : QueueService.state(state);
    return Templates.queue(
        header.chrome(),
        chosen,
        counts,
        queue.queue(chosen, QueueService.cursor(after), QueueService.PAGE_SIZE),
        after == null || after.isEmpty());
  }

  /** The states that wait for an editor, the most pressing first. */
  private static final java.util.List<ArticleStatus> EDITORS_FIRST =
      java.util.List.of(
          ArticleStatus.SUBMITTED,
          ArticleStatus.IN_REVIEW,
          ArticleStatus.ACCEPTED,
          ArticleStatus.SCHEDULED,
          ArticleStatus.REVISIONS_REQUESTED);

  /** The most pressing tab with something in it, so the queue never opens on an empty list. */
  private static ArticleStatus firstWaiting(Map<ArticleStatus, Long> counts) {
    return EDITORS_FIRST.stream()
        .filter(state -> counts.getOrDefault(state, 0L) > 0)
        .findFirst()
        .orElse(ArticleStatus.SUBMITTED);
  }
}
