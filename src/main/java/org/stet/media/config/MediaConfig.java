package org.stet.media.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of uploads ({@code stet.media.*}); see docs/configuration.md. */
@ConfigMapping(prefix = "stet.media")
public interface MediaConfig {

  /** The largest file (PDF, CSV, XLSX, DOCX, ZIP) an article can carry. */
  @WithDefault("50M")
  MemorySize maxFileSize();

  /** The largest image accepted for a figure (JPEG, PNG, WebP). */
  @WithDefault("10M")
  MemorySize maxImageSize();

  /** The largest Word manuscript (.docx) accepted for import. */
  @WithDefault("20M")
  MemorySize maxDocxSize();

  /** How many uploaded files are checked (parsed, unpacked) at once; more wait their turn. */
  @WithDefault("2")
  int concurrentChecks();

  /** The most bytes a ZIP-based file (XLSX, DOCX, ZIP) may unpack to: more is a zip bomb. */
  @WithDefault("500M")
  MemorySize maxUnpackedSize();
}
