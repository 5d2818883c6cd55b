package org.stet.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  @Test
  void waitsDoubleAfterTheFreeFailuresUpToTheLimit() {
    Duration most = Duration.ofMinutes(15);

    assertThat(SignInThrottle.waitAfter(10, 10, Duration.ofSeconds(1), most)).isZero();
    assertThat(SignInThrottle.waitAfter(11, 10, Duration.ofSeconds(1), most))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(SignInThrottle.waitAfter(12, 10, Duration.ofSeconds(1), most))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(SignInThrottle.waitAfter(15, 10, Duration.ofSeconds(1), most))
        .isEqualTo(Duration.ofSeconds(16));
    assertThat(SignInThrottle.waitAfter(25, 10, Duration.ofSeconds(1), most)).isEqualTo(most);
    assertThat(SignInThrottle.waitAfter(Integer.MAX_VALUE, 10, Duration.ofSeconds(1), most))
        .as("no overflow")
        .isEqualTo(most);
  }

  @Test
  void anIpv6NetworkIsItsSlash64AndIpv4TheAddress() {
    assertThat(SignInThrottle.network("2001:db8:1:2:aaaa::1"))
        .isEqualTo(SignInThrottle.network("2001:db8:1:2:ffff::9"));
    assertThat(SignInThrottle.network("2001:db8:1:2::1"))
        .isNotEqualTo(SignInThrottle.network("2001:db8:1:3::1"));
    assertThat(SignInThrottle.network("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(SignInThrottle.network("::ffff:10.0.0.1")).isEqualTo("10.0.0.1");
  }
}
