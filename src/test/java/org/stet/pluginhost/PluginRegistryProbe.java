package org.stet.pluginhost;

import java.util.Map;

/** Makes the plugin registry's refusals for tests outside its package. */
public final class PluginRegistryProbe {

  private PluginRegistryProbe() {}

  public static PluginRegistry.SettingsRefused settingsRefused(Map<String, String> problems) {
    return new PluginRegistry.SettingsRefused(problems);
  }
}
