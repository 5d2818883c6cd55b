package org.stet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What becomes of uploaded images (as author photos: squares of 400 and 160 pixels), and which
 * uploads are refused with what status.
 */
class ImageChecksTest {

  private static final long FIVE_MB = 5L * 1024 * 1024;

  @Test
  void aJpegIsCroppedToASquareReencodedAndLosesItsMetadata() throws Exception {
    byte[] upload =
        withSegment(jpeg(halves(900, 600, Color.RED, Color.BLUE)), 0xFE, ascii("GPS 52.1N secret"));
    upload = withSegment(upload, 0xE1, exif(1));

    ImageChecks.Squares photos = ImageChecks.squareJpegs("portrait.jpg", upload, FIVE_MB, 400, 160);

    BufferedImage large = ImageIO.read(new ByteArrayInputStream(photos.jpegs().get(0)));
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(photos.jpegs().get(1)));
    assertThat(large.getWidth()).isEqualTo(400);
    assertThat(large.getHeight()).isEqualTo(400);
    assertThat(small.getWidth()).isEqualTo(160);
    assertThat(small.getHeight()).isEqualTo(160);
    String bytes = new String(photos.jpegs().get(0), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("Exif").doesNotContain("secret");
    assertThat(photos.sourceType()).isEqualTo("JPEG");
  }

  @Test
  void theExifOrientationIsAppliedSoPhonePhotosStandUpright() throws Exception {
    // Left half red, right half blue; orientation 6 means "turn 90° clockwise to view".
    byte[] upload = withSegment(jpeg(halves(80, 40, Color.RED, Color.BLUE)), 0xE1, exif(6));
    assertThat(ImageStructure.exifOrientation(upload)).isEqualTo(6);

    BufferedImage photo =
        ImageIO.read(
            new ByteArrayInputStream(
                ImageChecks.squareJpegs("p.jpg", upload, FIVE_MB, 400, 160).jpegs().get(1)));

    assertThat(photo.getWidth()).as("never scaled up").isEqualTo(40);
    assertThat(isReddish(photo.getRGB(5, 2))).as("the left half is now on top").isTrue();
    assertThat(isReddish(photo.getRGB(5, 37))).as("the right half is now below").isFalse();
  }

  @Test
  void pngTransparencyBecomesWhiteAndWebpIsRead() throws Exception {
    BufferedImage clear = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
    byte[] png = encode(clear, "png");
    BufferedImage flattened =
        ImageIO.read(
            new ByteArrayInputStream(
                ImageChecks.squareJpegs("a.png", png, FIVE_MB, 400, 160).jpegs().get(0)));
    assertThat(new Color(flattened.getRGB(150, 150)).getRed()).isGreaterThan(245);

    byte[] webp;
    try (InputStream in = getClass().getResourceAsStream("/photos/gradient.webp")) {
      webp = in.readAllBytes();
    }
    ImageChecks.Squares photos = ImageChecks.squareJpegs("g.webp", webp, FIVE_MB, 400, 160);
    assertThat(photos.sourceType()).isEqualTo("WebP");
    assertThat(ImageIO.read(new ByteArrayInputStream(photos.jpegs().get(0))).getWidth())
        .isEqualTo(48);
  }

