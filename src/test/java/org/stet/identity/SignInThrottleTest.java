package org.stet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stet.identity.config.IdentityConfig;
import org.stet.identity.service.SignInThrottle;

class SignInThrottleTest {

  @Test
  void allowsTheConfiguredAttemptsPerAddressThenRefuses() throws Exception {
    var constructor = SignInThrottle.class.getDeclaredConstructor(IdentityConfig.class);
    constructor.setAccessible(true);
    SignInThrottle throttle = constructor.newInstance(config(3));

    assertThat(throttle.allow("10.0.0.1")).isTrue();
    assertThat(throttle.allow("10.0.0.1")).isTrue();
    assertThat(throttle.allow("10.0.0.1")).isTrue();
    assertThat(throttle.allow("10.0.0.1")).isFalse();
    assertThat(throttle.allow("10.0.0.2")).as("other addresses are unaffected").isTrue();
  }

  private static IdentityConfig config(int perMinute) {
    return new IdentityConfig() {
      public Optional<String> adminEmail() {
        return Optional.empty();
      }

      public Optional<String> adminPassword() {
        return Optional.empty();
      }

      public Duration sessionIdleTimeout() {
        return Duration.ofHours(1);
      }

      public Duration sessionMaxAge() {
        return Duration.ofDays(1);
      }

      public boolean secureCookies() {
        return true;
      }

      public int maxFailedSignIns() {
        return 5;
      }

      public Duration lockDuration() {
        return Duration.ofMinutes(15);
      }

      public int signInAttemptsPerMinute() {
        return perMinute;
      }

      public int bcryptCost() {
        return 4;
      }
    };
  }
}
