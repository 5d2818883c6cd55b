package org.stet.web;

import jakarta.ws.rs.BadRequestException;

/**
 * The version of an article a form or an upload was started from (optimistic locking): digits, or
 * 400 — a save without it could overwrite someone else's.
 */
public final class FormVersion {

  private FormVersion() {}

  public static long parse(String version) {
    String text = version == null ? "" : version.strip();
    if (!text.matches("[0-9]{1,18}")) {
      throw new BadRequestException(
          "The version you started from is missing (\"version\": reload the page, or read the"
              + " article again).");
    }
    return Long.parseLong(text);
  }
}
