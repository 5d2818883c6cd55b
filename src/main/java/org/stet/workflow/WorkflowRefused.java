package org.stet.workflow;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.stet.article.ArticleStatus;

/** A transition that is not allowed: 403 (who) or 409 (state), naming the current state. */
public class WorkflowRefused extends WebApplicationException {

  public WorkflowRefused(int status, String title, String message, ArticleStatus state) {
    super(
        message,
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(
                Map.of("status", status, "title", title, "message", message, "state", state.name()))
            .build());
  }
}
