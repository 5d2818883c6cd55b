package org.stet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void coreAndPluginsKeepTheModuleBoundary() {
    JavaClasses application =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stet");
    assertThat(application).isNotEmpty();
    assertThat(new ModuleRules("org.stet").violations(application)).isEmpty();
  }

  @Test
  void eachFloorImportsOnlyTheFloorsBelowIt() {
    JavaClasses application =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stet");
    assertThat(LayerRules.layers("org.stet").evaluate(application).getFailureReport().getDetails())
        .isEmpty();
  }

  @Test
  void layerRuleCatchesAnUpwardImport() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("org.stet.archfixture");
    assertThat(
            LayerRules.layers("org.stet.archfixture")
                .evaluate(fixtures)
                .getFailureReport()
                .getDetails())
        .anyMatch(line -> line.contains("FixtureArticle") && line.contains("FixtureDeskPage"))
        .noneMatch(line -> line.contains("FixtureCore"));
  }

  @Test
  void rulesCatchEachKindOfBoundaryViolation() {
    JavaClasses fixtures = new ClassFileImporter().importPackages("org.stet.archfixture");
    ModuleRules rules = new ModuleRules("org.stet.archfixture");

    assertThat(rules.coreNeverImportsPlugins().evaluate(fixtures).hasViolation()).isTrue();
    assertThat(rules.pluginsImportOnlySpi().evaluate(fixtures).getFailureReport().getDetails())
        .anyMatch(line -> line.contains("FixtureAlpha") && line.contains("FixtureCore"))
        .noneMatch(line -> line.contains("FixtureApi"));
    assertThat(
            rules.pluginsNeverImportEachOther().evaluate(fixtures).getFailureReport().getDetails())
        .anyMatch(line -> line.contains("FixtureBeta") && line.contains("FixtureAlpha"));
  }

  /**
   * HTML is written by Qute templates or jsoup's element API, never as Java strings: a string that
   * starts a tag is where a hostile label slips in (the footnote ids of the adversarial test).
   * {@code ImageChecks} only looks for markup in uploaded files, it writes none; {@code XmlOut}
   * writes only an XML document type declaration from the caller's constant identifiers.
   */
  @Test
  void noJavaSourceWritesHtmlAsStrings() throws java.io.IOException {
    java.util.regex.Pattern tag = java.util.regex.Pattern.compile("\"<[a-zA-Z/!]");
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.List<java.nio.file.Path> roots = new java.util.ArrayList<>();
    roots.add(java.nio.file.Path.of("src/main/java"));
    try (var plugins = java.nio.file.Files.list(java.nio.file.Path.of("plugins"))) {
      plugins
          .map(plugin -> plugin.resolve("src/main/java"))
          .filter(java.nio.file.Files::isDirectory)
          .forEach(roots::add);
    }
    for (java.nio.file.Path root : roots) {
      try (var files = java.nio.file.Files.walk(root)) {
        for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          if (file.endsWith("ImageChecks.java") || file.endsWith("XmlOut.java")) {
            continue;
          }
          java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("*") && !line.startsWith("//") && tag.matcher(line).find()) {
              found.add(file + ":" + (i + 1) + ": " + line);
            }
          }
        }
      }
    }
    assertThat(roots).hasSizeGreaterThan(1);
    assertThat(found).isEmpty();
  }
}
