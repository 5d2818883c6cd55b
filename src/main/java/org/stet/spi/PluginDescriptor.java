package org.stet.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a plugin is: shown on the admin's plugin page and checked when Stet starts.
 *
 * @param id kebab-case, the same as its folder {@code plugins/<id>}, e.g. {@code disclaimers}
 * @param name a human name, e.g. "Disclaimers"
 * @param version the plugin's own version
 * @param description one sentence for the admin page
 * @param spiVersion the {@link Spi#VERSION} the plugin was built for
 * @param enabledByDefault whether a site that never switched it is using it
 * @param settings the settings form, in order; empty for none
 * @since 0.2
 */
public record PluginDescriptor(
    String id,
    String name,
    String version,
    String description,
    String spiVersion,
    boolean enabledByDefault,
    List<SettingField> settings) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public PluginDescriptor {
    if (id == null || !ID.matcher(id).matches() || id.length() > 60) {
      throw new IllegalArgumentException("A plugin id is kebab-case, e.g. disclaimers: " + id);
    }
    settings = List.copyOf(settings);
    if (settings.stream().map(SettingField::key).distinct().count() != settings.size()) {
      throw new IllegalArgumentException("Plugin " + id + " declares a setting twice");
    }
  }
}
