package org.stet.archfixture.core;

import org.stet.archfixture.plugins.alpha.FixtureAlpha;

/** Fixture for ArchitectureTest: core code that wrongly imports a plugin. */
public class FixtureCore {
  public Object plugin() {
    return new FixtureAlpha();
  }
}
