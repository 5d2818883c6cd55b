package org.stet.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as reference managers import it: CSL-JSON (Zotero, Mendeley, pandoc), BibTeX (LaTeX)
 * and RIS (EndNote, RefWorks). A journal article is an {@code article-journal} / {@code @article} /
 * {@code JOUR}; an article in no issue a blog post ({@code post-weblog} / {@code @misc} / {@code
 * BLOG}). Each names the DOI when there is one, and the address.
 */
public final class CitationFormats {

  private CitationFormats() {}

  /** The article as one CSL-JSON item, its id the article's address. */
  public static Map<String, Object> csl(CitableArticle article) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", article.url());
    item.put("type", article.issue() != null ? "article-journal" : "post-weblog");
    item.put("title", article.title());
    item.put("author", article.authors().stream().map(author -> name(author.name())).toList());
    LocalDate day = day(article);
    item.put(
        "issued",
        Map.of(
            "date-parts",
            List.of(List.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))));
    CitableArticle.Issue issue = article.issue();
    item.put("container-title", issue != null ? issue.journal() : article.siteName());
    if (issue != null) {
      if (issue.volume() != null) {
        item.put("volume", issue.volume().toString());
      }
      item.put("issue", Integer.toString(issue.number()));
      if (!issue.issns().isEmpty()) {
        item.put("ISSN", issue.issns().get(0));
      }
    }
    item.put("publisher", article.publisher());
    if (article.excerpt() != null && !article.excerpt().isBlank()) {
      item.put("abstract", article.excerpt());
    }
    if (article.doi() != null) {
      item.put("DOI", article.doi());
    }
    item.put("URL", article.url());
    if (article.languageCode() != null) {
      item.put("language", article.languageCode());
    }
    return item;
  }

  /**
   * A byline name as CSL wants it: the last word as the family name, the rest as given names; a
   * single word (an institution, a pen name) as a literal.
   */
  static Map<String, Object> name(String displayName) {
    String name = displayName.strip().replaceAll("\\s+", " ");
    int space = name.lastIndexOf(' ');
    return space < 0
        ? Map.of("literal", name)
        : Map.of("family", name.substring(space + 1), "given", name.substring(0, space));
  }

  /** The article as one BibTeX entry, its key the article's slug. */
  public static String bibtex(CitableArticle article, String key) {
    CitableArticle.Issue issue = article.issue();
    List<String[]> fields = new ArrayList<>();
    fields.add(field("author", String.join(" and ", bibtexNames(article))));
    fields.add(field("title", "{" + bibtexText(article.title()) + "}"));
    if (issue != null) {
      fields.add(field("journal", bibtexText(issue.journal())));
      if (issue.volume() != null) {
        fields.add(field("volume", issue.volume().toString()));
      }
      fields.add(field("number", Integer.toString(issue.number())));
      if (!issue.issns().isEmpty()) {
        fields.add(field("issn", issue.issns().get(0)));
      }
    } else {
      fields.add(field("howpublished", bibtexText(article.siteName())));
    }
    LocalDate day = day(article);
    fields.add(field("year", Integer.toString(day.getYear())));
    fields.add(field("month", MONTHS[day.getMonthValue() - 1]));
    fields.add(field("publisher", bibtexText(article.publisher())));
    if (article.doi() != null) {
      fields.add(field("doi", bibtexVerbatim(article.doi())));
    }
    fields.add(field("url", bibtexVerbatim(article.url())));
    StringBuilder entry = new StringBuilder();
    entry.append(issue != null ? "@article{" : "@misc{").append(key);
    for (String[] field : fields) {
      entry.append(",\n  ").append(field[0]).append(" = {").append(field[1]).append('}');
    }
    return entry.append("\n}\n").toString();
  }

  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private static String[] field(String name, String value) {
    return new String[] {name, value};
  }

  private static List<String> bibtexNames(CitableArticle article) {
    List<String> names = new ArrayList<>();
    for (CitableArticle.Author author : article.authors()) {
      Map<String, Object> name = name(author.name());
      names.add(
          name.containsKey("literal")
              ? "{" + bibtexText((String) name.get("literal")) + "}"
              : bibtexText((String) name.get("family"))
                  + ", "
                  + bibtexText((String) name.get("given")));
    }
    return names;
  }

  /** Text in a BibTeX value: its special characters escaped, braces kept balanced. */
  static String bibtexText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : oneLine(text).toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\{");
        case '}' -> out.append("\\}");
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A DOI or address in a BibTeX value: kept as it is, except what would end the value. */
  private static String bibtexVerbatim(String text) {
    return oneLine(text).replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C");
  }

  /** The article as one RIS record. */
  public static String ris(CitableArticle article) {
    CitableArticle.Issue issue = article.issue();
    StringBuilder record = new StringBuilder();
    tag(record, "TY", issue != null ? "JOUR" : "BLOG");
    article.authors().forEach(author -> tag(record, "AU", risName(author.name())));
    tag(record, "TI", article.title());
    if (issue != null) {
      tag(record, "T2", issue.journal());
      tag(record, "JO", issue.journal());
      if (issue.volume() != null) {
        tag(record, "VL", issue.volume().toString());
      }
      tag(record, "IS", Integer.toString(issue.number()));
      issue.issns().forEach(issn -> tag(record, "SN", issn));
    } else {
      tag(record, "T2", article.siteName());
    }
    LocalDate day = day(article);
    tag(record, "PY", Integer.toString(day.getYear()));
    tag(
        record,
        "DA",
        String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    tag(record, "PB", article.publisher());
    if (article.excerpt() != null && !article.excerpt().isBlank()) {
      tag(record, "AB", article.excerpt());
    }
    article.keywords().forEach(keyword -> tag(record, "KW", keyword));
    if (article.doi() != null) {
      tag(record, "DO", article.doi());
    }
    tag(record, "UR", article.url());
    if (article.languageCode() != null) {
      tag(record, "LA", article.languageCode());
    }
    record.append("ER  - \r\n");
    return record.toString();
  }

  private static String risName(String displayName) {
    Map<String, Object> name = name(displayName);
    return name.containsKey("literal")
        ? (String) name.get("literal")
        : name.get("family") + ", " + name.get("given");
  }

  /** One RIS line: the tag, two spaces, a hyphen, a space and the value on one line. */
  private static void tag(StringBuilder record, String tag, String value) {
    if (value != null && !value.isBlank()) {
      record.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
    }
  }

  /** The text with every line break and control character as a space: each format is by line. */
  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }

  private static LocalDate day(CitableArticle article) {
    return article.published().atZone(article.zone()).toLocalDate();
  }
}
