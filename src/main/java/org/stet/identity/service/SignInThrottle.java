package org.stet.identity.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.stet.identity.config.IdentityConfig;
import org.stet.web.SiteSecrets;

/**
 * Slows down password guessing where it comes from, never by locking the account (which would let
 * anyone lock anyone out, and tell who has an account). Each failure counts against the source
 * network (an IPv4 address, an IPv6 /64) and, more gently, against the pair of that network and the
 * e-mail typed, whether or not an account has it; past a few free failures each one makes the key
 * wait twice as long, up to a limit. The right password from another network is unaffected.
 *
 * <p>The counts live in the database (every instance sees them), under keyed hashes of the network
 * and e-mail; they are forgotten after a quiet period. A cheap in-memory limit per address and
 * minute comes first, so a flood never reaches the database or bcrypt.
 */
@ApplicationScoped
public class SignInThrottle {

  /** Failures are forgotten this long after the last one. */
  static final Duration QUIET = Duration.ofHours(1);

  private final Cache<String, AtomicInteger> attempts =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();
  private final IdentityConfig config;
  private final SiteSecrets secrets;
  private final EntityManager entityManager;

  SignInThrottle(IdentityConfig config, SiteSecrets secrets, EntityManager entityManager) {
    this.config = config;
    this.secrets = secrets;
    this.entityManager = entityManager;
  }

  /** Counts an attempt from {@code ip} in memory; false when it is over the per-minute limit. */
  public boolean allow(String ip) {
    return attempts.get(network(ip), key -> new AtomicInteger()).incrementAndGet()
        <= config.signInAttemptsPerMinute();
  }

  /** How long attempts for {@code email} from {@code ip} must still wait; zero for none. */
  @Transactional
  public Duration wait(String ip, String email) {
    @SuppressWarnings("unchecked")
    List<Object> until =
        entityManager
            .createNativeQuery(
                "select blocked_until from sign_in_throttle where key in (?1, ?2)"
                    + " and blocked_until > now()")
            .setParameter(1, networkKey(ip))
            .setParameter(2, pairKey(ip, email))
            .getResultList();
    Instant now = Instant.now();
    return until.stream()
        .map(at -> Duration.between(now, instant(at)))
        .filter(wait -> !wait.isNegative())
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Counts a failed attempt against the network and the pair; their next waits grow. */
  @Transactional
  public void failed(String ip, String email) {
    count(networkKey(ip), config.signInFreeFailures(), config.signInMaxWait());
    count(pairKey(ip, email), config.signInPairFreeFailures(), config.signInPairMaxWait());
  }

  /** A right password: the pair starts afresh (the network does not, or any account would). */
  @Transactional
  public void succeeded(String ip, String email) {
    entityManager
        .createNativeQuery("delete from sign_in_throttle where key = ?1")
        .setParameter(1, pairKey(ip, email))
        .executeUpdate();
  }

  /** Forgets failures after the quiet period. */
  @Scheduled(every = "10m", delayed = "1m", identity = "sign-in-throttle-expiry")
  @Transactional
  void forget() {
    entityManager
        .createNativeQuery(
            "delete from sign_in_throttle where last_failure_at < now() - make_interval(secs => ?1)"
                + " and blocked_until < now()")
        .setParameter(1, QUIET.toSeconds())
        .executeUpdate();
  }

  /**
   * The wait after {@code failures} failures: none for the first {@code free}, then {@code first},
   * doubling with each further failure, at most {@code most}.
   */
  static Duration waitAfter(int failures, int free, Duration first, Duration most) {
    if (failures <= free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free - 1, 30);
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(most) > 0 ? most : wait;
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp sql ? sql.toInstant() : (Instant) value;
  }

  private void count(String key, int free, Duration most) {
    int failures =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into sign_in_throttle as t (key, failures, last_failure_at,"
                            + " blocked_until) values (?1, 1, now(), now())"
                            + " on conflict (key) do update set failures = case when"
                            + " t.last_failure_at < now() - make_interval(secs => ?2) then 1"
                            + " else t.failures + 1 end, last_failure_at = now()"
                            + " returning failures")
                    .setParameter(1, key)
                    .setParameter(2, QUIET.toSeconds())
                    .getSingleResult())
            .intValue();
    Duration wait = waitAfter(failures, free, config.signInFirstWait(), most);
    if (!wait.isZero()) {
      entityManager
          .createNativeQuery(
              "update sign_in_throttle set blocked_until = now() + make_interval(secs => ?2)"
                  + " where key = ?1")
          .setParameter(1, key)
          .setParameter(2, wait.toSeconds())
          .executeUpdate();
    }
  }

  private String networkKey(String ip) {
    return "net:" + secrets.signText(SiteSecrets.Purpose.NETWORK, "net:" + network(ip), 24);
  }

  private String pairKey(String ip, String email) {
    return "pair:"
        + secrets.signText(
            SiteSecrets.Purpose.NETWORK,
            "pair:" + network(ip) + "\n" + email.strip().toLowerCase(Locale.ROOT),
            24);
  }

  /**
   * The source network of {@code ip}: an IPv4 address itself, an IPv6 address its /64 (one
   * household or server holds a whole /64, so single IPv6 addresses would be free to change).
   */
  static String network(String ip) {
    if (ip == null || ip.isEmpty()) {
      return "?";
    }
    try {
      // Only literals reach here (the socket's address); a name is never looked up.
      if (!ip.matches("[0-9A-Fa-f:.%]+")) {
        return ip;
      }
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      if (bytes.length == 16) {
        return HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return ip;
    }
  }
}
