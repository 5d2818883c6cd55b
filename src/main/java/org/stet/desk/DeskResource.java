package org.stet.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.stet.article.service.Caller;

/** The desk's start page: what waits for you, with counts, and where to find the rest. */
@Path("/desk")
@Authenticated
public class DeskResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance home(DeskChrome desk, DeskTodos.Todos todos);
  }

  private final SecurityIdentity identity;
  private final DeskHeader header;
  private final DeskTodos todos;
  private final DeskClock clock;

  DeskResource(SecurityIdentity identity, DeskHeader header, DeskTodos todos, DeskClock clock) {
    this.identity = identity;
    this.header = header;
    this.todos = todos;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance home() {
    DeskChrome desk = header.chrome();
    return Templates.home(
        desk, todos.of(Caller.of(identity), java.time.LocalDate.now(clock.zone())));
  }
}
