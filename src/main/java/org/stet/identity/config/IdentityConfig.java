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

  /** Sign-in attempts one network may make per minute (in memory, before any other check). */
  @WithDefault("20")
  int signInAttemptsPerMinute();

  /**
   * Failed sign-ins from one network before each further one makes it wait: the first wait, then
   * twice as long with each failure.
   */
  @WithDefault("10")
  int signInFreeFailures();

  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  @WithDefault("1s")
  Duration signInFirstWait();

  /** The longest wait a network's failed sign-ins can cause. */
  @WithDefault("15m")
  Duration signInMaxWait();

  /** Failed sign-ins for one e-mail from one network before each further one makes it wait. */
  @WithDefault("3")
  int signInPairFreeFailures();

  /** The longest wait failed sign-ins for one e-mail from one network can cause. */
  @WithDefault("1m")
  Duration signInPairMaxWait();

  /**
   * Failed sign-ins to an account (since its last sign-in) after which its owner is told by mail;
   * at most one such mail a day. The account is never locked.
   */
  @WithDefault("5")
  int signInFailuresReported();

  /** bcrypt cost factor of stored passwords (each step doubles the work). */
  @WithDefault("12")
  int bcryptCost();

  /** How long the link of an invitation to a new account stays usable. */
  @WithDefault("7d")
  Duration invitationValid();

  /** How long a password-reset link stays usable. */
  @WithDefault("1h")
  Duration passwordResetValid();

  /** An account gets at most one reset mail this often, however often it is asked for. */
  @WithDefault("2m")
  Duration passwordResetInterval();
}
