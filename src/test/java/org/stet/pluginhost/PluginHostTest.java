package org.stet.pluginhost;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.TestAccounts;
import org.stet.site.TestContent;

/** The plugin host: the admin page, switching at runtime, settings, and plugin migrations. */
@QuarkusTest
class PluginHostTest {

  @Inject TestContent content;
  @Inject TestAccounts accounts;
  @Inject PluginRegistry registry;
  @Inject EntityManager entityManager;
  @Inject jakarta.enterprise.inject.Instance<org.stet.spi.Plugin> plugins;

  @AfterEach
  void switchBackOn() {
    DeskBrowser admin = admin();
    admin.get("/desk/admin/plugins");
    admin.post("/desk/admin/plugins/test-marker/enabled", Map.of("enabled", "true"));
  }

  @Test
  void switchingAPluginOffRemovesItFromPagesAtOnceAndBackOnRestoresIt() {
    content.publish("slot-test-switch", "Body.", null, Instant.parse("2020-02-02T00:00:00Z"));
    assertThat(page("/articles/slot-test-switch").select(".test-marker")).hasSize(1);

    DeskBrowser admin = admin();
    Document list = Jsoup.parse(admin.get("/desk/admin/plugins").asString());
    assertThat(list.select("#plugin-test-marker .state").text()).isEqualTo("on");
    assertThat(list.select("#plugin-test-marker td").first().text())
        .contains("Test test-marker")
        .contains("A plugin that exists only in the tests.");
    Response off =
        admin.post("/desk/admin/plugins/test-marker/enabled", Map.of("enabled", "false"));
    assertThat(off.statusCode()).isEqualTo(303);

    assertThat(page("/articles/slot-test-switch").select(".test-marker")).isEmpty();
    assertThat(page("/articles/slot-test-switch").select(".article-body p").text())
        .isEqualTo("Body.");
    assertThat(
            Jsoup.parse(admin.get("/desk/admin/plugins").asString())
                .select("#plugin-test-marker .state")
                .text())
        .isEqualTo("off");
    assertThat(accounts.auditActions("test-marker")).contains("PLUGIN_DISABLED");

    admin.post("/desk/admin/plugins/test-marker/enabled", Map.of("enabled", "true"));
    assertThat(page("/articles/slot-test-switch").select(".test-marker")).hasSize(1);
  }

  @Test
  void settingsAreValidatedAgainstTheSchemaStoredAndAudited() {
    DeskBrowser admin = admin();
    admin.get("/desk/admin/plugins/test-broken");
    Response refused =
        admin.post("/desk/admin/plugins/test-broken", Map.of("limit", "11", "loud", "true"));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document form = Jsoup.parse(refused.asString());
    assertThat(form.select("#problem-limit").text()).isEqualTo("Limit must be between 1 and 10.");
    assertThat(form.select("#setting-limit").val()).isEqualTo("11");
    assertThat(registry.settings("test-broken").integer("limit")).isEqualTo(5);

    Response saved =
        admin.post("/desk/admin/plugins/test-broken", Map.of("limit", " 7 ", "loud", "true"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(registry.settings("test-broken").integer("limit")).isEqualTo(7);
    assertThat(registry.settings("test-broken").bool("loud")).isTrue();
    admin.post("/desk/admin/plugins/test-broken", Map.of("limit", "7"));
    assertThat(registry.settings("test-broken").bool("loud"))
        .as("an unticked box is false")
        .isFalse();
    assertThat(accounts.auditActions("test-broken")).contains("PLUGIN_SETTINGS_CHANGED");

    admin.post("/desk/admin/plugins/test-broken/enabled", Map.of("enabled", "false"));
    try {
      admin.post("/desk/admin/plugins/test-broken", Map.of("limit", "3"));
      assertThat(registry.enabled("test-broken")).as("saving settings keeps the switch").isFalse();
      assertThat(registry.settings("test-broken").integer("limit")).isEqualTo(3);
    } finally {
      admin.post("/desk/admin/plugins/test-broken/enabled", Map.of("enabled", "true"));
    }
  }

  @Test
  void unknownPluginsAndNonAdminsGetNothing() {
    DeskBrowser admin = admin();
    assertThat(admin.get("/desk/admin/plugins/no-such-plugin").statusCode()).isEqualTo(404);
    assertThat(
            admin
                .post("/desk/admin/plugins/no-such-plugin/enabled", Map.of("enabled", "true"))
                .statusCode())
        .isEqualTo(404);
    given().redirects().follow(false).get("/desk/admin/plugins").then().statusCode(303);
  }

  /** The test database starts empty: every plugin's every listed script must have applied. */
  @Test
  void everyPluginsMigrationsAppliedToTheEmptyDatabase() {
    for (org.stet.spi.Plugin plugin : plugins) {
      String id = plugin.descriptor().id();
      if (plugin.migrations().isEmpty()) {
        continue;
      }
      Object applied =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      entityManager
                          .createNativeQuery(
                              "select count(*) from "
                                  + id.replace('-', '_')
                                  + "_schema_history where success and version is not null"
                                  + " and version <> '0'")
                          .getSingleResult());
      assertThat(((Number) applied).intValue()).as(id).isEqualTo(plugin.migrations().size());
    }
  }

  @Test
  void aPluginsMigrationsRunInItsOwnHistory() {
    Object text =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery("select text from test_marker_note where id = 1")
                        .getSingleResult());
    assertThat(text).isEqualTo("migrated");
    Object version =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select max(version) from test_marker_schema_history where success")
                        .getSingleResult());
    assertThat(version).isEqualTo("1");
  }

  private static DeskBrowser admin() {
    return DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
  }

  private static Document page(String path) {
    return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
  }
}
