package org.stet.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.stet.media.ImageChecks.Kind;

/**
 * Decodes a walked image (for {@link ImageChecks}) within this server's means: its size is read
 * from the header before any pixel is decoded, few images are decoded at once, and pixels that
 * nothing made from it will need are skipped.
 */
final class ImageDecoder {

  /** The most pixels an image may have (a 40-megapixel camera's). */
  static final long MAX_PIXELS = 40_000_000L;

  /**
   * The most pixels of a progressive JPEG or a lossless WebP, whose decoders hold the whole image
   * in memory however small the result.
   */
  static final long MAX_PIXELS_HELD_WHOLE = 16_000_000L;

  /** The longest side an image may have. */
  static final int MAX_SIDE = 12_000;

  /** Images decoded at once; more wait, so a burst of uploads cannot exhaust the memory. */
  private static final Semaphore DECODING = new Semaphore(2);

  private ImageDecoder() {}

  /**
   * The pixels of {@code bytes}, at most {@code maxPixels} of them; {@code sideNeeded} is the
   * largest side anything will be made in.
   *
   * @throws UploadRefused with 400 (damaged), 413 (too large) or 503 (too many at once)
   */
  static BufferedImage decode(byte[] bytes, Kind kind, long maxPixels, int sideNeeded)
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
        throw ImageStructure.damaged(kind);
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
        throw ImageStructure.damaged(kind);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      throw ImageStructure.damaged(kind);
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
}
