package org.stet.markdown;

import java.util.Optional;

/**
 * Tells the renderer what an image in a body is: for {@code ![alt](/media/<key>)}, the files to
 * show it from. Images it does not know stay as written.
 */
@FunctionalInterface
public interface ImageResolver {

  /** Knows no image. */
  ImageResolver NONE = src -> Optional.empty();

  /** The image at {@code src}, or empty. */
  Optional<Image> resolve(String src);

  /**
   * How a page shows an image: {@code src} (a middle width), {@code srcset} (every width, "url
   * 800w, ..."), and the pixel size of the largest, so the page keeps its place while it loads.
   */
  record Image(String src, String srcset, int width, int height) {}
}
