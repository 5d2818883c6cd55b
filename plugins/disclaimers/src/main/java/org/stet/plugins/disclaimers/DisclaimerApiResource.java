package org.stet.plugins.disclaimers;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The active disclaimers as JSON, for themes and integrations that place them themselves. Only
 * exists while the plugin is enabled (the plugin host answers 404 otherwise).
 */
@Path("/plugins/disclaimers")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DisclaimerApiResource {

  /** A disclaimer as published: its current text, sanitised to HTML. */
  public record DisclaimerJson(long id, String slot, int version, String html) {}

  private final DisclaimerStore store;
  private final DisclaimerSlots slots;

  DisclaimerApiResource(DisclaimerStore store, DisclaimerSlots slots) {
    this.store = store;
    this.slots = slots;
  }

  @GET
  public List<DisclaimerJson> active() {
    return store.active().stream()
        .map(d -> new DisclaimerJson(d.id(), d.slot(), d.version(), slots.html(d.body())))
        .toList();
  }
}
