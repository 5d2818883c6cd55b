package org.stet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.stet.identity.DeskBrowser;
import org.stet.identity.Role;
import org.stet.identity.SessionCookie;
import org.stet.identity.TestAccounts;
import org.stet.identity.service.SignInService;
import org.stet.mail.GreenMailServer;

/**
 * The adversarial test's finding: five wrong passwords locked any account (admins too) for 15
 * minutes even against the right password, and the lock's answer told who had an account. Each test
 * sends its guesses from its own loopback address, as an attacker's network.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailServer.class)
class SignInGuessingAttackTest {

  @Inject TestAccounts accounts;

  @Test
  void guessesSlowTheirNetworkButTheOwnerStillSignsInFromAnother() throws Exception {
    accounts.create("victim-admin@stet.test", Role.ADMIN);
    DeskBrowser attacker = new DeskBrowser().from("127.0.0.5");
    for (int i = 0; i < 4; i++) {
      assertThat(
              attacker
                  .signIn("victim-admin@stet.test", "guess-" + i + "-xyz", "/desk")
                  .statusCode())
          .isEqualTo(401);
    }
    new DeskBrowser().from("127.0.0.9").signIn("victim-admin@stet.test", "another-guess", "/desk");

    Response throttled = attacker.signIn("victim-admin@stet.test", TestAccounts.PASSWORD, "/desk");
    assertThat(throttled.statusCode())
        .as("even the right password waits on the guessing network")
        .isEqualTo(429);
    assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isPositive();
    assertThat(throttled.getDetailedCookie(SessionCookie.NAME)).isNull();

    DeskBrowser owner = new DeskBrowser().from("127.0.0.6");
    assertThat(owner.signIn("victim-admin@stet.test", TestAccounts.PASSWORD, "/desk").statusCode())
        .as("the owner, elsewhere, is not locked out")
        .isEqualTo(303);
    assertThat(owner.cookie(SessionCookie.NAME)).isNotNull();

    String told =
        GreenMailServer.text(
            GreenMailServer.await(
                "victim-admin@stet.test", "Failed attempts to sign in to your account"));
    assertThat(told).contains("5 times").contains("not locked");
    assertThat(accounts.auditActions("victim-admin@stet.test"))
        .contains("SIGN_IN_FAILED", "SIGN_IN");
  }

  @Test
  void unknownWrongAndThrottledGetTheSameAnswer() {
    accounts.create("known@stet.test", Role.AUTHOR);
    DeskBrowser prober = new DeskBrowser().from("127.0.0.10");

    Response unknown = prober.signIn("nobody-at-all@stet.test", "some-password-1", "/desk");
    Response wrong = prober.signIn("known@stet.test", "some-password-2", "/desk");
    for (int i = 0; i < 3; i++) {
      prober.signIn("known@stet.test", "some-password-" + (3 + i), "/desk");
    }
    Response throttled = prober.signIn("known@stet.test", "some-password-9", "/desk");

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(throttled.statusCode()).isEqualTo(429);
    for (Response answer : new Response[] {unknown, wrong, throttled}) {
      assertThat(Jsoup.parse(answer.asString()).selectFirst(".error").text())
          .isEqualTo(SignInService.REFUSED);
    }
  }

  @Test
  void aNetworkTryingManyAccountsIsSlowedWhateverTheAccount() {
    DeskBrowser sprayer = new DeskBrowser().from("127.0.0.11");
    for (int i = 0; i < 11; i++) {
      assertThat(
              sprayer.signIn("spray-" + i + "@stet.test", "password-123456", "/desk").statusCode())
          .isEqualTo(401);
    }

    assertThat(sprayer.signIn("spray-new@stet.test", "password-123456", "/desk").statusCode())
        .isEqualTo(429);
    assertThat(
            new DeskBrowser()
                .from("127.0.0.12")
                .signIn("spray-new@stet.test", "password-123456", "/desk")
                .statusCode())
        .as("other networks are unaffected")
        .isEqualTo(401);
  }
}
