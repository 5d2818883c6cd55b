package org.stet.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.stet.spi.FormStamps;

/**
 * Form stamps: {@code <epoch seconds>.<HMAC-SHA256 of them, 128 bits>}, signed with a key made on
 * the first start and kept in {@code site_secret}, so every instance on the database accepts the
 * others' stamps. Issuing never touches the database (the event loop serves cached pages).
 */
@ApplicationScoped
public class FormStampService implements FormStamps {

  private static final String KEY_NAME = "form-stamp";

  private final EntityManager entityManager;
  private final Clock clock;
  private volatile SecretKeySpec key;

  /** The stamp of one second; every page served in that second carries the same one. */
  private record Issued(long second, String stamp) {}

  private volatile Issued latest = new Issued(-1, "");

  FormStampService(EntityManager entityManager) {
    this.entityManager = entityManager;
    this.clock = Clock.systemUTC();
  }

  /** Loads the key, making it on the very first start (once, whichever instance is first). */
  void start(@Observes @Priority(50) StartupEvent event) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    String value =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  entityManager
                      .createNativeQuery(
                          "insert into site_secret (name, value) values (?1, ?2)"
                              + " on conflict do nothing")
                      .setParameter(1, KEY_NAME)
                      .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                      .executeUpdate();
                  return (String)
                      entityManager
                          .createNativeQuery("select value from site_secret where name = ?1")
                          .setParameter(1, KEY_NAME)
                          .getSingleResult();
                });
    key = new SecretKeySpec(Base64.getDecoder().decode(value), "HmacSHA256");
  }

  /** Signs once per second at most: the cached article pages ask for a stamp per request. */
  @Override
  public String issue() {
    long now = clock.instant().getEpochSecond();
    Issued issued = latest;
    if (issued.second() != now) {
      String seconds = Long.toString(now);
      issued = new Issued(now, seconds + "." + sign(seconds));
      latest = issued;
    }
    return issued.stamp();
  }

  @Override
  public Optional<Instant> issuedAt(String stamp) {
    if (stamp == null || !stamp.matches("\\d{1,12}\\.[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    String seconds = stamp.substring(0, stamp.indexOf('.'));
    byte[] expected = sign(seconds).getBytes(StandardCharsets.US_ASCII);
    byte[] given = stamp.substring(seconds.length() + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
  }

  private String sign(String seconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("form-stamp:" + seconds).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(digest, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
