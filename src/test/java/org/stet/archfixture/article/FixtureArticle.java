package org.stet.archfixture.article;

import org.stet.archfixture.desk.FixtureDeskPage;

/** Fixture for ArchitectureTest: a domain class that wrongly reaches up into the desk. */
public class FixtureArticle {

  /** The upward dependency the layer rule must catch. */
  public FixtureDeskPage page() {
    return new FixtureDeskPage();
  }
}
