package org.stet.plugins.commentmoderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Readers as the plugin counts and remembers them, never by their address itself: the network a
 * reader writes from, and a keyed hash of an address or e-mail.
 */
@ApplicationScoped
@Transactional
public class ReaderKeys {

  private final EntityManager entityManager;
  private volatile String addressKey;

  ReaderKeys(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * A reader's address (or e-mail) as rate limits, reports and audit entries keep it: an
   * HMAC-SHA256 with this installation's key, so it cannot be reversed by hashing every address.
   */
  String key(String text) {
    String key = addressKey;
    if (key == null) {
      key = addressKey();
      addressKey = key;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(String.valueOf(text).getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The reader's network: an IPv4 address as it is, an IPv6 address as its /64 (one household or
   * server has a whole /64, so counting single IPv6 addresses would let one reader report or
   * comment endlessly).
   */
  static String network(String ip) {
    Optional<byte[]> bytes = ip == null ? Optional.empty() : Blocklists.literal(ip);
    if (bytes.isEmpty() || bytes.get().length != 16) {
      return String.valueOf(ip);
    }
    byte[] prefix = java.util.Arrays.copyOf(bytes.get(), 16);
    java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
    return HexFormat.of().formatHex(prefix, 0, 8) + "::/64";
  }

  /** The installation's key for hashing readers' addresses, made when the plugin's tables were. */
  private String addressKey() {
    return (String)
        entityManager
            .createNativeQuery("select key from comment_moderation_key where id = 1")
            .getSingleResult();
  }
}
