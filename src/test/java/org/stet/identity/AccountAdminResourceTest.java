package org.stet.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdminResourceTest {

  @Inject TestAccounts accounts;

  @Test
  void adminCreatesAnAccountLinkedToAPersonWhoIsInvitedToChooseAPassword() throws Exception {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");

    Response created =
        admin.post(
            "/desk/admin/users",
            Map.of(
                "displayName",
                "Aigerim Sadykova",
                "email",
                "Aigerim@Stet.test",
                "roles",
                List.of("AUTHOR", "REVIEWER")));

    assertThat(created.statusCode()).isEqualTo(303);
    Account account = accounts.find("aigerim@stet.test");
    assertThat(created.getHeader("Location"))
        .endsWith("/desk/admin/users/" + account.id + "?invited=1");
    assertThat(account.roleSet()).containsExactlyInAnyOrder(Role.AUTHOR, Role.REVIEWER);
    assertThat(account.person.slug).isEqualTo("aigerim-sadykova");
    assertThat(account.passwordHash).isNull();
    assertThat(accounts.auditActions("aigerim@stet.test"))
        .containsExactly("ACCOUNT_CREATED", "INVITATION_SENT");
    String page = admin.get(created.getHeader("Location")).asString();
    assertThat(Jsoup.parse(page).select("[role=status]").text())
        .contains("An invitation to choose a password is on its way to aigerim@stet.test");
    DeskBrowser.acceptInvitation("aigerim@stet.test", TestAccounts.PASSWORD);
    DeskBrowser.signedIn("aigerim@stet.test", TestAccounts.PASSWORD);
  }

  @Test
  void aRefusedNewAccountKeepsWhatWasTyped() {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");

    Response refused =
        admin.post(
            "/desk/admin/users",
            Map.of(
                "displayName",
                "Second Admin",
                "email",
                TestAccounts.ADMIN,
                "roles",
                List.of("EDITOR", "REVIEWER")));

    assertThat(refused.statusCode()).isEqualTo(400);
    var page = Jsoup.parse(refused.asString());
    assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.selectFirst("#email + .error").text()).contains("exists already");
    assertThat(page.selectFirst("#displayName").val()).isEqualTo("Second Admin");
    assertThat(page.select("#new-account ~ form input[name=roles][checked]").eachAttr("value"))
        .containsExactly("REVIEWER", "EDITOR");
  }

  @Test
  void rolesChangeIsAudited() {
    Account account = accounts.create("promoted@stet.test", Role.AUTHOR);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");

    admin.post(
        "/desk/admin/users/" + account.id + "/roles", Map.of("roles", List.of("AUTHOR", "EDITOR")));

    assertThat(accounts.find("promoted@stet.test").roleSet())
        .containsExactlyInAnyOrder(Role.AUTHOR, Role.EDITOR);
    assertThat(accounts.auditActions("promoted@stet.test"))
        .containsExactly("ACCOUNT_CREATED", "ROLES_CHANGED");
  }

  @Test
  void disablingAnAccountEndsItsSessions() {
    Account account = accounts.create("leaving@stet.test", Role.AUTHOR);
    DeskBrowser user = DeskBrowser.signedIn("leaving@stet.test", TestAccounts.PASSWORD);
    assertThat(user.get("/desk").statusCode()).isEqualTo(200);
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");

    admin.post("/desk/admin/users/" + account.id + "/disable", Map.of("confirmed", "yes"));

    assertThat(user.get("/desk").statusCode()).as("signed out at once").isEqualTo(303);
    assertThat(
            new DeskBrowser()
                .signIn("leaving@stet.test", TestAccounts.PASSWORD, "/desk")
                .statusCode())
        .isEqualTo(401);
    assertThat(accounts.auditActions("leaving@stet.test")).contains("ACCOUNT_DISABLED");
  }

  @Test
  void nonAdminsAreRefusedAndTheRefusalIsAudited() {
    accounts.create("editor-only@stet.test", Role.EDITOR);
    DeskBrowser editor = DeskBrowser.signedIn("editor-only@stet.test", TestAccounts.PASSWORD);

    assertThat(editor.get("/desk/admin/users").statusCode()).isEqualTo(403);
    assertThat(editor.post("/desk/admin/users/1/disable", Map.of()).statusCode()).isEqualTo(403);
    assertThat(accounts.auditActions("GET /desk/admin/users")).contains("ACCESS_DENIED");
  }

  @Test
  void unknownAccountIdIsA404() {
    DeskBrowser admin = DeskBrowser.signedIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    admin.get("/desk/admin/users");

    assertThat(admin.post("/desk/admin/users/999999/disable", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(admin.post("/desk/admin/users/abc/disable", Map.of()).statusCode()).isEqualTo(404);
    assertThat(admin.post("/desk/admin/users/1/roles", Map.of("roles", "OVERLORD")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void anonymousPostsNeverReachTheAdminActions() {
    given()
        .redirects()
        .follow(false)
        .contentType("application/x-www-form-urlencoded")
        .formParam("roles", "ADMIN")
        .post("/desk/admin/users/1/roles")
        .then()
        .statusCode(303);
  }
}
