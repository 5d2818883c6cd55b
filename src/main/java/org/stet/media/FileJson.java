package org.stet.media;

/**
 * A file as the API and the desk show it: its name, label, kind, size (bytes and in words), its
 * public address (served once the article is published) and a Markdown link to it.
 */
public record FileJson(
    String name,
    String label,
    String kind,
    String contentType,
    long size,
    String sizeText,
    String url,
    String markdown) {

  public static FileJson of(ArticleFile file, String slug) {
    String url = "/articles/" + slug + "/files/" + file.name;
    return new FileJson(
        file.name,
        file.label,
        file.kind.label,
        file.kind.contentType,
        file.size,
        Sizes.words(file.size),
        url,
        "[" + file.label.replace("[", "\\[").replace("]", "\\]") + "](" + url + ")");
  }
}
