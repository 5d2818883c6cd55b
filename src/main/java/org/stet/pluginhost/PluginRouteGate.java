package org.stet.pluginhost;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A plugin's pages and API, {@code /plugins/<id>/...} and {@code /desk/plugins/<id>/...}, exist
 * only while the plugin is enabled: otherwise they answer 404, before any plugin code runs.
 */
public class PluginRouteGate {

  private static final Pattern PLUGIN_PATH =
      Pattern.compile("^/(?:desk/)?plugins/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:/.*)?$");

  private final PluginRegistry registry;

  PluginRouteGate(PluginRegistry registry) {
    this.registry = registry;
  }

  @ServerRequestFilter(preMatching = true)
  public void gate(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/plugins/") && !path.startsWith("/desk/plugins/")) {
      return;
    }
    Matcher plugin = PLUGIN_PATH.matcher(path);
    if (!plugin.matches() || !registry.enabled(plugin.group(1))) {
      throw new NotFoundException();
    }
  }
}
