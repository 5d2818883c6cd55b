package org.stet.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;

/**
 * Deny by default, checked two ways: every REST route of the application (found in the compiled
 * resource classes) must have a row here, and each row is exercised as an anonymous reader, an
 * author and an administrator.
 */
@QuarkusTest
class RouteAccessMatrixTest {

  /** Who may use a route. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC("PermitAll"),
    /** Anyone signed in, whatever their roles. */
    SIGNED_IN("Authenticated"),
    /** Authors only. */
    AUTHOR("RolesAllowed[AUTHOR]"),
    /** Authors (of the article) and editors. */
    AUTHOR_OR_EDITOR("RolesAllowed[AUTHOR, EDITOR]"),
    /** Anyone with a role. */
    ANY_ROLE("RolesAllowed[AUTHOR, REVIEWER, EDITOR, ADMIN]"),
    /** Authors (of the article), editors and administrators. */
    AUTHOR_EDITOR_OR_ADMIN("RolesAllowed[AUTHOR, EDITOR, ADMIN]"),
    /** Reviewers only (and only for their own assignments). */
    REVIEWER("RolesAllowed[REVIEWER]"),
    /** Editors only. */
    EDITOR("RolesAllowed[EDITOR]"),
    /** Administrators only. */
    ADMIN("RolesAllowed[ADMIN]");

    final String annotation;

