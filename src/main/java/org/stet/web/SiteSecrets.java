package org.stet.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's own keys: made on the very first start (whichever instance is first), kept in
 * {@code site_secret} and shared by every instance on the database, loaded once at start so signing
 * never touches the database (the event loop signs form stamps for cached pages).
 */
@ApplicationScoped
public class SiteSecrets {

  /** What a key signs; each purpose has its own key. */
  public enum Purpose {
    /** Time stamps in public forms (comments). */
    FORM_STAMP("form-stamp"),
    /** The desk's CSRF tokens, bound to the session. */
    CSRF("csrf"),
    /** Keyed hashes of readers' and sign-in sources' networks (never stored in the clear). */
    NETWORK("network"),
    /** OAI-PMH resumption tokens, which carry a list's position and must not be forged. */
    RESUMPTION_TOKEN("oai-resumption-token");

    private final String row;

    Purpose(String row) {
      this.row = row;
    }
  }

  private final EntityManager entityManager;
  private final Map<Purpose, SecretKeySpec> keys = new EnumMap<>(Purpose.class);

  SiteSecrets(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  void start(@Observes @Priority(50) StartupEvent event) {
    for (Purpose purpose : Purpose.values()) {
      keys.put(purpose, new SecretKeySpec(load(purpose.row), "HmacSHA256"));
    }
  }

  /** HMAC-SHA256 of {@code message} with the key for {@code purpose}. */
  public byte[] sign(Purpose purpose, String message) {
    SecretKeySpec key = keys.get(purpose);
    if (key == null) {
      throw new IllegalStateException("Site keys are loaded at start; this is too early");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** {@link #sign} as URL-safe Base64 without padding, cut to {@code bytes} bytes. */
  public String signText(Purpose purpose, String message, int bytes) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(java.util.Arrays.copyOf(sign(purpose, message), bytes));
  }

  private byte[] load(String name) {
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
                      .setParameter(1, name)
                      .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                      .executeUpdate();
                  return (String)
                      entityManager
                          .createNativeQuery("select value from site_secret where name = ?1")
                          .setParameter(1, name)
                          .getSingleResult();
                });
    return Base64.getDecoder().decode(value);
  }
}
