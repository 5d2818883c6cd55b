package org.stet.spi;

import java.util.List;

/**
 * One field of a plugin's settings form. Stet renders the form, validates what an admin sends
 * against these rules (400 with a message otherwise), stores it and audits the change.
 *
 * @param key the setting's name, lowercase with dashes, e.g. {@code max-links}
 * @param label the form label
 * @param help a hint under the label, or empty
 * @param type how it is edited and checked
 * @param defaultValue the value until an admin sets one, as text ("true", "15", "pending")
 * @param min for INTEGER, the smallest value
 * @param max for INTEGER, the largest value; for texts, the longest length
 * @param choices for CHOICE, the allowed values
 * @since 0.2
 */
public record SettingField(
    String key,
    String label,
    String help,
    SettingType type,
    String defaultValue,
    long min,
    long max,
    List<String> choices) {

  /** How a setting is edited and checked. */
  public enum SettingType {
    TEXT,
    MULTILINE_TEXT,
    INTEGER,
    BOOLEAN,
    CHOICE
  }

  public SettingField {
    if (key == null || !key.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("A setting key is kebab-case: " + key);
    }
    choices = List.copyOf(choices);
    help = help == null ? "" : help;
  }

  public static SettingField text(String key, String label, String help, String value, int max) {
    return new SettingField(key, label, help, SettingType.TEXT, value, 0, max, List.of());
  }

  public static SettingField multiline(
      String key, String label, String help, String value, int max) {
    return new SettingField(key, label, help, SettingType.MULTILINE_TEXT, value, 0, max, List.of());
  }

  public static SettingField integer(
      String key, String label, String help, long value, long min, long max) {
    return new SettingField(
        key, label, help, SettingType.INTEGER, Long.toString(value), min, max, List.of());
  }

  public static SettingField bool(String key, String label, String help, boolean value) {
    return new SettingField(
        key, label, help, SettingType.BOOLEAN, Boolean.toString(value), 0, 0, List.of());
  }

  public static SettingField choice(
      String key, String label, String help, String value, List<String> choices) {
    return new SettingField(key, label, help, SettingType.CHOICE, value, 0, 0, choices);
  }

  /** Why {@code value} is not acceptable for this field, or null when it is. */
  public String problem(String value) {
    return switch (type) {
      case TEXT, MULTILINE_TEXT -> {
        if (value == null) {
          yield label + " is missing.";
        }
        if (value.length() > max) {
          yield label + " is longer than " + max + " characters.";
        }
        yield value.indexOf('\0') >= 0 ? label + " contains a NUL character." : null;
      }
      case INTEGER -> {
        if (value == null || !value.strip().matches("-?\\d{1,18}")) {
          yield label + " must be a whole number.";
        }
        long number = Long.parseLong(value.strip());
        yield number < min || number > max
            ? label + " must be between " + min + " and " + max + "."
            : null;
      }
      case BOOLEAN ->
          "true".equals(value) || "false".equals(value) ? null : label + " is yes or no.";
      case CHOICE ->
          value != null && choices.contains(value)
              ? null
              : label + " must be one of " + choices + ".";
    };
  }
}
