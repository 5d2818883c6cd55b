package org.stet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real third-party files (exports of WordPress, OJS, Zotero, Crossref, LibreOffice, pandoc) and
 * published schemas, read from {@code ../shared} beside the checkout, never copied into it. A test
 * needing one is skipped with a message when {@code ../shared} is absent, and fails instead when
 * {@code STET_REQUIRE_FIXTURES=true} (CI sets it).
 */
public final class SharedFixtures {

  private SharedFixtures() {}

  /** {@code relative} under {@code ../shared}, e.g. {@code fixtures/csl/x.json}. */
  public static Path require(String relative) {
    Path file = Path.of("..", "shared").resolve(relative).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      String message = "Needs " + file + " (the shared fixtures beside the checkout)";
      if ("true".equals(System.getenv("STET_REQUIRE_FIXTURES"))) {
        throw new AssertionError(message + "; STET_REQUIRE_FIXTURES=true");
      }
      Assumptions.abort(message + "; skipped");
    }
    return file;
  }
}
