package org.stet.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed, time-stamped tokens for public forms that anonymous readers send (e.g. comments), so a
 * plugin can tell how long ago a form was shown and that Stet showed it. Implemented by Stet;
 * inject it.
 *
 * <p>Cached pages are rendered once for many readers, so a form in a slot carries {@link
 * #PLACEHOLDER} as its value ({@code <input type="hidden" name="stamp" value="...">}): Stet puts a
 * fresh stamp there each time it serves the page. Pages that are not cached call {@link #issue()}.
 *
 * @since 0.3
 */
public interface FormStamps {

  /** Replaced by a fresh stamp wherever it appears in the HTML of an article page's slots. */
  String PLACEHOLDER = "stet-form-stamp-placeholder";

  /** A stamp for a form shown now. */
  String issue();

  /** When {@code stamp} was issued, if Stet issued it (any instance on this database). */
  Optional<Instant> issuedAt(String stamp);
}
