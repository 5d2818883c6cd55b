package org.stet.spi;

import java.util.List;

/**
 * Stet's checks for uploaded images, for plugins that take them (author photos): the type read from
 * the bytes, the structure walked to its end (polyglots refused), decompression bombs refused
 * before decoding, markup in metadata refused, and the pixels written afresh, so no metadata
 * survives. Inject it. Implemented by Stet.
 *
 * @since 0.5
 */
public interface Images {

  /** Why an upload was refused: a message for the person, and 400, 413 or 503 to answer with. */
  final class Refused extends Exception {

    private final int status;

    public Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** The squares made from an upload, and what the upload was ("JPEG", "PNG" or "WebP"). */
  record Squares(String sourceType, List<byte[]> jpegs) {}

  /**
   * The image, upright (its EXIF orientation applied), cropped to a centred square and written as
   * one JPEG per side in {@code sides}, in that order.
   *
   * @param fileName the name the browser sent (refused when it names a path)
   * @param maxBytes the largest upload accepted (larger is 413, with both sizes in words)
   */
  Squares squareJpegs(String fileName, byte[] bytes, long maxBytes, int... sides) throws Refused;
}
