package org.stet.desk;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * A refusal as the desk page the form came from shows it (with what was typed kept), instead of a
 * separate error page: its status, its message and, when it is about one field, that field's name.
 * {@link #detail} reads more of a refusal's body (the text someone else saved, say).
 */
public record DeskProblem(int status, String message, String field, Map<?, ?> body) {

  public static DeskProblem of(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    Map<?, ?> body = e.getResponse().getEntity() instanceof Map<?, ?> map ? map : Map.of();
    String message = body.get("message") instanceof String m ? m : e.getMessage();
    if (message == null || message.startsWith("HTTP ")) {
      message = "The request could not be handled.";
    }
    String field = body.get("field") instanceof String f ? f : null;
    return new DeskProblem(status, message, field, body);
  }

  /** The value of {@code name} in the section {@code section} of the refusal's body, or null. */
  public Object detail(String section, String name) {
    return section(section).get(name);
  }

  /** A section of the refusal's body (say, the problem of each field), or an empty map. */
  public Map<?, ?> section(String section) {
    return body.get(section) instanceof Map<?, ?> inner ? inner : Map.of();
  }
}
