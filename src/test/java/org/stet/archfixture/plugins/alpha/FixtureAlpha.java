package org.stet.archfixture.plugins.alpha;

import org.stet.archfixture.core.FixtureCore;
import org.stet.archfixture.spi.FixtureApi;

/** Fixture for ArchitectureTest: a plugin that uses the SPI (fine) and core (wrong). */
public class FixtureAlpha implements FixtureApi {
  public String core() {
    return FixtureCore.class.getName();
  }
}
