package org.stet.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word manuscript (.docx, read with Apache POI, decision 0016) as Markdown: the title, headings,
 * paragraphs with bold, italic and links, bulleted and numbered lists, block quotes, tables (with
 * their columns' alignment), footnotes (numbered in order of reference) and images (kept for the
 * media library, described by their alt text or caption). What Markdown cannot hold (comments,
 * tracked changes, text boxes, equations, embedded objects) is listed, never silently dropped. Pure
 * Java; no Quarkus.
 */
public final class DocxConverter {

  /** An image of the document: its bytes, name and description, and its token in the Markdown. */
  public record Image(String token, String fileName, byte[] bytes, String alt) {}

  /** The result: a title (or null), the Markdown, its images, and what was not converted. */
  public record Converted(
      String title, String markdown, List<Image> images, List<String> warnings) {}

  private static final Pattern FILE_NAME =
      Pattern.compile("(?i)\\S+\\.(png|jpe?g|gif|webp|bmp|tiff?|emf|wmf)");
  private static final Pattern TRACKED = Pattern.compile("\\bw:(ins|del|moveFrom|moveTo)[\\s>/]");
  private static final Pattern FIGURE_NUMBER =
      Pattern.compile("(?i)^(figure|fig\\.)\\s*\\d+[.:]\\s*");

  private final XWPFDocument document;
  private final List<Image> images = new ArrayList<>();
  private final Map<String, Integer> footnoteNumbers = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private int trackedChanges;
  private int textBoxes;
  private int equations;
  private int objects;

  private DocxConverter(XWPFDocument document) {
    this.document = document;
  }

  /**
   * Converts the .docx in {@code in} (already checked as a Word file by {@link FileChecks}).
   *
   * @throws IOException when POI cannot read it (damaged, or a zip bomb by POI's own limits)
   */
  public static Converted convert(InputStream in) throws IOException {
    try (XWPFDocument document = new XWPFDocument(in)) {
      return new DocxConverter(document).convert();
    }
  }

  private Converted convert() {
    String title = null;
    List<String> blocks = new ArrayList<>();
    List<IBodyElement> elements = document.getBodyElements();
    String listKind = null;
    StringBuilder list = null;
    for (int i = 0; i < elements.size(); i++) {
      IBodyElement element = elements.get(i);
      if (element instanceof XWPFParagraph paragraph) {
        scan(paragraph);
        String style = style(paragraph);
        boolean listItem = paragraph.getNumID() != null && !style.startsWith("heading");
        if (!listItem && list != null) {
          blocks.add(list.toString().stripTrailing());
          list = null;
        }
        String text = inline(paragraph).strip();
        if (style.equals("title") && title == null) {
          title = plain(paragraph).strip();
          continue;
        }
        if (style.equals("author") || style.equals("date") || style.equals("subtitle")) {
          continue; // the byline and date come from the desk, not the manuscript
        }
        if (listItem) {
          String kind = "bullet".equals(paragraph.getNumFmt()) ? "- " : "1. ";
          if (list == null || !kind.equals(listKind)) {
            if (list != null) {
              blocks.add(list.toString().stripTrailing());
            }
            list = new StringBuilder();
            listKind = kind;
          }
          int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
          list.append("   ".repeat(level)).append(kind).append(text).append('\n');
          continue;
        }
        if (hasPicture(paragraph) && text.startsWith("stet-docx-image-") && isFigure(text)) {
          String caption = null;
          if (i + 1 < elements.size()
              && elements.get(i + 1) instanceof XWPFParagraph next
              && style(next).contains("caption")) {
            caption = plain(next).strip();
            i++;
          }
          blocks.add(figure(text, caption));
          continue;
        }
        if (text.isEmpty()) {
          continue;
        }
        if (style.matches("heading[1-6]")) {
          blocks.add("#".repeat(style.charAt(7) - '0') + " " + text);
        } else if (style.contains("quote") || style.equals("blocktext")) {
          blocks.add("> " + text);
        } else {
          blocks.add(escapeStart(text));
        }
      } else if (element instanceof XWPFTable table) {
        if (list != null) {
          blocks.add(list.toString().stripTrailing());
          list = null;
        }
        blocks.add(table(table));
      }
    }
    if (list != null) {
      blocks.add(list.toString().stripTrailing());
    }
    blocks.addAll(footnotes());
    noteUnsupported();
    return new Converted(title, String.join("\n\n", blocks) + "\n", images, warnings);
  }

