package org.stet.spi;

/**
 * The version of this SPI. A plugin built for another major version is refused at start; one built
 * for a newer minor version too (it may call what this Stet lacks).
 *
 * @since 0.2
 */
public final class Spi {

  /** Major.minor: minor versions only add. */
  public static final String VERSION = "0.8";

  private Spi() {}

  /** Whether a plugin built for {@code pluginSpiVersion} runs on this SPI. */
  public static boolean supports(String pluginSpiVersion) {
    if (pluginSpiVersion == null || !pluginSpiVersion.matches("\\d{1,4}\\.\\d{1,4}")) {
      return false;
    }
    String[] ours = VERSION.split("\\.");
    String[] theirs = pluginSpiVersion.split("\\.");
    return ours[0].equals(theirs[0]) && Integer.parseInt(theirs[1]) <= Integer.parseInt(ours[1]);
  }
}
