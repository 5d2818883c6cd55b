package org.stet.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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

  /** The most pixels an image may have (a 40-megapixel camera's). */
  static final long MAX_PIXELS = 40_000_000L;

  /**
   * The most pixels of a progressive JPEG or a lossless WebP, whose decoders hold the whole image
   * in memory however small the result.
   */
  static final long MAX_PIXELS_HELD_WHOLE = 16_000_000L;

  /** The most scans a JPEG may have (each costs a pass over the image; cameras write up to ~12). */
  static final int MAX_SCANS = 100;

  /** Images decoded at once; more wait, so a burst of uploads cannot exhaust the memory. */
  private static final Semaphore DECODING = new Semaphore(2);

  /** The longest side an image may have. */
  static final int MAX_SIDE = 12_000;

  private static final String[] MARKUP = {
    "<script", "<html", "<svg", "<?php", "<!doctype", "<body", "<iframe", "javascript:"
  };

  /** What walking a file's structure found: its metadata, and how heavy it is to decode. */
  private static final class Walk {
    final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    int scans;
    boolean heldWhole;

    void keep(byte[] b, int from, int length) {
      metadata.write(b, from, Math.max(0, Math.min(length, b.length - from)));
    }
  }

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

    static Kind of(byte[] b) {
      if (b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
        return JPEG;
      }
      if (b.length >= 8 && u8(b, 0) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
        return PNG;
      }
      if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
        return WEBP;
      }
      if (b.length >= 13 && (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a"))) {
        return GIF;
      }
      return null;
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
    Kind kind = Kind.of(bytes);
    if (kind == null || !accepted.contains(kind)) {
      throw new UploadRefused(
          400,
          "Only "
              + kinds(accepted, "and")
              + " images are accepted, and this file is none of them.");
    }
    Walk walk = new Walk();
    int end =
        switch (kind) {
          case JPEG -> jpegEnd(bytes, 0, walk);
          case PNG -> pngEnd(bytes, walk);
          case WEBP -> webpEnd(bytes, walk);
          case GIF -> gifEnd(bytes, walk);
        };
    checkNothingAfter(bytes, end, kind, walk);
    checkNoMarkup(walk.metadata.toByteArray());
    BufferedImage decoded =
        decode(bytes, kind, walk.heldWhole ? MAX_PIXELS_HELD_WHOLE : MAX_PIXELS, sideNeeded);
    return new Checked(kind, decoded, kind == Kind.JPEG ? exifOrientation(bytes) : 1);
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

  /**
   * Where a JPEG starting at {@code start} ends (after its EOI marker); keeps its APPn and COM
   * segments as metadata and counts its scans.
   */
  private static int jpegEnd(byte[] b, int start, Walk walk) throws UploadRefused {
    int pos = start + 2;
    while (true) {
      if (pos >= b.length || u8(b, pos) != 0xFF) {
        throw incomplete(Kind.JPEG);
      }
      while (pos < b.length && u8(b, pos) == 0xFF) {
        pos++;
      }
      if (pos >= b.length) {
        throw incomplete(Kind.JPEG);
      }
      int marker = u8(b, pos++);
      if (marker == 0xD9) {
        return pos;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue;
      }
      if (pos + 2 > b.length) {
        throw incomplete(Kind.JPEG);
      }
      int length = (u8(b, pos) << 8) | u8(b, pos + 1);
      if (length < 2 || pos + length > b.length) {
        throw incomplete(Kind.JPEG);
      }
      if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
        walk.keep(b, pos + 2, length - 2);
      }
      if (marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE) {
        walk.heldWhole = true; // progressive
      }
      pos += length;
      if (marker == 0xDA && ++walk.scans > MAX_SCANS) {
        throw new UploadRefused(
            400,
            "The JPEG file has more than "
                + MAX_SCANS
                + " scans, which no camera writes. Export the image again.");
      }
      if (marker == 0xDA) {
        // Entropy-coded data runs until a marker that is neither a stuffed 0x00 nor a restart.
        while (true) {
          if (pos + 1 >= b.length) {
            throw incomplete(Kind.JPEG);
          }
          if (u8(b, pos) == 0xFF) {
            int next = u8(b, pos + 1);
            if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
              break;
            }
          }
          pos++;
        }
      }
    }
  }

  /** Where a PNG ends (after its IEND chunk); keeps its text chunks as metadata. */
  private static int pngEnd(byte[] b, Walk walk) throws UploadRefused {
    int pos = 8;
    while (pos + 12 <= b.length) {
      long length = u32(b, pos);
      String type = ascii(b, pos + 4, 4);
      if (length > b.length - pos - 12L) {
        throw incomplete(Kind.PNG);
      }
      if (List.of("tEXt", "iTXt", "zTXt", "eXIf").contains(type)) {
        walk.keep(b, pos + 8, (int) length);
      }
      pos += 12 + (int) length;
      if (type.equals("IEND")) {
        return pos;
      }
    }
    throw incomplete(Kind.PNG);
  }

  /**
   * Where a WebP ends, as its RIFF header says; keeps its chunks other than the image's as metadata
   * and notes a lossless image.
   */
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

  /**
   * Where a GIF ends (after its trailer); keeps its comment and application extensions as metadata.
   * Every frame's blocks are walked; only the first frame is shown.
   */
  private static int gifEnd(byte[] b, Walk walk) throws UploadRefused {
    int pos = 13;
    int packed = u8(b, 10);
    if ((packed & 0x80) != 0) {
      pos += 3 * (1 << ((packed & 7) + 1));
    }
    int frames = 0;
    while (pos < b.length) {
      int block = u8(b, pos++);
      if (block == 0x3B) {
        return pos;
      }
      if (block == 0x21) {
        if (pos >= b.length) {
          throw incomplete(Kind.GIF);
        }
        int label = u8(b, pos++);
        pos = subBlocks(b, pos, label == 0xFE || label == 0xFF ? walk : null);
      } else if (block == 0x2C) {
        if (++frames > 10_000) {
          throw new UploadRefused(
              400, "The GIF has more than 10,000 frames. Export a still image.");
        }
        if (pos + 9 > b.length) {
          throw incomplete(Kind.GIF);
        }
        int local = u8(b, pos + 8);
        pos += 9;
        if ((local & 0x80) != 0) {
          pos += 3 * (1 << ((local & 7) + 1));
        }
        pos += 1; // LZW minimum code size
        pos = subBlocks(b, pos, null);
      } else {
        throw damaged(Kind.GIF);
      }
    }
    throw incomplete(Kind.GIF);
  }

  /**
   * Skips a chain of GIF sub-blocks (length, data), keeping their data when {@code walk} is set.
   */
  private static int subBlocks(byte[] b, int pos, Walk walk) throws UploadRefused {
    while (true) {
      if (pos >= b.length) {
        throw incomplete(Kind.GIF);
      }
      int length = u8(b, pos++);
      if (length == 0) {
        return pos;
      }
      if (pos + length > b.length) {
        throw incomplete(Kind.GIF);
      }
      if (walk != null) {
        walk.keep(b, pos, length);
      }
      pos += length;
    }
  }

  private static int webpEnd(byte[] b, Walk walk) throws UploadRefused {
    long size = (u8(b, 4) | (u8(b, 5) << 8) | (u8(b, 6) << 16) | ((long) u8(b, 7) << 24)) + 8;
    if (size > b.length) {
      throw incomplete(Kind.WEBP);
    }
    int pos = 12;
    while (pos + 8 <= size) {
      String chunk = ascii(b, pos, 4);
      long length =
          u8(b, pos + 4)
              | (u8(b, pos + 5) << 8)
              | (u8(b, pos + 6) << 16)
              | ((long) u8(b, pos + 7) << 24);
      if (length > size - pos - 8) {
        throw incomplete(Kind.WEBP);
      }
      if (chunk.equals("VP8L")) {
        walk.heldWhole = true;
      } else if (!List.of("VP8 ", "VP8X", "ALPH", "ANIM", "ANMF").contains(chunk)) {
        walk.keep(b, pos + 8, (int) length);
      }
      pos += 8 + (int) length + (int) (length & 1);
    }
    return (int) size;
  }

  /**
   * Refuses data after the image (a ZIP, a script), except zero padding and the further JPEG images
   * that phones append after the first (Multi-Picture Format).
   */
  private static void checkNothingAfter(byte[] b, int end, Kind kind, Walk walk)
      throws UploadRefused {
    int pos = end;
    while (pos < b.length) {
      if (b[pos] == 0) {
        pos++;
      } else if (kind == Kind.JPEG
          && pos + 2 < b.length
          && u8(b, pos) == 0xFF
          && u8(b, pos + 1) == 0xD8) {
        pos = jpegEnd(b, pos, walk);
      } else {
        throw new UploadRefused(
            400,
            "This file holds other data after the "
                + kind.label
                + " image (two files in one, as in polyglot files or a phone's motion photo),"
                + " so it was refused. Export the image again from an image editor.");
      }
    }
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

  private static BufferedImage decode(byte[] bytes, Kind kind, long maxPixels, int sideNeeded)
      throws UploadRefused {
    try {
      if (!DECODING.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new UploadRefused(
            503, "The server is busy with other images; try again in a minute.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadRefused(503, "The server is busy with other images; try again in a minute.");
    }
    try {
      return decodeNow(bytes, kind, maxPixels, sideNeeded);
    } catch (OutOfMemoryError e) {
      throw new UploadRefused(
          413, "The image needs more memory to decode than this server has; save it smaller.");
    } finally {
      DECODING.release();
    }
  }

  /**
   * Decodes, skipping pixels when the image is over twice {@code sideNeeded} on its short side:
   * what is made from it never needs them, and memory is saved.
   */
  private static BufferedImage decodeNow(byte[] bytes, Kind kind, long maxPixels, int sideNeeded)
      throws UploadRefused {
    ImageReader reader = reader(kind);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw damaged(kind);
      }
      if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > maxPixels) {
        throw new UploadRefused(
            413,
            "The image is "
                + width
                + " × "
                + height
                + " pixels; the largest accepted is "
                + maxPixels / 1_000_000
                + " megapixels"
                + (maxPixels < MAX_PIXELS ? " for progressive JPEG and lossless WebP" : "")
                + " and "
                + MAX_SIDE
                + " pixels a side. Save it smaller and try again.");
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.min(width, height) / (Math.max(1, sideNeeded) * 2));
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage image = reader.read(0, param);
      if (image == null) {
        throw damaged(kind);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw damaged(kind);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader reader(Kind kind) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.format);
    if (!readers.hasNext()) {
      // ImageIO found its plugins with another class loader (dev mode, tests): look again.
      ImageIO.scanForPlugins();
      readers = ImageIO.getImageReadersByFormatName(kind.format);
    }
    if (!readers.hasNext()) {
      throw new IllegalStateException("No image reader for " + kind.format);
    }
    return readers.next();
  }

  /** The EXIF orientation (1-8) of a JPEG, or 1 when it has none or it cannot be read. */
  static int exifOrientation(byte[] b) {
    int pos = 2;
    while (pos + 4 <= b.length && u8(b, pos) == 0xFF) {
      int marker = u8(b, pos + 1);
      int length = (u8(b, pos + 2) << 8) | u8(b, pos + 3);
      if (marker == 0xDA || length < 2) {
        return 1;
      }
      int data = pos + 4;
      if (marker == 0xE1 && data + 14 <= b.length && ascii(b, data, 4).equals("Exif")) {
        return orientationInTiff(b, data + 6, Math.min(b.length, pos + 2 + length));
      }
      pos += 2 + length;
    }
    return 1;
  }

  private static int orientationInTiff(byte[] b, int tiff, int limit) {
    boolean little = ascii(b, tiff, 2).equals("II");
    long ifd = read(b, tiff + 4, 4, little);
    if (ifd < 8 || tiff + ifd + 2 > limit) {
      return 1;
    }
    int entries = (int) read(b, tiff + (int) ifd, 2, little);
    for (int i = 0; i < entries; i++) {
      int entry = tiff + (int) ifd + 2 + i * 12;
      if (entry + 12 > limit) {
        return 1;
      }
      if (read(b, entry, 2, little) == 0x0112) {
        int value = (int) read(b, entry + 8, 2, little);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static long read(byte[] b, int at, int count, boolean little) {
    long value = 0;
    for (int i = 0; i < count; i++) {
      int octet = u8(b, little ? at + count - 1 - i : at + i);
      value = (value << 8) | octet;
    }
    return value;
  }

  private static UploadRefused incomplete(Kind kind) {
    return new UploadRefused(
        400, "The " + kind.label + " file is incomplete or damaged. Export the image again.");
  }

  private static UploadRefused damaged(Kind kind) {
    return new UploadRefused(
        400,
        "The image could not be read: the file is damaged or not really a "
            + kind.label
            + " image.");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  private static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  private static long u32(byte[] b, int at) {
    return ((long) u8(b, at) << 24) | (u8(b, at + 1) << 16) | (u8(b, at + 2) << 8) | u8(b, at + 3);
  }

  private static String ascii(byte[] b, int at, int count) {
    if (at < 0 || at + count > b.length) {
      return "";
    }
    return new String(b, at, count, StandardCharsets.US_ASCII);
  }
}
