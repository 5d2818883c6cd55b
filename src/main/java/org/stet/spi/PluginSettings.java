package org.stet.spi;

import java.util.Map;

/**
 * A plugin's current settings, already validated against its {@link SettingField}s, with the
 * defaults filled in. Immutable: ask {@link PluginContext#settings} again to see a change.
 *
 * @since 0.2
 */
public record PluginSettings(Map<String, String> values) {

  public PluginSettings {
    values = Map.copyOf(values);
  }

  public String text(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("No setting " + key);
    }
    return value;
  }

  public long integer(String key) {
    return Long.parseLong(text(key).strip());
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(text(key));
  }
}
