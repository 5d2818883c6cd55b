package org.stet.media;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks an uploaded image and makes the files Stet serves from it, or says why it will not (used
 * by core and, through the SPI's {@code Images}, by plugins such as author profiles). The upload is
 * never served or stored as it came: its structure is walked to its end (data after the image, as
 * in polyglot files, is refused), its pixel count is read from the header before anything is
 * decoded (decompression bombs are refused), and the decoded pixels are encoded afresh, so no
 * metadata (EXIF, GPS, comments) survives. The EXIF orientation is applied first, so phone photos
 * stand upright. Pure Java; no Quarkus.
 */
public final class ImageChecks {

  private static final String[] MARKUP = {
    "<script", "<html", "<svg", "<?php", "<!doctype", "<body", "<iframe", "javascript:"
  };

  /** The kinds of file accepted, told apart by their first bytes (never by the name). */
  public enum Kind {
    JPEG("jpeg", "JPEG"),
    PNG("png", "PNG"),
    WEBP("webp", "WebP"),
    GIF("gif", "GIF");

    final String format;
    final String label;

    Kind(String format, String label) {
      this.format = format;
      this.label = label;
    }
  }

  private ImageChecks() {}

  /**
   * The image cropped to a square and written afresh as a JPEG of each side in {@code sides} (an
   * author photo: 400 and 160 pixels).
   *
   * @param fileName the name the browser sent, checked only for path tricks
   * @param maxBytes the largest upload accepted
   * @throws UploadRefused with 400 (not an image, damaged, polyglot, bad name) or 413 (too large)
   */
  public static Squares squareJpegs(String fileName, byte[] bytes, long maxBytes, int... sides)
      throws UploadRefused {
    int largest = 0;
    for (int side : sides) {
      largest = Math.max(largest, side);
    }
    Checked checked = check(fileName, bytes, maxBytes, largest, PHOTOS);
    BufferedImage square = ImageSizes.squareUpright(checked.image(), checked.orientation());
    List<byte[]> sized = new java.util.ArrayList<>();
    for (int side : sides) {
      sized.add(ImageSizes.jpeg(ImageSizes.scale(square, side)));
    }
    return new Squares(checked.kind().label, sized);
  }

  /** Square JPEGs, one per side asked for, and the upload's kind ("JPEG", "PNG", "WebP"). */
  public record Squares(String sourceType, List<byte[]> jpegs) {}

  /** What author photos may be (a square portrait). */
  public static final java.util.Set<Kind> PHOTOS =
      java.util.EnumSet.of(Kind.JPEG, Kind.PNG, Kind.WEBP);

  /** What figures may be: a GIF too (its first frame; animation is not kept). */
  public static final java.util.Set<Kind> FIGURES = java.util.EnumSet.allOf(Kind.class);

  /** A checked upload: its kind, the decoded pixels and the EXIF orientation to apply. */
  public record Checked(Kind kind, BufferedImage image, int orientation) {}

  /**
   * Checks {@code bytes} and decodes them: the structure walked to its end, markup in metadata
   * refused, the pixel count read before decoding. {@code sideNeeded} is the largest side anything
   * will be made in; pixels beyond twice that are skipped while decoding.
   *
   * @throws UploadRefused with 400 (not an image, damaged, polyglot, bad name) or 413 (too large)
   */
  public static Checked check(String fileName, byte[] bytes, long maxBytes, int sideNeeded)
      throws UploadRefused {
    return check(fileName, bytes, maxBytes, sideNeeded, FIGURES);
  }

  /** {@link #check(String, byte[], long, int)} accepting only {@code accepted} kinds. */
  public static Checked check(
      String fileName, byte[] bytes, long maxBytes, int sideNeeded, java.util.Set<Kind> accepted)
      throws UploadRefused {
    checkName(fileName);
    if (bytes.length == 0) {
      throw new UploadRefused(
          400, "The file is empty. Choose " + kinds(accepted, "or") + " image.");
    }
    checkSize(bytes.length, maxBytes);
    Kind kind = ImageStructure.kind(bytes);
    if (kind == null || !accepted.contains(kind)) {
      throw new UploadRefused(
          400,
          "Only "
              + kinds(accepted, "and")
              + " images are accepted, and this file is none of them.");
    }
    ImageStructure.Walk walk = ImageStructure.walk(bytes, kind);
    checkNoMarkup(walk.metadata());
    BufferedImage decoded =
        ImageDecoder.decode(
            bytes,
            kind,
            walk.heldWhole() ? ImageDecoder.MAX_PIXELS_HELD_WHOLE : ImageDecoder.MAX_PIXELS,
            sideNeeded);
    return new Checked(
        kind, decoded, kind == Kind.JPEG ? ImageStructure.exifOrientation(bytes) : 1);
  }

  /** Refuses (413) a file of {@code size} bytes when more than {@code maxBytes}. */
  public static void checkSize(long size, long maxBytes) throws UploadRefused {
    if (size > maxBytes) {
      throw new UploadRefused(
          413,
          "The image is "
              + megabytes(size)
              + "; the largest accepted is "
              + megabytes(maxBytes)
              + ". Save it smaller and try again.");
    }
  }

  private static void checkName(String name) throws UploadRefused {
    if (name == null) {
      return;
    }
    boolean pathLike =
        name.indexOf('/') >= 0
            || name.indexOf('\\') >= 0
            || name.indexOf('\0') >= 0
            || name.equals("..")
            || name.equals(".")
            || name.chars().anyMatch(c -> c < 0x20);
    if (pathLike || name.length() > 255) {
      throw new UploadRefused(
          400,
          "The file name may not contain folders (\"../\", \"/\", \"\\\") or control characters."
              + " Rename the file and try again.");
    }
  }

  /** "JPEG, PNG and WebP": the kinds' names in order, the last joined by {@code last}. */
  private static String kinds(java.util.Set<Kind> accepted, String last) {
    List<String> labels = accepted.stream().map(kind -> kind.label).toList();
    return labels.size() == 1
        ? labels.get(0)
        : String.join(", ", labels.subList(0, labels.size() - 1))
            + " "
            + last
            + " "
            + labels.get(labels.size() - 1);
  }

  /** Markup in the metadata (never in the compressed pixels, where any bytes may occur). */
  private static void checkNoMarkup(byte[] b) throws UploadRefused {
    String text = new String(b, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    for (String markup : MARKUP) {
      if (text.contains(markup)) {
        throw new UploadRefused(
            400,
            "This file holds web page or script code besides the image, so it was refused."
                + " Export the image again from an image editor.");
      }
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
