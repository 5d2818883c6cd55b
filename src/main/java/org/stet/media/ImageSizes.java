package org.stet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checked images written afresh at the sizes Stet serves: figures at several widths, author photos
 * as squares; upright as their EXIF orientation says, with no metadata kept.
 */
public final class ImageSizes {

  private ImageSizes() {}

  /** One width of a figure: its pixel size and the encoded file. */
  public record Sized(int width, int height, byte[] bytes) {}

  /**
   * A checked image as figures are served: upright, in each of {@code widths} narrower than the
   * image and in its own width (at most the widest of them), as JPEG, or as PNG when {@code png}
   * (line art and transparency stay sharp), metadata gone.
   */
  public static List<Sized> widths(ImageChecks.Checked checked, boolean png, int... widths) {
    BufferedImage upright = upright(checked.image(), checked.orientation(), png);
    // Each width narrower than the image, then the image's own width (at most the widest).
    List<Integer> chosen = new java.util.ArrayList<>();
    int widest = 0;
    for (int width : widths) {
      widest = Math.max(widest, width);
      if (width < upright.getWidth()) {
        chosen.add(width);
      }
    }
    int own = Math.min(upright.getWidth(), widest);
    if (!chosen.contains(own)) {
      chosen.add(own);
    }
    List<Sized> sized = new java.util.ArrayList<>();
    for (int width : chosen) {
      int height =
          Math.max(1, Math.round((float) upright.getHeight() * width / upright.getWidth()));
      BufferedImage scaled = resized(upright, width, height, png);
      sized.add(new Sized(width, height, png ? png(scaled) : jpeg(scaled)));
    }
    return sized;
  }

  private static BufferedImage upright(BufferedImage source, int orientation, boolean alpha) {
    int w = source.getWidth();
    int h = source.getHeight();
    boolean turned = orientation >= 5 && orientation <= 8;
    BufferedImage upright =
        new BufferedImage(
            turned ? h : w,
            turned ? w : h,
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = upright.createGraphics();
    try {
      if (!alpha) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, upright.getWidth(), upright.getHeight());
      }
      g.drawImage(source, turn(orientation, w, h), null);
    } finally {
      g.dispose();
    }
    return upright;
  }

  private static BufferedImage resized(BufferedImage source, int width, int height, boolean alpha) {
    BufferedImage current = source;
    while (current.getWidth() != width) {
      int next = Math.max(width, current.getWidth() / 2);
      int nextHeight =
          next == width ? height : Math.max(1, current.getHeight() * next / current.getWidth());
      BufferedImage smaller =
          new BufferedImage(
              next, nextHeight, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      Graphics2D g = smaller.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(current, 0, 0, next, nextHeight, null);
      } finally {
        g.dispose();
      }
      current = smaller;
    }
    return current;
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("Encoding a PNG in memory failed", e);
    }
    return out.toByteArray();
  }

  private static AffineTransform turn(int orientation, int w, int h) {
    return switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
      default -> new AffineTransform();
    };
  }

  /**
   * The image turned upright as its EXIF orientation (1-8) says, on white (no transparency),
   * cropped to a centred square a little above the middle, where faces are.
   */
  static BufferedImage squareUpright(BufferedImage source, int orientation) {
    int w = source.getWidth();
    int h = source.getHeight();
    boolean turned = orientation >= 5 && orientation <= 8;
    AffineTransform turn = turn(orientation, w, h);
    int uprightWidth = turned ? h : w;
    int uprightHeight = turned ? w : h;
    int side = Math.min(uprightWidth, uprightHeight);
    int left = (uprightWidth - side) / 2;
    int top = (uprightHeight - side) / 3;
    BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = square.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      AffineTransform place = AffineTransform.getTranslateInstance(-left, -top);
      place.concatenate(turn);
      g.drawImage(source, place, null);
    } finally {
      g.dispose();
    }
    return square;
  }

  /** The square scaled down to {@code side} (never up), halving first for a smooth result. */
  static BufferedImage scale(BufferedImage square, int side) {
    BufferedImage current = square;
    int target = Math.min(side, square.getWidth());
    while (current.getWidth() != target) {
      int next = Math.max(target, current.getWidth() / 2);
      BufferedImage smaller = new BufferedImage(next, next, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = smaller.createGraphics();
      try {
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(current, 0, 0, next, next, null);
      } finally {
        g.dispose();
      }
      current = smaller;
    }
    return current;
  }

  /** Baseline JPEG at quality 0.85, with no metadata but the JFIF header. */
  static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException("Encoding a JPEG in memory failed", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
