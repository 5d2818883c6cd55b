package org.stet.citation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.ParseException;

/**
 * Reads references pasted by a writer: BibTeX (what Zotero, JabRef and Google Scholar export), RIS
 * (EndNote, Mendeley, publishers' "download citation"), CSL-JSON (Zotero, Crossref, pandoc), or
 * lines that are each a DOI or a URL (kept as minimal references for the writer to complete). The
 * result is raw CSL-JSON for {@link References#check}; what could not be read is refused with the
 * entry named, so the writer can fix the paste.
 */
public final class ReferenceReader {

  /** A megabyte of text: thousands of references; more is refused, not cut. */
  public static final int MAX_CHARACTERS = 1_000_000;

  /** What was read: the format's name, the items (in the paste's order) and remarks. */
  public record Reading(String format, List<Map<String, Object>> items, List<String> notes) {}

  private static final Pattern BIBTEX_ENTRY = Pattern.compile("(?m)^\\s*@\\s*([A-Za-z]+)\\s*[{(]");
  private static final Pattern RIS_TAG = Pattern.compile("^([A-Z][A-Z0-9])  ?- ?(.*)$");
  private static final Pattern DOI =
      Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)?(10\\.\\d{4,9}/\\S+)$");
  private static final Pattern URL = Pattern.compile("(?i)^https?://[^\\s<>\"]+$");
  private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static {
    JSON.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build());
  }

  private ReferenceReader() {}

  /**
   * Reads {@code text}; items without a key get one made from the first author and year ({@code
   * smith2020}, then {@code smith2020a}, ...), never one in {@code takenKeys}.
   *
   * @throws ReferenceProblem when the text is empty, too long, or cannot be read as any format
   */
  public static Reading read(String text, Set<String> takenKeys) {
    if (text == null || text.isBlank()) {
      throw new ReferenceProblem("Paste BibTeX, RIS or CSL-JSON, or one DOI or URL per line.");
    }
    if (text.length() > MAX_CHARACTERS) {
      throw new ReferenceProblem(
          "The paste is longer than 1 MB (1,000,000 characters); paste the references in parts.");
    }
    if (text.indexOf('\0') >= 0) {
      throw new ReferenceProblem("The paste contains a NUL character; it is not a text export.");
    }
    String trimmed = text.strip();
    List<String> notes = new ArrayList<>();
    Reading reading;
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      reading = new Reading("CSL-JSON", cslJson(trimmed), notes);
    } else if (BIBTEX_ENTRY.matcher(trimmed).find()) {
      reading = new Reading("BibTeX", bibtex(trimmed, notes), notes);
    } else if (trimmed.startsWith("TY  -") || trimmed.startsWith("TY -")) {
      reading = new Reading("RIS", ris(trimmed), notes);
    } else {
      reading = new Reading("DOIs and URLs", identifiers(trimmed, notes), notes);
    }
    if (reading.items().isEmpty()) {
      throw new ReferenceProblem("No references were found in the " + reading.format() + ".");
    }
    if (reading.items().size() > References.MAX_ITEMS) {
      throw new ReferenceProblem(
          "An article can have at most "
              + References.MAX_ITEMS
              + " references; the paste has "
              + reading.items().size()
              + ".");
    }
    References.assignKeys(reading.items(), takenKeys);
    return reading;
  }

  private static List<Map<String, Object>> cslJson(String text) {
    Object parsed;
    try {
      parsed = JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ReferenceProblem(
          "The CSL-JSON could not be read" + where + ": " + e.getOriginalMessage() + ".");
    }
    List<?> list = parsed instanceof List<?> array ? array : List.of(parsed);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new ReferenceProblem("Entry " + (i + 1) + " of the CSL-JSON is not an object.");
      }
      Map<String, Object> item = new LinkedHashMap<>();
      map.forEach((key, value) -> item.put(String.valueOf(key), value));
      if (item.get("id") == null && item.get("citation-key") != null) {
        item.put("id", item.get("citation-key"));
      }
      items.add(item);
    }
    return items;
  }

  /** Each entry is parsed alone, so a broken one is named by its number and key. */
  private static List<Map<String, Object>> bibtex(String text, List<String> notes) {
    Matcher entry = BIBTEX_ENTRY.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (entry.find()) {
      starts.add(entry.start());
    }
    BibTeXConverter converter = new BibTeXConverter();
    List<Map<String, Object>> items = new ArrayList<>();
    StringBuilder macros = new StringBuilder();
    int number = 0;
    for (int i = 0; i < starts.size(); i++) {
      String source =
          text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length())
              .strip();
      String kind = source.substring(1, source.indexOf(source.contains("{") ? "{" : "(")).strip();
      if (kind.equalsIgnoreCase("comment") || kind.equalsIgnoreCase("preamble")) {
        continue;
      }
      if (kind.equalsIgnoreCase("string")) {
        macros.append(source).append('\n');
        continue;
      }
      number++;
      BibTeXDatabase database;
      try {
        database =
            converter.loadDatabase(
                new ByteArrayInputStream((macros + source).getBytes(StandardCharsets.UTF_8)));
      } catch (ParseException | RuntimeException e) {
        throw new ReferenceProblem(
            "BibTeX entry "
                + number
                + " ("
                + head(source)
                + ") could not be read"
                + position(e.getMessage(), (int) macros.chars().filter(c -> c == '\n').count())
                + ": check its braces, quotes and commas.");
      }
      for (BibTeXEntry read : database.getEntries().values()) {
        items.add(bibtexItem(converter, read));
      }
    }
    if (number > 0 && items.isEmpty()) {
      notes.add("The BibTeX had no entries with fields.");
    }
    return items;
  }

  private static Map<String, Object> bibtexItem(BibTeXConverter converter, BibTeXEntry entry) {
    CSLItemData data = converter.toItemData(entry);
    Map<String, Object> item;
    try {
      // Through JSON text, so every value is plain (the converter's map holds its enums).
      String json = data.toJson(new StringJsonBuilderFactory().createJsonBuilder()).toString();
      item = new LinkedHashMap<>(JSON.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      throw new ReferenceProblem(
          "A BibTeX entry could not be converted: " + e.getOriginalMessage());
    }
    String kind = entry.getType().getValue().toLowerCase(Locale.ROOT);
    // The converter reads a journal's "number" as a report number and repeats the year as an
    // event date; CSL wants the issue, and an event date only for events.
    if (item.containsKey("number") && !item.containsKey("issue") && kind.equals("article")) {
      item.put("issue", item.remove("number"));
    }
    if (item.containsKey("page")) {
      item.remove("number-of-pages");
    }
    if (!kind.equals("inproceedings") && !kind.equals("conference")) {
      item.remove("event-date");
    }
    if (List.of("misc", "online", "electronic", "www", "webpage").contains(kind)) {
      item.put("type", item.containsKey("URL") ? "webpage" : "document");
    }
    if (kind.equals("techreport") || kind.equals("report")) {
      item.put("type", "report");
    }
    return item;
  }

  /** RIS is read here: the converter in the CSL library drops the journal (T2) of articles. */
  private static List<Map<String, Object>> ris(String text) {
    List<Map<String, Object>> items = new ArrayList<>();
    Map<String, List<String>> record = null;
    int number = 0;
    String[] lines = text.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isBlank()) {
        continue;
      }
      Matcher tag = RIS_TAG.matcher(line);
      if (!tag.matches()) {
        if (record == null) {
          throw new ReferenceProblem(
              "RIS line " + (i + 1) + " is not a tag line (like \"TI  - Title\").");
        }
        continue; // a continuation of the previous value, as some exports wrap abstracts
      }
      String name = tag.group(1);
      String value = tag.group(2).strip();
      if (name.equals("TY")) {
        if (record != null) {
          throw new ReferenceProblem(
              "RIS record " + number + " has no end (\"ER  -\") before line " + (i + 1) + ".");
        }
        record = new LinkedHashMap<>();
        number++;
      } else if (record == null) {
        throw new ReferenceProblem(
            "RIS line " + (i + 1) + " comes before the record's type (\"TY  - JOUR\").");
      } else if (name.equals("ER")) {
        items.add(Ris.item(record));
        record = null;
        continue;
      }
      record.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    if (record != null) {
      throw new ReferenceProblem("RIS record " + number + " has no end (\"ER  -\").");
    }
    return items;
  }

  private static List<Map<String, Object>> identifiers(String text, List<String> notes) {
    List<Map<String, Object>> items = new ArrayList<>();
    String[] lines = text.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Map<String, Object> item = new LinkedHashMap<>();
      Matcher doi = DOI.matcher(line);
      if (doi.matches()) {
        item.put("type", "article-journal");
        item.put("DOI", doi.group(1));
      } else if (URL.matcher(line).matches()) {
        item.put("type", "webpage");
        item.put("URL", line);
      } else {
        throw new ReferenceProblem(
            "Line "
                + (i + 1)
                + " (\""
                + shorten(line)
                + "\") is not BibTeX, RIS, CSL-JSON, a DOI or a URL.");
      }
      items.add(item);
    }
    notes.add(
        "DOIs and URLs are kept as they are: add the authors, year and title of each so the"
            + " reference list can show them.");
    return items;
  }

  private static String head(String source) {
    int comma = source.indexOf(',');
    return shorten(comma > 0 ? source.substring(0, comma) : source);
  }

  private static String shorten(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 60) + "…" : line;
  }

  /** "at line L, column C" of the parser's message, counted from the entry's first line. */
  private static String position(String message, int linesBefore) {
    Matcher matcher = POSITION.matcher(message == null ? "" : message);
    if (!matcher.find()) {
      return "";
    }
    int line = Integer.parseInt(matcher.group(1)) - linesBefore;
    return line < 1 ? "" : " at line " + line + ", column " + matcher.group(2) + " of the entry";
  }
}
