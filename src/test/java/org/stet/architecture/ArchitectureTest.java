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
}
