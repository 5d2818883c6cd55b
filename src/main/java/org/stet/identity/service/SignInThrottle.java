package org.stet.identity.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.stet.identity.config.IdentityConfig;

/**
 * Limits sign-in attempts per IP address (a fixed one-minute window), in memory. Per-account
 * locking after repeated failures is kept in the database by {@link SignInService}.
 */
@ApplicationScoped
public class SignInThrottle {

  private final Cache<String, AtomicInteger> attempts =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();
  private final int perMinute;

  SignInThrottle(IdentityConfig config) {
    this.perMinute = config.signInAttemptsPerMinute();
  }

  /** Counts an attempt from {@code ip}; false when it is over the limit. */
  public boolean allow(String ip) {
    return attempts.get(ip == null ? "?" : ip, key -> new AtomicInteger()).incrementAndGet()
        <= perMinute;
  }
}