  @Test
  void filesThatAreNotPhotosAreRefused() throws Exception {
    assertRefused("empty.jpg", new byte[0], 400, "empty");
    assertRefused("a.gif", ascii("GIF89a\1\0\1\0\0\0\0;"), 400, "JPEG, PNG and WebP");
    assertRefused("page.jpg", ascii("<html><script>alert(1)</script></html>"), 400, "none of");
    assertRefused("x.svg", ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"), 400, "none of");
  }

  @Test
  void polyglotFilesAreRefused() throws Exception {
    byte[] png = encode(halves(64, 64, Color.RED, Color.BLUE), "png");
    byte[] zip = ascii("PK\3\4 a zip archive with a jar inside");
    assertRefused("both.png", concat(png, zip), 400, "other data after the PNG");

    byte[] jpeg = jpeg(halves(64, 64, Color.RED, Color.BLUE));
    assertRefused("both.jpg", concat(jpeg, ascii("<?php system($_GET[1]);")), 400, "after");
    byte[] scripted = withSegment(jpeg, 0xFE, ascii("<script>alert(document.cookie)</script>"));
    assertRefused("comment.jpg", scripted, 400, "script code");
  }

  @Test
  void markupLikeBytesInThePixelsAreNotMistakenForAScript() throws Exception {
    // An uncompressed PNG whose pixel bytes spell "<svg" and "<script": only metadata is searched.
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(
        png,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(16)
            .putInt(16)
            .put((byte) 8)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (int y = 0; y < 16; y++) {
      rows.write(0);
      rows.write(ascii("<svg<script>xyz"));
      rows.write('!');
    }
    Deflater stored = new Deflater(Deflater.NO_COMPRESSION);
    stored.setInput(rows.toByteArray());
    stored.finish();
    byte[] buffer = new byte[4096];
    int n = stored.deflate(buffer);
    chunk(png, "IDAT", java.util.Arrays.copyOf(buffer, n));
    chunk(png, "IEND", new byte[0]);
    assertThat(new String(png.toByteArray(), StandardCharsets.ISO_8859_1)).contains("<svg");

    assertThat(
            ImageChecks.squareJpegs("pixels.png", png.toByteArray(), FIVE_MB, 400, 160)
                .jpegs()
                .get(1))
        .isNotEmpty();
  }

  @Test
  void incompleteFilesAreRefused() throws Exception {
    byte[] jpeg = jpeg(halves(64, 64, Color.RED, Color.BLUE));
    byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
    assertRefused("cut.jpg", cut, 400, "incomplete");
    byte[] png = encode(halves(64, 64, Color.RED, Color.BLUE), "png");
    assertRefused("cut.png", java.util.Arrays.copyOf(png, png.length - 20), 400, "incomplete");
  }

  @Test
  void oversizedUploadsAndDecompressionBombsAreRefusedWith413() throws Exception {
    byte[] jpeg = jpeg(halves(64, 64, Color.RED, Color.BLUE));
    assertRefused("big.jpg", concat(jpeg, new byte[1024]), jpeg.length, 413, "largest");

    byte[] bomb = pngBomb(30_000, 30_000);
    assertThat(bomb.length).as("a small file").isLessThan(2_000_000);
    assertRefused("bomb.png", bomb, 413, "30000 × 30000 pixels");
  }

  @Test
  void fileNamesWithFoldersAreRefused() throws Exception {
    byte[] png = encode(halves(64, 64, Color.RED, Color.BLUE), "png");
    assertRefused("../../etc/passwd.png", png, 400, "folders");
    assertRefused("..\\boot.png", png, 400, "folders");
    assertRefused("..", png, 400, "folders");
    assertThat(ImageChecks.squareJpegs("my..photo.png", png, FIVE_MB, 400, 160).jpegs().get(0))
        .isNotEmpty();
  }

  @Test
  void figuresMayBeGifsWalkedToTheirTrailerWhilePhotosMayNot() throws Exception {
    byte[] gif = encode(halves(300, 200, Color.RED, Color.BLUE), "gif");

    ImageChecks.Checked checked = ImageChecks.check("chart.gif", gif, FIVE_MB, 1600);
    assertThat(checked.kind()).isEqualTo(ImageChecks.Kind.GIF);
    List<ImageSizes.Sized> sized = ImageSizes.widths(checked, true, 480, 800);
    assertThat(sized).extracting(ImageSizes.Sized::width).containsExactly(300);
    assertThat(ImageIO.read(new ByteArrayInputStream(sized.get(0).bytes())).getHeight())
        .isEqualTo(200);

    byte[] tail = ascii("PK\3\4<?php x");
    byte[] polyglot = java.util.Arrays.copyOf(gif, gif.length + tail.length);
    System.arraycopy(tail, 0, polyglot, gif.length, tail.length);
    assertThatThrownBy(() -> ImageChecks.check("p.gif", polyglot, FIVE_MB, 1600))
        .isInstanceOf(UploadRefused.class)
        .hasMessageContaining("two files in one");
    assertThatThrownBy(
            () -> ImageChecks.check("cut.gif", java.util.Arrays.copyOf(gif, 40), FIVE_MB, 1600))
        .isInstanceOf(UploadRefused.class)
        .hasMessageContaining("incomplete or damaged");
    assertRefused("photo.gif", gif, 400, "Only JPEG, PNG and WebP");
  }

  private static void assertRefused(String name, byte[] bytes, int status, String message) {
    assertRefused(name, bytes, FIVE_MB, status, message);
  }

  private static void assertRefused(
      String name, byte[] bytes, long max, int status, String message) {
    assertThatThrownBy(() -> ImageChecks.squareJpegs(name, bytes, max, 400, 160))
        .as(name)
        .isInstanceOfSatisfying(
            UploadRefused.class,
            refused -> {
              assertThat(refused.status()).as(name).isEqualTo(status);
              assertThat(refused.getMessage()).as(name).contains(message);
            });
  }

  private static BufferedImage halves(int width, int height, Color left, Color right) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(left);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(right);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  private static boolean isReddish(int rgb) {
    Color color = new Color(rgb);
    return color.getRed() > 180 && color.getBlue() < 80;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    return encode(image, "jpeg");
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }

  /** The JPEG with a segment (marker, payload) inserted right after its SOI. */
  private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + payload.length + 4);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** An EXIF APP1 payload with one IFD0 entry: the orientation. */
  private static byte[] exif(int orientation) {
    ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
    b.put(ascii("Exif\0\0"));
    b.put(ascii("MM")).putShort((short) 42).putInt(8);
    b.putShort((short) 1);
    b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    b.putShort((short) 0);
    b.putInt(0);
    return b.array();
  }

  /** A valid PNG of {@code width × height} black pixels that is only a few hundred kilobytes. */
  private static byte[] pngBomb(int width, int height) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0);
    header.put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", header.array());
    Deflater deflater = new Deflater(9);
    byte[] row = new byte[1 + width / 8];
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    for (int y = 0; y < 2000; y++) {
      deflater.setInput(row);
      int n;
      while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0) {
        compressed.write(buffer, 0, n);
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      compressed.write(buffer, 0, n);
    }
    chunk(png, "IDAT", compressed.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data)
      throws IOException {
    png.write(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] typeBytes = ascii(type);
    png.write(typeBytes);
    png.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
