package org.stet.archfixture.plugins.beta;

import org.stet.archfixture.plugins.alpha.FixtureAlpha;

/** Fixture for ArchitectureTest: a plugin that wrongly imports another plugin. */
public class FixtureBeta {
  public Object other() {
    return new FixtureAlpha();
  }
}
