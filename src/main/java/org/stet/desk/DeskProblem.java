package org.stet.desk;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * The message of a refusal, for showing on the desk page the form came from (with what was typed
 * kept), instead of on a separate error page.
 */
public record DeskProblem(int status, String message) {

  public static DeskProblem of(WebApplicationException e) {
    Object entity = e.getResponse().getEntity();
    if (entity instanceof Map<?, ?> map && map.get("message") instanceof String message) {
      return new DeskProblem(e.getResponse().getStatus(), message);
    }
    String message = e.getMessage();
    if (message == null || message.startsWith("HTTP ")) {
      message = "The request could not be handled.";
    }
    return new DeskProblem(e.getResponse().getStatus(), message);
  }

  /** The value of a field of the JSON-like body of the refusal, or null. */
  public static Object field(WebApplicationException e, String section, String field) {
    if (e.getResponse().getEntity() instanceof Map<?, ?> map
        && map.get(section) instanceof Map<?, ?> inner) {
      return inner.get(field);
    }
    return null;
  }
}
