package org.stet.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in and accounts ({@code stet.identity.*}). */
@ConfigMapping(prefix = "stet.identity")
public interface IdentityConfig {

  /**
   * E-mail of the first administrator, created on start when no account exists (automated
   * installs).
   */
  Optional<String> adminEmail();

  /** Password of that first administrator; must pass the password policy. */
  Optional<String> adminPassword();

  /** A session ends after this long without a request. */
  @WithDefault("12h")
  Duration sessionIdleTimeout();

  /** A session ends this long after sign-in, however active. */
  @WithDefault("14d")
  Duration sessionMaxAge();

  /** Mark cookies Secure (HTTPS only); off only for local development and tests. */
  @WithDefault("true")
  boolean secureCookies();

  /** Failed sign-ins in a row that lock an account. */
  @WithDefault("5")
  int maxFailedSignIns();

  /** How long a locked account stays locked. */
  @WithDefault("15m")
  Duration lockDuration();

  /** Sign-in attempts one IP address may make per minute. */
  @WithDefault("20")
  int signInAttemptsPerMinute();

  /** bcrypt cost factor of stored passwords (each step doubles the work). */
  @WithDefault("12")
  int bcryptCost();
}