  /** The paragraph's style name, lower case without spaces: "heading1", "blocktext", ... */
  private String style(XWPFParagraph paragraph) {
    String id = paragraph.getStyleID();
    if (id == null) {
      return "";
    }
    XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
    String name = style == null || style.getName() == null ? id : style.getName();
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }

  /** Bold, italic, links, footnote references and images of a paragraph, as Markdown. */
  private String inline(XWPFParagraph paragraph) {
    StringBuilder out = new StringBuilder();
    for (IRunElement element : paragraph.getIRuns()) {
      if (element instanceof XWPFHyperlinkRun link) {
        XWPFHyperlink target = link.getHyperlink(document);
        String url = target == null ? null : target.getURL();
        String text = escape(link.text());
        out.append(
            url != null && url.matches("(?i)(https?|mailto):\\S+")
                ? "[" + text + "](" + url + ")"
                : text);
      } else if (element instanceof XWPFRun run) {
        if (!run.getCTR().getFootnoteReferenceList().isEmpty()) {
          String id = String.valueOf(run.getCTR().getFootnoteReferenceList().get(0).getId());
          int number = footnoteNumbers.computeIfAbsent(id, key -> footnoteNumbers.size() + 1);
          out.append("[^").append(number).append(']');
          continue;
        }
        for (XWPFPicture picture : run.getEmbeddedPictures()) {
          String token = "stet-docx-image-" + (images.size() + 1);
          String alt = picture.getDescription() == null ? "" : picture.getDescription().strip();
          images.add(
              new Image(
                  token,
                  picture.getPictureData().getFileName(),
                  picture.getPictureData().getData(),
                  FILE_NAME.matcher(alt).matches() ? "" : alt));
          out.append(token);
        }
        String text = run.text();
        if (text == null || text.isEmpty()) {
          continue;
        }
        out.append(emphasis(escape(text), run.isBold(), run.isItalic()));
      }
    }
    return out.toString().replace("****", "").replace("__", "");
  }

  /** The paragraph's text without any Markdown. */
  private static String plain(XWPFParagraph paragraph) {
    return paragraph.getText() == null ? "" : paragraph.getText().replace('\n', ' ');
  }

  /** Bold and italic around the words, the surrounding spaces outside (as Markdown wants). */
  private static String emphasis(String text, boolean bold, boolean italic) {
    if ((!bold && !italic) || text.isBlank()) {
      return text;
    }
    String core = text.strip();
    String before = text.substring(0, text.indexOf(core));
    String after = text.substring(text.indexOf(core) + core.length());
    String mark = (bold ? "**" : "") + (italic ? "_" : "");
    String close = (italic ? "_" : "") + (bold ? "**" : "");
    return before + mark + core + close + after;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("<", "\\<")
        .replace('\t', ' ');
  }

  /** A paragraph that would start a heading, quote or list in Markdown, kept a paragraph. */
  private static String escapeStart(String text) {
    if (text.matches("^\\d{1,9}[.)] .*")) {
      int end =
          text.indexOf(text.contains(".") && text.indexOf('.') < text.indexOf(' ') ? '.' : ')');
      return text.substring(0, end) + "\\" + text.substring(end);
    }
    if (text.matches("^(#|>|- |\\+ |=|---).*")) {
      return "\\" + text;
    }
    return text;
  }

  private static boolean hasPicture(XWPFParagraph paragraph) {
    return paragraph.getRuns().stream().anyMatch(run -> !run.getEmbeddedPictures().isEmpty());
  }

  private static boolean isFigure(String text) {
    return text.matches("stet-docx-image-\\d+");
  }

