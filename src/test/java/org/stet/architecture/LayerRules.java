package org.stet.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Stet's floors, top down, each importing only what lies below it (see docs/architecture.md):
 * surfaces (public site, desk, JSON API) over the editorial process (workflow, review) over the
 * plugin host over the domain (articles, journals, accounts, media) over the base. The desk and the
 * API may use the public site's pages (previews, error pages); the site uses neither. Parameterised
 * by the root package so the rule can be tested against broken fixture classes.
 */
final class LayerRules {

  private LayerRules() {}

  static ArchRule layers(String root) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Start")
        .definedBy(root + ".sample..")
        .layer("Site")
        .definedBy(root + ".site..")
        .layer("Desk")
        .definedBy(root + ".desk..")
        .layer("Api")
        .definedBy(root + ".api..")
        .layer("Process")
        .definedBy(root + ".workflow..", root + ".review..")
        .layer("Host")
        .definedBy(root + ".pluginhost..")
        .layer("Domain")
        .definedBy(
            root + ".article..",
            root + ".journal..",
            root + ".identity..",
            root + ".media..",
            root + ".search..")
        .layer("Base")
        .definedBy(
            root + ".person..",
            root + ".taxonomy..",
            root + ".markdown..",
            root + ".citation..",
            root + ".audit..",
            root + ".mail..",
            root + ".web..",
            root + ".settings..",
            root + ".database..",
            root + ".spi..")
        .whereLayer("Start")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Desk")
        .mayOnlyBeAccessedByLayers("Start")
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Start")
        .whereLayer("Site")
        .mayOnlyBeAccessedByLayers("Start", "Desk", "Api")
        .whereLayer("Process")
        .mayOnlyBeAccessedByLayers("Start", "Site", "Desk", "Api")
        .whereLayer("Host")
        .mayOnlyBeAccessedByLayers("Start", "Site", "Desk", "Api", "Process")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Start", "Site", "Desk", "Api", "Process", "Host")
        .allowEmptyShould(true);
  }
}
