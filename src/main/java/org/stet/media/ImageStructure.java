package org.stet.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stet.media.ImageChecks.Kind;

/**
 * An image file's structure read byte by byte, nothing decoded (for {@link ImageChecks}): where the
 * image ends, so that data after it (as in polyglot files) is found; what metadata it carries; how
 * heavy it is to decode; and a JPEG's EXIF orientation. Every read is bounds-checked: a short or
 * lying file is refused as incomplete, never read past its end.
 */
final class ImageStructure {

  /** The most scans a JPEG may have (each costs a pass over the image; cameras write up to ~12). */
  private static final int MAX_SCANS = 100;

  /** What walking a file's structure found: its metadata, and how heavy it is to decode. */
  static final class Walk {
    private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    private int scans;
    private boolean heldWhole;

    private void keep(byte[] b, int from, int length) {
      metadata.write(b, from, Math.max(0, Math.min(length, b.length - from)));
    }

    /** The metadata segments and chunks, one after another, to look for markup in. */
    byte[] metadata() {
      return metadata.toByteArray();
    }

    /** Whether the decoder holds the whole image in memory (progressive JPEG, lossless WebP). */
    boolean heldWhole() {
      return heldWhole;
    }
  }

  private ImageStructure() {}

  /** The kind of image {@code b} is, by its first bytes (never by the name); null for none. */
  static Kind kind(byte[] b) {
    if (b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
      return Kind.JPEG;
    }
    if (b.length >= 8 && u8(b, 0) == 0x89 && ascii(b, 1, 3).equals("PNG")) {
      return Kind.PNG;
    }
    if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
      return Kind.WEBP;
    }
    if (b.length >= 13 && (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a"))) {
      return Kind.GIF;
    }
    return null;
  }

  /**
   * Walks a file of {@code kind} to its end, and refuses data after it.
   *
   * @throws UploadRefused with 400 (incomplete, damaged, too many scans or frames, polyglot)
   */
  static Walk walk(byte[] bytes, Kind kind) throws UploadRefused {
    Walk walk = new Walk();
    int end =
        switch (kind) {
          case JPEG -> jpegEnd(bytes, 0, walk);
          case PNG -> pngEnd(bytes, walk);
          case WEBP -> webpEnd(bytes, walk);
          case GIF -> gifEnd(bytes, walk);
        };
    checkNothingAfter(bytes, end, kind, walk);
    return walk;
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

  static UploadRefused incomplete(Kind kind) {
    return new UploadRefused(
        400, "The " + kind.label + " file is incomplete or damaged. Export the image again.");
  }

  static UploadRefused damaged(Kind kind) {
    return new UploadRefused(
        400,
        "The image could not be read: the file is damaged or not really a "
            + kind.label
            + " image.");
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
