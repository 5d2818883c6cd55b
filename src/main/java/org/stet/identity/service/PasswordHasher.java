package org.stet.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.stet.identity.config.IdentityConfig;

/**
 * bcrypt password hashes (BouncyCastle). The password is first reduced to its SHA-256 in base64, so
 * bcrypt's 72-byte limit never silently ignores the end of a long password.
 */
@ApplicationScoped
public class PasswordHasher {

  private final SecureRandom random = new SecureRandom();
  private final int cost;

  /** Checked when the account does not exist, so both cases take the same time. */
  private final String decoy;

  PasswordHasher(IdentityConfig config) {
    this.cost = config.bcryptCost();
    this.decoy = hash("decoy password that matches nothing");
  }

  public String hash(String password) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return OpenBSDBCrypt.generate(prehash(password), salt, cost);
  }

  public boolean matches(String password, String hash) {
    if (hash == null) {
      OpenBSDBCrypt.checkPassword(decoy, prehash(password));
      return false;
    }
    return OpenBSDBCrypt.checkPassword(hash, prehash(password));
  }

  private static char[] prehash(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest).toCharArray();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
