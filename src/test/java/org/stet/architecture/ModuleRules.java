package org.stet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The module boundary between core and plugins, which Maven cannot enforce because plugins are
 * compiled into the application (see STYLE.md). Parameterised by the root package so the rules can
 * be tested against deliberately broken fixture classes.
 */
final class ModuleRules {

  private final String root;

  ModuleRules(String root) {
    this.root = root;
  }

  /** Every rule's violations in {@code classes}; empty when the boundary holds. */
  List<String> violations(JavaClasses classes) {
    return List.of(coreNeverImportsPlugins(), pluginsImportOnlySpi(), pluginsNeverImportEachOther())
        .stream()
        .map(rule -> rule.evaluate(classes))
        .filter(EvaluationResult::hasViolation)
        .flatMap(result -> result.getFailureReport().getDetails().stream())
        .toList();
  }

  ArchRule coreNeverImportsPlugins() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(plugins() + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(plugins() + "..")
        .allowEmptyShould(true)
        .as("core never imports a plugin");
  }

  ArchRule pluginsImportOnlySpi() {
    return noClasses()
        .that()
        .resideInAPackage(plugins() + "..")
        .should()
        .dependOnClassesThat(outsideSpiAndPlugins())
        .allowEmptyShould(true)
        .as("plugins import only " + root + ".spi");
  }

  ArchRule pluginsNeverImportEachOther() {
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .resideInAPackage(plugins() + "..")
        .should(stayInsideTheirOwnPlugin())
        .allowEmptyShould(true)
        .as("plugins never import each other");
  }

  private com.tngtech.archunit.base.DescribedPredicate<JavaClass> outsideSpiAndPlugins() {
    return com.tngtech.archunit.base.DescribedPredicate.describe(
        "are core classes other than the SPI",
        target ->
            target.getPackageName().startsWith(root + ".")
                && !target.getPackageName().startsWith(root + ".spi")
                && !target.getPackageName().startsWith(plugins() + "."));
  }

  private ArchCondition<JavaClass> stayInsideTheirOwnPlugin() {
    return new ArchCondition<>("depend on no other plugin") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = pluginOf(item.getPackageName());
        item.getDirectDependenciesFromSelf().stream()
            .filter(
                dependency ->
                    dependency.getTargetClass().getPackageName().startsWith(plugins() + "."))
            .filter(
                dependency -> !own.equals(pluginOf(dependency.getTargetClass().getPackageName())))
            .forEach(
                dependency ->
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription())));
      }
    };
  }

  private String pluginOf(String packageName) {
    String rest = packageName.substring(plugins().length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private String plugins() {
    return root + ".plugins";
  }
}
