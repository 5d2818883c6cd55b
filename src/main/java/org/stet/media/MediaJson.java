package org.stet.media;

/**
 * An image of the media library as the API and the editor see it: its key, name, size in pixels,
 * the address a text cites it by and the Markdown to insert ({@code ![alt](/media/<key>)}, with the
 * caption as its title).
 */
public record MediaJson(
    String key, String name, int width, int height, String alt, String url, String markdown) {

  public static MediaJson of(MediaItem item, String caption) {
    String url = "/media/" + item.key;
    String title =
        caption == null || caption.isBlank()
            ? ""
            : " \"" + caption.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    String alt = item.alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    return new MediaJson(
        item.key,
        item.name,
        item.width,
        item.height,
        item.alt,
        url,
        "![" + alt + "](" + url + title + ")");
  }
}
