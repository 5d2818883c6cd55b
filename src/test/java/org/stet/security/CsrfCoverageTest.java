package org.stet.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.Path;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.Test;
import org.stet.desk.DeskForm;
import org.stet.identity.CsrfToken;

/**
 * Every state-changing desk endpoint takes the CSRF field, so it can verify it (the behaviour is
 * tested in SignInResourceTest and AccountAdminResourceTest).
 */
class CsrfCoverageTest {

  @Test
  void everyStateChangingDeskEndpointTakesTheCsrfField() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (JavaClass resource :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stet")) {
      if (!resource.isAnnotatedWith(Path.class)
          || !resource.getAnnotationOfType(Path.class).value().startsWith("/desk")) {
        continue;
      }
      for (JavaMethod method : resource.getMethods()) {
        boolean changesState =
            method.isAnnotatedWith("jakarta.ws.rs.POST")
                || method.isAnnotatedWith("jakarta.ws.rs.PUT")
                || method.isAnnotatedWith("jakarta.ws.rs.DELETE")
                || method.isAnnotatedWith("jakarta.ws.rs.PATCH");
        if (!changesState) {
          continue;
        }
        checked++;
        boolean takesToken = false;
        for (Parameter parameter : method.reflect().getParameters()) {
          FormParam form = parameter.getAnnotation(FormParam.class);
          RestForm multipart = parameter.getAnnotation(RestForm.class);
          takesToken |= form != null && form.value().equals(CsrfToken.FIELD);
          takesToken |= multipart != null && multipart.value().equals(CsrfToken.FIELD);
        }
        if (!takesToken) {
          missing.add(resource.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(checked).as("desk endpoints that change state").isGreaterThanOrEqualTo(7);
    assertThat(missing).as("desk endpoints without the " + CsrfToken.FIELD + " field").isEmpty();
  }

  /**
   * Desk forms are answered through {@link DeskForm}, which checks the token; only the pages
   * outside a session (sign-in, password links), which answer with cookies, and the plugins' SPI
   * check it themselves.
   */
  @Test
  void deskFormsCheckTheTokenThroughDeskForm() {
    noClasses()
        .that()
        .resideInAPackage("org.stet.desk..")
        .and()
        .doNotHaveSimpleName("DeskForm")
        .and()
        .doNotHaveSimpleName("SignInResource")
        .and()
        .doNotHaveSimpleName("PasswordResource")
        .and()
        .doNotHaveSimpleName("PluginDeskSupport")
        .should()
        .callMethod(CsrfToken.class, "verify", String.class)
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.stet"));
  }
}
