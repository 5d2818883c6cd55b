package org.stet.desk.plugins;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stet.audit.AuditLog;
import org.stet.desk.DeskChrome;
import org.stet.desk.DeskForm;
import org.stet.desk.DeskHeader;
import org.stet.identity.CsrfToken;
import org.stet.identity.Role;
import org.stet.pluginhost.PluginRegistry;

/** Admins see the plugins, switch them on and off, and edit their settings; audited. */
@Path("/desk/admin/plugins")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.Names.ADMIN)
public class PluginAdminResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance plugins(
        DeskChrome desk, List<PluginRegistry.Entry> plugins, String done);

    static native TemplateInstance settings(
        DeskChrome desk,
        PluginRegistry.Entry plugin,
        Map<String, String> values,
        Map<String, String> problems,
        boolean saved);
  }

  private final PluginRegistry registry;
  private final DeskForm forms;
  private final SecurityIdentity identity;
  private final DeskHeader header;

  PluginAdminResource(
      PluginRegistry registry, DeskForm forms, SecurityIdentity identity, DeskHeader header) {
    this.registry = registry;
    this.forms = forms;
    this.identity = identity;
    this.header = header;
  }

  @GET
  public TemplateInstance list(@QueryParam("done") String done) {
    String message =
        "on".equals(done)
            ? "Switched on. Public pages show it now."
            : "off".equals(done) ? "Switched off. Public pages no longer show it." : null;
    return Templates.plugins(desk(), registry.list(), message);
  }

  @POST
  @Path("{id}/enabled")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response toggle(
      @PathParam("id") String id,
      @FormParam("enabled") String enabled,
      @FormParam(CsrfToken.FIELD) String token) {
    boolean on = "true".equals(enabled);
    return forms.submit(
        token,
        () -> {
          registry.setEnabled(actor(), id, on);
          return "/desk/admin/plugins?done=" + (on ? "on" : "off");
        });
  }

  @GET
  @Path("{id}")
  public TemplateInstance settings(@PathParam("id") String id, @QueryParam("saved") String saved) {
    PluginRegistry.Entry plugin = registry.entry(id);
    return Templates.settings(desk(), plugin, plugin.settings().values(), Map.of(), saved != null);
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @PathParam("id") String id,
      MultivaluedMap<String, String> form,
      @FormParam(CsrfToken.FIELD) String token) {
    PluginRegistry.Entry plugin = registry.entry(id);
    Map<String, String> sent = new LinkedHashMap<>();
    plugin
        .descriptor()
        .settings()
        .forEach(field -> sent.put(field.key(), form.getFirst(field.key())));
    return forms.submit(
        token,
        () -> {
          registry.saveSettings(actor(), id, sent);
          return "/desk/admin/plugins/" + id + "?saved=1";
        },
        problem -> {
          Map<String, String> shown = new LinkedHashMap<>();
          sent.forEach((key, value) -> shown.put(key, value == null ? "" : value));
          Map<String, String> problems = new LinkedHashMap<>();
          problem.section("problems").forEach((k, v) -> problems.put((String) k, (String) v));
          return Templates.settings(desk(), plugin, shown, problems, false).render();
        });
  }

  private AuditLog.Actor actor() {
    return org.stet.identity.AuditActors.of(identity);
  }

  private DeskChrome desk() {
    return header.chrome();
  }
}
