package org.stet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * What an uploaded file is, told from its bytes (never its name), and whether Stet will publish it:
 * PDFs are parsed (encrypted or scripted ones refused), ZIP-based files are walked entry by entry
 * and unpacked as far as a limit (zip bombs, path tricks and macros refused), CSV must be text.
 * Pure Java; no Quarkus.
 */
public final class FileChecks {

  /** The kinds of file an article can carry. */
  public enum Kind {
    PDF("pdf", "application/pdf", "PDF"),
    CSV("csv", "text/csv; charset=utf-8", "CSV"),
    XLSX(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel workbook"),
    DOCX(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document"),
    ZIP("zip", "application/zip", "ZIP archive");

    public final String extension;
    public final String contentType;
    public final String label;

    Kind(String extension, String contentType, String label) {
      this.extension = extension;
      this.contentType = contentType;
      this.label = label;
    }
  }

  private static final int MAX_ENTRIES = 10_000;

  private FileChecks() {}

  /**
   * The kind of {@code file} (named {@code fileName} by the browser), after checking it.
   *
   * @param maxUnpacked the most bytes a ZIP-based file may unpack to
   * @throws UploadRefused when it is none of the kinds, or is one but unsafe or damaged
   */
  public static Kind check(Path file, String fileName, long maxUnpacked)
      throws UploadRefused, IOException {
    byte[] head = head(file);
    if (head.length == 0) {
      throw new UploadRefused(400, "The file is empty.");
    }
    if (startsWith(head, "%PDF-")) {
      checkPdf(file);
      return Kind.PDF;
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return checkZip(file, maxUnpacked);
    }
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".tsv")) {
      checkText(file);
      return Kind.CSV;
    }
    throw new UploadRefused(
        400,
        "Only PDF, CSV, Excel (.xlsx), Word (.docx) and ZIP files can be attached, and this file"
            + " is none of them.");
  }

  /** The file name as sent, refused when it tries to name a path. */
  public static String checkName(String fileName) throws UploadRefused {
    String name = fileName == null ? "" : fileName;
    if (name.length() > 255
        || name.contains("/")
        || name.contains("\\")
        || name.contains("..")
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new UploadRefused(
          400, "The file's name is not a plain file name; rename it and try again.");
    }
    return name;
  }

  private static void checkPdf(Path file) throws UploadRefused, IOException {
    try (PDDocument pdf =
        Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
      if (pdf.isEncrypted()) {
        throw new UploadRefused(
            400, "The PDF is encrypted or password-protected; save it without protection.");
      }
      if (scripted(pdf)) {
        throw new UploadRefused(
            400,
            "The PDF contains JavaScript or launches programs, which readers' viewers would run;"
                + " export it again without forms or scripts (e.g. \"Print to PDF\").");
      }
    } catch (InvalidPasswordException e) {
      throw new UploadRefused(400, "The PDF is password-protected; save it without a password.");
    } catch (IOException e) {
      throw new UploadRefused(400, "The PDF could not be read: it is damaged or not really a PDF.");
    }
  }

  private static boolean scripted(PDDocument pdf) throws IOException {
    PDDocumentCatalog catalog = pdf.getDocumentCatalog();
    PDDocumentNameDictionary names = catalog.getNames();
    if (names != null && names.getJavaScript() != null) {
      return true;
    }
    if (catalog.getOpenAction() instanceof PDAction action && dangerous(action)) {
      return true;
    }
    if (catalog.getActions() != null && scripted(catalog.getActions().getCOSObject())) {
      return true; // document actions: on close, save, print
    }
    PDAcroForm form = catalog.getAcroForm(null);
    if (form != null && form.getCOSObject().containsKey("XFA")) {
      return true;
    }
    for (PDPage page : pdf.getPages()) {
      if (page.getActions() != null && scripted(page.getActions().getCOSObject())) {
        return true;
      }
      for (PDAnnotation annotation : page.getAnnotations()) {
        if (annotation instanceof PDAnnotationLink link && dangerous(link.getAction())) {
          return true;
        }
        if (annotation instanceof PDAnnotationWidget widget
            && (dangerous(widget.getAction())
                || widget.getActions() != null && scripted(widget.getActions().getCOSObject()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether an additional-actions dictionary (on open, close, ...) runs a script or program. */
  private static boolean scripted(COSDictionary actions) {
    for (COSName trigger : actions.keySet()) {
      if (actions.getDictionaryObject(trigger) instanceof COSDictionary action) {
        String type = action.getNameAsString(COSName.S);
        if ("JavaScript".equals(type) || "Launch".equals(type)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dangerous(PDAction action) {
    return action instanceof PDActionJavaScript || action instanceof PDActionLaunch;
  }

  /**
   * Walks every entry of a ZIP (from its central directory) and unpacks it, counting: more than
   * {@code maxUnpacked} bytes in all is a zip bomb (the sizes an archive declares can lie).
   */
  private static Kind checkZip(Path file, long maxUnpacked) throws UploadRefused, IOException {
    boolean word = false;
    boolean excel = false;
    boolean contentTypes = false;
    long unpacked = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new UploadRefused(400, "The archive has more than " + MAX_ENTRIES + " entries.");
        }
        String name = entry.getName();
        if (name.startsWith("/")
            || name.contains("..")
            || name.contains("\\")
            || name.contains(":")) {
          throw new UploadRefused(
              400, "The archive contains a file named \"" + name + "\", a path outside it.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("vbaproject.bin") || lower.endsWith(".bin") && lower.contains("vba")) {
          throw new UploadRefused(
              400, "The file contains macros; save it as a plain .xlsx or .docx without macros.");
        }
        contentTypes |= name.equals("[Content_Types].xml");
        word |= name.equals("word/document.xml");
        excel |= name.equals("xl/workbook.xml");
        try (InputStream in = zip.getInputStream(entry)) {
          int read;
          while ((read = in.read(buffer)) > 0) {
            unpacked += read;
            if (unpacked > maxUnpacked) {
              throw new UploadRefused(
                  413,
                  "The archive unpacks to more than "
                      + Sizes.words(maxUnpacked)
                      + " (a \"zip bomb\"); it cannot be attached.");
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new UploadRefused(400, "The archive is damaged and cannot be read.");
    }
    if (contentTypes && word) {
      return Kind.DOCX;
    }
    if (contentTypes && excel) {
      return Kind.XLSX;
    }
    return Kind.ZIP;
  }

  private static void checkText(Path file) throws UploadRefused, IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (var reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      char[] buffer = new char[64 * 1024];
      int read;
      while ((read = reader.read(buffer)) > 0) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\0') {
            throw new UploadRefused(
                400, "The CSV file contains binary data; export it again as text.");
          }
        }
      }
    } catch (CharacterCodingException e) {
      throw new UploadRefused(
          400, "The CSV file is not UTF-8 text; export it again as \"CSV UTF-8\".");
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(16);
    }
  }

  private static boolean startsWith(byte[] head, String magic) {
    byte[] bytes = magic.getBytes(StandardCharsets.US_ASCII);
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (head[i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
