package org.stet.security;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every REST endpoint of the application, read from the compiled resource classes (the REST
 * resource model), not from a hand-kept list.
 */
final class RestRoutes {

  private static final List<String> VERBS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
  private static final Pattern REGEX_PARAM = Pattern.compile("\\{(\\w+)\\s*:[^}]*}");

  /** One endpoint: {@code "POST /desk/admin/users/{id}/roles"}, and its security annotation. */
  record Route(String verb, String path, String access) {
    String key() {
      return verb + " " + path;
    }
  }

  private RestRoutes() {}

  static List<Route> all() {
    List<Route> routes = new ArrayList<>();
    for (JavaClass resource :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stet")) {
      if (!resource.isAnnotatedWith(Path.class)) {
        continue;
      }
      String base = resource.getAnnotationOfType(Path.class).value();
      for (JavaMethod method : resource.getMethods()) {
        for (String verb : VERBS) {
          if (method.isAnnotatedWith("jakarta.ws.rs." + verb)) {
            String sub =
                method.isAnnotatedWith(Path.class)
                    ? method.getAnnotationOfType(Path.class).value()
                    : "";
            routes.add(new Route(verb, join(base, sub), access(resource, method)));
          }
        }
      }
    }
    routes.sort(java.util.Comparator.comparing(Route::key));
    return routes;
  }

  /** The security annotation that applies: the method's, else the class's, else "NONE". */
  private static String access(JavaClass resource, JavaMethod method) {
    return annotation(method.reflect().getAnnotations())
        .or(() -> annotation(resource.reflect().getAnnotations()))
        .orElse("NONE");
  }

  private static Optional<String> annotation(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      String type = annotation.annotationType().getSimpleName();
      switch (type) {
        case "PermitAll", "Authenticated", "DenyAll":
          return Optional.of(type);
        case "RolesAllowed":
          return Optional.of(
              "RolesAllowed"
                  + List.of(((jakarta.annotation.security.RolesAllowed) annotation).value()));
        default:
          break;
      }
    }
    return Optional.empty();
  }

  private static String join(String base, String sub) {
    String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
    path = REGEX_PARAM.matcher(path).replaceAll("{$1}");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static TreeMap<String, Route> byKey() {
    TreeMap<String, Route> map = new TreeMap<>();
    all().forEach(route -> map.put(route.key(), route));
    return map;
  }
}