  /** A figure: the image's description, or its caption when it has none; the caption as title. */
  private String figure(String token, String caption) {
    Image image = images.stream().filter(i -> i.token().equals(token)).findFirst().orElseThrow();
    String alt = image.alt().isBlank() && caption != null ? caption : image.alt();
    images.set(images.indexOf(image), new Image(token, image.fileName(), image.bytes(), alt));
    String title =
        caption == null ? "" : FIGURE_NUMBER.matcher(caption).replaceFirst("").replace("\"", "'");
    return "![" + escape(alt) + "](" + token + (title.isBlank() ? "" : " \"" + title + "\"") + ")";
  }

  private String table(XWPFTable table) {
    List<XWPFTableRow> rows = table.getRows();
    if (rows.isEmpty()) {
      return "";
    }
    int columns = rows.stream().mapToInt(row -> row.getTableCells().size()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<XWPFTableCell> cells = rows.get(r).getTableCells();
      out.append('|');
      for (int c = 0; c < columns; c++) {
        String text = c < cells.size() ? cell(cells.get(c)) : "";
        out.append(' ').append(text).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int c = 0; c < columns; c++) {
          out.append(alignment(rows, c)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  private String cell(XWPFTableCell cell) {
    List<String> parts = new ArrayList<>();
    for (XWPFParagraph paragraph : cell.getParagraphs()) {
      String text = inline(paragraph).strip();
      if (!text.isEmpty()) {
        parts.add(text);
      }
    }
    return String.join(" ", parts).replace("|", "\\|");
  }

  /** A column is right- or centre-aligned when its body cells are. */
  private static String alignment(List<XWPFTableRow> rows, int column) {
    ParagraphAlignment seen = null;
    for (int r = 1; r < rows.size(); r++) {
      List<XWPFTableCell> cells = rows.get(r).getTableCells();
      if (column < cells.size() && !cells.get(column).getParagraphs().isEmpty()) {
        seen = cells.get(column).getParagraphs().get(0).getAlignment();
        break;
      }
    }
    if (seen == ParagraphAlignment.RIGHT || seen == ParagraphAlignment.END) {
      return "---:";
    }
    return seen == ParagraphAlignment.CENTER ? ":---:" : "---";
  }

  private List<String> footnotes() {
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, Integer> reference : footnoteNumbers.entrySet()) {
      XWPFFootnote note = null;
      for (XWPFFootnote footnote : document.getFootnotes()) {
        if (String.valueOf(footnote.getId()).equals(reference.getKey())) {
          note = footnote;
        }
      }
      List<String> text = new ArrayList<>();
      if (note != null) {
        for (XWPFParagraph paragraph : note.getParagraphs()) {
          String line = inline(paragraph).strip();
          if (!line.isEmpty()) {
            text.add(line);
          }
        }
      }
      notes.add("[^" + reference.getValue() + "]: " + String.join(" ", text));
    }
    return notes;
  }

  /** Counts what Markdown has no place for in the paragraph's XML. */
  private void scan(XWPFParagraph paragraph) {
    String xml = paragraph.getCTP().xmlText();
    if (TRACKED.matcher(xml).find()) {
      trackedChanges++;
    }
    if (xml.contains("txbxContent")) {
      textBoxes++;
    }
    if (xml.contains("oMath")) {
      equations++;
    }
    if (xml.contains("w:object")) {
      objects++;
    }
  }

  private void noteUnsupported() {
    int comments =
        document.getDocComments() != null
            ? document.getDocComments().getComments().size()
            : document.getComments() == null ? 0 : document.getComments().length;
    if (comments > 0) {
      warnings.add(
          comments + (comments == 1 ? " comment was" : " comments were") + " not imported.");
    }
    if (trackedChanges > 0) {
      warnings.add(
          trackedChanges
              + (trackedChanges == 1 ? " paragraph has" : " paragraphs have")
              + " tracked changes: accept or reject them in Word and import again, or check the"
              + " text.");
    }
    if (textBoxes > 0) {
      warnings.add(
          textBoxes + (textBoxes == 1 ? " text box was" : " text boxes were") + " not imported.");
    }
    if (equations > 0) {
      warnings.add(
          equations + (equations == 1 ? " equation was" : " equations were") + " not imported.");
    }
    if (objects > 0) {
      warnings.add(
          objects
              + " embedded "
              + (objects == 1 ? "object (a chart or spreadsheet) was" : "objects were")
              + " not imported.");
    }
  }
}