    Access(String annotation) {
      this.annotation = annotation;
    }
  }

  /** The matrix: one row per route. A new route without a row fails {@link #everyRouteHasARow}. */
  static final Map<String, Access> MATRIX = new LinkedHashMap<>();

  static {
    MATRIX.put("GET /", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}/files/{name}", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}/cite.bib", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}/cite.ris", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}/cite.json", Access.PUBLIC);
    MATRIX.put("GET /articles/{slug}/jats.xml", Access.PUBLIC);
    MATRIX.put("GET /oai", Access.PUBLIC);
    MATRIX.put("POST /oai", Access.PUBLIC);
    MATRIX.put("GET /api/v1/articles/{id}/files", Access.AUTHOR_EDITOR_OR_ADMIN);
    MATRIX.put("POST /api/v1/articles/{id}/files", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("DELETE /api/v1/articles/{id}/files/{name}", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /desk/articles/{id}/files", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/files", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/files/{name}/remove", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /api/v1/articles/{id}/media", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /api/v1/articles/import", Access.AUTHOR);
    MATRIX.put("POST /api/v1/articles/{id}/import", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/import", Access.AUTHOR);
    MATRIX.put("POST /desk/articles/{id}/import", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /desk/media", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/media/{key}/replace", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/media/{key}/delete", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /media/{key}", Access.PUBLIC);
    MATRIX.put("GET /media/{key}/{version}/{file}", Access.PUBLIC);
    MATRIX.put("GET /{kind}/{slug}", Access.PUBLIC);
    MATRIX.put("GET /authors", Access.PUBLIC);
    MATRIX.put("GET /journals", Access.PUBLIC);
    MATRIX.put("GET /robots.txt", Access.PUBLIC);
    MATRIX.put("GET /{file}", Access.PUBLIC);
    MATRIX.put("GET /{kind}/{slug}/{format}", Access.PUBLIC);
    MATRIX.put("GET /journals/{slug}/{format}", Access.PUBLIC);
    MATRIX.put("GET /journals/{slug}/issues/{number}/{format}", Access.PUBLIC);
    MATRIX.put("GET /sitemap.xml", Access.PUBLIC);
    MATRIX.put("GET /sitemaps/pages.xml", Access.PUBLIC);
    MATRIX.put("GET /sitemaps/{file}", Access.PUBLIC);
    MATRIX.put("GET /search", Access.PUBLIC);
    MATRIX.put("GET /opensearch.xml", Access.PUBLIC);
    MATRIX.put("GET /api/v1/search", Access.PUBLIC);
    MATRIX.put("GET /api/v1/desk/search", Access.SIGNED_IN);
    MATRIX.put("GET /desk/search", Access.SIGNED_IN);
    MATRIX.put("POST /api/v1/search/reindex", Access.ADMIN);
    MATRIX.put("GET /api/v1/search/reindex", Access.ADMIN);
    MATRIX.put("POST /desk/admin/site/search", Access.ADMIN);
    MATRIX.put("POST /desk/admin/site/search/reindex", Access.ADMIN);
    MATRIX.put("GET /journals/{slug}", Access.PUBLIC);
    MATRIX.put("GET /journals/{slug}/issues/{number}", Access.PUBLIC);
    MATRIX.put("GET /desk/sign-in", Access.PUBLIC);
    MATRIX.put("POST /desk/sign-in", Access.PUBLIC);
    MATRIX.put("POST /desk/sign-out", Access.PUBLIC);
    MATRIX.put("GET /desk/setup", Access.PUBLIC);
    MATRIX.put("POST /desk/setup", Access.PUBLIC);
    MATRIX.put("GET /desk", Access.SIGNED_IN);
    MATRIX.put("GET /desk/admin/users", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users/{id}/roles", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users/{id}/disable", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users/{id}/enable", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users/{id}/byline-lock", Access.ADMIN);
    MATRIX.put("GET /desk/admin/users/{id}", Access.ADMIN);
    MATRIX.put("GET /desk/articles/{id}/reviewers", Access.EDITOR);
    MATRIX.put("POST /desk/articles/{id}/reviewers/new", Access.EDITOR);
    MATRIX.put("POST /desk/articles/{id}/reviews/{review}/remind", Access.EDITOR);
    MATRIX.put("POST /desk/articles/{id}/reviews/{review}/cancel", Access.EDITOR);
    MATRIX.put("POST /desk/admin/users/{id}/invitation", Access.ADMIN);
    MATRIX.put("POST /desk/admin/users/{id}/reset-link", Access.ADMIN);
    MATRIX.put("GET /desk/password/forgot", Access.PUBLIC);
    MATRIX.put("POST /desk/password/forgot", Access.PUBLIC);
    MATRIX.put("GET /desk/password/{token}", Access.PUBLIC);
    MATRIX.put("POST /desk/password/{token}", Access.PUBLIC);
    MATRIX.put("GET /desk/account", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account/password", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account/sessions/{id}/end", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account/sessions/end-others", Access.SIGNED_IN);
    MATRIX.put("GET /api/v1/me", Access.SIGNED_IN);
    MATRIX.put("GET /api/v1/me/tokens", Access.SIGNED_IN);
    MATRIX.put("POST /api/v1/me/tokens", Access.SIGNED_IN);
    MATRIX.put("DELETE /api/v1/me/tokens/{id}", Access.SIGNED_IN);
    MATRIX.put("GET /desk/account/tokens", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account/tokens", Access.SIGNED_IN);
    MATRIX.put("POST /desk/account/tokens/{id}/revoke", Access.SIGNED_IN);
    MATRIX.put("GET /api/v1/accounts", Access.ADMIN);
    MATRIX.put("POST /api/v1/articles", Access.AUTHOR);
    MATRIX.put("GET /api/v1/articles/{id}", Access.ANY_ROLE);
    MATRIX.put("PUT /api/v1/articles/{id}", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /api/v1/articles/{id}/transitions", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /api/v1/articles/{id}/events", Access.ANY_ROLE);
    MATRIX.put("GET /api/v1/articles/{id}/revisions", Access.ANY_ROLE);
    MATRIX.put("GET /api/v1/articles/{id}/revisions/{number}", Access.ANY_ROLE);
    MATRIX.put("GET /api/v1/articles/{id}/diff", Access.ANY_ROLE);
    MATRIX.put("POST /api/v1/articles/{id}/revisions/{number}/restore", Access.AUTHOR);
    MATRIX.put("POST /api/v1/journals", Access.EDITOR);
    MATRIX.put("POST /api/v1/journals/{slug}/issues", Access.EDITOR);
    MATRIX.put("PUT /api/v1/journals/{slug}/issues/{number}", Access.EDITOR);
    MATRIX.put("PUT /api/v1/journals/{slug}/issues/{number}/contents", Access.EDITOR);
    MATRIX.put("PUT /api/v1/journals/{slug}", Access.EDITOR);
    MATRIX.put("POST /api/v1/journals/{slug}/issues/{number}/dois", Access.EDITOR);
    MATRIX.put("GET /api/v1/journals/{slug}/issues/{number}/crossref", Access.EDITOR);
    MATRIX.put("GET /api/v1/journals/{slug}/issues/{number}/crossref.xml", Access.EDITOR);
    MATRIX.put("POST /api/v1/journals/{slug}/issues/{number}/crossref/deposits", Access.EDITOR);
    MATRIX.put("PUT /api/v1/articles/{id}/doi", Access.EDITOR);
    MATRIX.put("GET /api/v1/articles/{id}/crossref.xml", Access.EDITOR);
    MATRIX.put("GET /api/v1/articles", Access.AUTHOR);
    MATRIX.put("GET /api/v1/articles/{id}/rounds", Access.AUTHOR_EDITOR_OR_ADMIN);
    MATRIX.put("POST /api/v1/articles/{id}/reviews", Access.EDITOR);
    MATRIX.put("GET /api/v1/articles/{id}/reviews", Access.AUTHOR_EDITOR_OR_ADMIN);
    MATRIX.put("PUT /api/v1/articles/{id}/journal", Access.EDITOR);
    MATRIX.put("GET /api/v1/reviews", Access.REVIEWER);
    MATRIX.put("GET /api/v1/reviews/{id}", Access.REVIEWER);
    MATRIX.put("POST /api/v1/reviews/{id}/accept", Access.REVIEWER);
    MATRIX.put("POST /api/v1/reviews/{id}/decline", Access.REVIEWER);
    MATRIX.put("POST /api/v1/reviews/{id}/report", Access.REVIEWER);
    MATRIX.put("POST /api/v1/reviews/{id}/cancel", Access.EDITOR);
    MATRIX.put("GET /api/v1/queue", Access.EDITOR);
    MATRIX.put("GET /api/v1/queue/counts", Access.EDITOR);
    MATRIX.put("POST /api/v1/preview", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /desk/admin/plugins", Access.ADMIN);
    MATRIX.put("POST /desk/admin/plugins/{id}/enabled", Access.ADMIN);
    MATRIX.put("GET /desk/admin/plugins/{id}", Access.ADMIN);
    MATRIX.put("POST /desk/admin/plugins/{id}", Access.ADMIN);
    MATRIX.put("GET /desk/admin/site", Access.ADMIN);
    MATRIX.put("POST /desk/admin/site", Access.ADMIN);
    MATRIX.put("POST /desk/admin/site/feeds", Access.ADMIN);
    MATRIX.put("GET /desk/articles", Access.AUTHOR);
    MATRIX.put("GET /desk/articles/new", Access.AUTHOR);
    MATRIX.put("POST /desk/articles", Access.AUTHOR);
    MATRIX.put("GET /desk/articles/{id}/edit", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/edit", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /desk/articles/{id}/references", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/references", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/references/paste", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("GET /desk/articles/{id}", Access.AUTHOR_EDITOR_OR_ADMIN);
    MATRIX.put("POST /desk/articles/{id}/transition", Access.AUTHOR_OR_EDITOR);
    MATRIX.put("POST /desk/articles/{id}/reviewers", Access.EDITOR);
    MATRIX.put("POST /desk/articles/{id}/journal", Access.EDITOR);
    MATRIX.put("POST /desk/articles/{id}/revisions/{number}/restore", Access.AUTHOR);
    MATRIX.put("GET /desk/articles/{id}/diff", Access.AUTHOR_EDITOR_OR_ADMIN);
    MATRIX.put("GET /desk/queue", Access.EDITOR);
    MATRIX.put("GET /desk/reviews", Access.REVIEWER);
    MATRIX.put("GET /desk/reviews/{id}", Access.REVIEWER);
    MATRIX.put("POST /desk/reviews/{id}/accept", Access.REVIEWER);
    MATRIX.put("POST /desk/reviews/{id}/decline", Access.REVIEWER);
    MATRIX.put("POST /desk/reviews/{id}/report", Access.REVIEWER);
    MATRIX.put("GET /desk/categories", Access.EDITOR);
    MATRIX.put("POST /desk/categories", Access.EDITOR);
    MATRIX.put("POST /desk/categories/{id}/rename", Access.EDITOR);
    MATRIX.put("POST /desk/categories/{id}/merge", Access.EDITOR);
    MATRIX.put("POST /desk/categories/{id}/delete", Access.EDITOR);
    MATRIX.put("GET /desk/journals", Access.EDITOR);
    MATRIX.put("POST /desk/journals", Access.EDITOR);
    MATRIX.put("GET /desk/journals/{slug}", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/citation-style", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/details", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/issues", Access.EDITOR);
    MATRIX.put("GET /desk/journals/{slug}/issues/{number}", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/issues/{number}", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/issues/{number}/contents", Access.EDITOR);
    MATRIX.put("GET /desk/journals/{slug}/issues/{number}/crossref", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/issues/{number}/crossref/dois", Access.EDITOR);
    MATRIX.put(
        "POST /desk/journals/{slug}/issues/{number}/crossref/articles/{article}/doi",
        Access.EDITOR);
    MATRIX.put("GET /desk/journals/{slug}/issues/{number}/crossref/deposit.xml", Access.EDITOR);
    MATRIX.put("POST /desk/journals/{slug}/issues/{number}/crossref/deposits", Access.EDITOR);
  }

  @Inject TestAccounts accounts;

  @Test
  void everyRouteHasARow() {
    assertThat(coreRoutes().keySet()).containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
  }

  @Test
  void everyRouteDeclaresTheAccessItsRowGives() {
    coreRoutes()
        .forEach(
            (key, route) ->
                assertThat(route.access()).as(key).isEqualTo(MATRIX.get(key).annotation));
  }

  /**
   * Plugins' routes (under /plugins/ and /desk/plugins/) are not in the core's matrix, which must
   * not name plugins; each still declares who may call it, and its plugin's tests check it.
   */
  @Test
  void everyPluginRouteDeclaresWhoMayCallIt() {
    RestRoutes.byKey().values().stream()
        .filter(route -> isPlugin(route.path()))
        .forEach(route -> assertThat(route.access()).as(route.key()).isNotEqualTo("NONE"));
  }

  private static java.util.Map<String, RestRoutes.Route> coreRoutes() {
    java.util.Map<String, RestRoutes.Route> core = new java.util.TreeMap<>(RestRoutes.byKey());
    core.values().removeIf(route -> isPlugin(route.path()));
    return core;
  }

  private static boolean isPlugin(String path) {
    return path.startsWith("/plugins/") || path.startsWith("/desk/plugins/");
  }

  @Test
  void eachRoleGetsExactlyWhatItsRowAllows() {
    accounts.create("matrix-author@stet.test", Role.AUTHOR);
    DeskBrowser author = DeskBrowser.signedIn("matrix-author@stet.test", TestAccounts.PASSWORD);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

    MATRIX.forEach(
        (key, access) -> {
          String verb = key.substring(0, key.indexOf(' '));
          String path = sample(key.substring(key.indexOf(' ') + 1));
          if (key.equals("POST /desk/sign-out")) {
            return; // would end the sessions used below; SignInResourceTest covers it
          }
          Response anonymous = send(null, verb, path);
          Response asAuthor = send(author, verb, path);
          Response asAdmin = send(admin, verb, path);
          switch (access) {
            case PUBLIC -> assertThat(denied(anonymous)).as(key + " anonymous").isFalse();
            case AUTHOR -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(denied(asAuthor)).as(key + " author").isFalse();
              assertThat(asAdmin.statusCode()).as(key + " admin, who is no author").isEqualTo(403);
            }
            case EDITOR, REVIEWER -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(asAuthor.statusCode()).as(key + " author").isEqualTo(403);
              assertThat(asAdmin.statusCode())
                  .as(key + " admin, who has not this role")
                  .isEqualTo(403);
            }
            case AUTHOR_OR_EDITOR -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(denied(asAuthor)).as(key + " author").isFalse();
              assertThat(asAdmin.statusCode()).as(key + " admin").isEqualTo(403);
            }
            case AUTHOR_EDITOR_OR_ADMIN -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(denied(asAuthor)).as(key + " author").isFalse();
              assertThat(denied(asAdmin)).as(key + " admin").isFalse();
            }
            case SIGNED_IN, ANY_ROLE -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(denied(asAuthor)).as(key + " author").isFalse();
            }
            case ADMIN -> {
              assertThat(sentToSignIn(anonymous)).as(key + " anonymous").isTrue();
              assertThat(asAuthor.statusCode()).as(key + " author").isEqualTo(403);
              assertThat(denied(asAdmin)).as(key + " admin").isFalse();
            }
          }
        });
  }

  private static Response send(DeskBrowser browser, String verb, String path) {
    if (browser == null && verb.equals("POST") && takesUpload(path)) {
      return given().redirects().follow(false).multiPart("label", "x").post(path);
    }
    if (browser == null && path.startsWith("/api/")) {
      return given()
          .redirects()
          .follow(false)
          .contentType("application/json")
          .body("{}")
          .request(verb, path);
    }
    if (browser == null) {
      return given()
          .redirects()
          .follow(false)
          .contentType("application/x-www-form-urlencoded")
          .formParam("x", "1")
          .request(verb, path);
    }
    // Uploads take multipart forms; anything else would be refused for its type, not its caller.
    boolean upload = verb.equals("POST") && takesUpload(path);
    if (upload && path.startsWith("/api/")) {
      return given()
          .redirects()
          .follow(false)
          .cookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME))
          .header("Origin", DeskBrowser.origin())
          .header("X-CSRF-Token", browser.csrfToken())
          .multiPart("label", "x")
          .post(path);
    }
    if (upload) {
      return browser.upload(
          path, Map.of("label", "x"), "file", "x.txt", new byte[] {'x'}, "text/plain");
    }
    if (path.startsWith("/api/")) {
      return given()
          .redirects()
          .follow(false)
          .cookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME))
          .header("Origin", DeskBrowser.origin())
          .contentType("application/json")
          .body("{}")
          .request(verb, path);
    }
    return verb.equals("GET") ? browser.get(path) : browser.post(path, Map.of());
  }

  /** The routes that take a multipart upload. */
  private static boolean takesUpload(String path) {
    return path.endsWith("/files")
        || path.endsWith("/media")
        || path.endsWith("/replace")
        || path.endsWith("/import");
  }

  /** Browsers are sent to the sign-in page; API clients get 401. */
  private static boolean sentToSignIn(Response response) {
    return (response.statusCode() == 303
            && response.getHeader("Location").contains("/desk/sign-in?next="))
        || response.statusCode() == 401;
  }

  /** Refused for who they are (as opposed to a 400 for the empty form or a 404). */
  private static boolean denied(Response response) {
    return sentToSignIn(response)
        || response.statusCode() == 401
        || (response.statusCode() == 403 && !response.asString().contains("Form expired"));
  }

  private static String sample(String template) {
    return template
        .replace("{kind}", "categories")
        .replace("{slug}", "no-such-thing")
        .replace("{number}", "1")
        .replace("{id}", "1")
        .replace("{name}", "no-such-file.pdf")
        .replace("{key}", "AAAAAAAAAAAAAAAAAAAAAA")
        .replace("{version}", "000000000000")
        .replace("{file}", "800.jpg")
        .replace("{token}", "A".repeat(43))
        .replace("{review}", "1")
        .replace("{article}", "1")
        .replace("{format}", "feed");
  }
}
