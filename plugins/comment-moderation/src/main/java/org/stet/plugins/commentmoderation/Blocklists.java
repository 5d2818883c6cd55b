package org.stet.plugins.commentmoderation;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The blocked words, e-mail addresses and IP ranges of the settings; pure. */
final class Blocklists {

  /** An address range: the first {@code bits} bits of {@code network}. */
  record Range(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      BigInteger mask =
          BigInteger.ONE
              .shiftLeft(address.length * 8)
              .subtract(BigInteger.ONE)
              .shiftRight(bits)
              .not();
      BigInteger a = new BigInteger(1, address);
      BigInteger n = new BigInteger(1, network);
      return a.and(mask).equals(n.and(mask));
    }
  }

  private Blocklists() {}

  /** The blocked word found in any of the texts, if one is. */
  static Optional<String> blockedWord(List<String> words, String... texts) {
    for (String word : words) {
      String needle = word.toLowerCase(Locale.ROOT);
      for (String text : texts) {
        if (text.toLowerCase(Locale.ROOT).contains(needle)) {
          return Optional.of(word);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the address is blocked, itself or by its domain ({@code @example.org}). */
  static boolean blockedEmail(List<String> entries, String email) {
    String address = email.toLowerCase(Locale.ROOT);
    for (String entry : entries) {
      String blocked = entry.toLowerCase(Locale.ROOT);
      if (blocked.startsWith("@") ? address.endsWith(blocked) : address.equals(blocked)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code ip} (a literal address) is in one of the ranges; bad lines are skipped. */
  static boolean blockedIp(List<String> entries, String ip) {
    Optional<byte[]> address = literal(ip);
    if (address.isEmpty()) {
      return false;
    }
    return ranges(entries).stream().anyMatch(range -> range.contains(address.get()));
  }

  /** The lines that are not an address or range, to show the editors. */
  static List<String> badLines(List<String> entries) {
    List<String> bad = new ArrayList<>();
    for (String entry : entries) {
      if (range(entry).isEmpty()) {
        bad.add(entry);
      }
    }
    return bad;
  }

  static List<Range> ranges(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      range(entry).ifPresent(ranges::add);
    }
    return ranges;
  }

  private static Optional<Range> range(String entry) {
    String[] parts = entry.split("/", 2);
    Optional<byte[]> network = literal(parts[0]);
    if (network.isEmpty()) {
      return Optional.empty();
    }
    int max = network.get().length * 8;
    int bits = max;
    if (parts.length == 2) {
      if (!parts[1].matches("\\d{1,3}")) {
        return Optional.empty();
      }
      bits = Integer.parseInt(parts[1]);
      if (bits > max) {
        return Optional.empty();
      }
    }
    return Optional.of(new Range(network.get(), bits));
  }

  /** The bytes of a literal IPv4 or IPv6 address; never a name lookup. */
  static Optional<byte[]> literal(String text) {
    String value = text.strip();
    boolean v4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String octet : value.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      return Optional.of(InetAddress.getByName(value).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
