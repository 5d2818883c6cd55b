package org.stet.identity.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 12 to 256 characters, not a common password, not made of the account's
 * own e-mail or name, not one character repeated. Returns the reason, never throws.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** Why {@code password} is refused for the account with this e-mail and name, or empty. */
  public static Optional<String> problem(String password, String email, String displayName) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String letters = lower.replaceAll("[^\\p{L}\\p{N}]", "");
    if (COMMON.contains(lower)
        || COMMON.contains(letters)
        || COMMON.contains(lower.replaceAll("\\d+$", ""))) {
      return Optional.of("This password is on a list of commonly used passwords; choose another.");
    }
    if (password.chars().distinct().count() <= 2) {
      return Optional.of("Use more than two different characters.");
    }
    String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
    String name =
        displayName == null ? "" : displayName.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    if ((local.length() >= 4 && letters.contains(local.replaceAll("[^\\p{L}\\p{N}]", "")))
        || (name.length() >= 4 && letters.contains(name.replaceAll("[^\\p{L}\\p{N}]", "")))) {
      return Optional.of("Do not build the password from your e-mail address or name.");
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    try (InputStream in =
        PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("identity/common-passwords.txt is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
