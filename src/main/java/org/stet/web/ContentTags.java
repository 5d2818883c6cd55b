package org.stet.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags of documents written in memory: the first 16 bytes of their SHA-256, in hex. */
public final class ContentTags {

  private ContentTags() {}

  /** The tag of {@code body}: the same bytes always give the same tag. */
  public static String of(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
