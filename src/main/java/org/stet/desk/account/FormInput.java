package org.stet.desk.account;

import jakarta.ws.rs.BadRequestException;

/** Checks on raw form fields that no valid request fails: presence, length, control characters. */
final class FormInput {

  private FormInput() {}

  /** Refuses (400) a missing field, one longer than {@code max}, or one with a NUL byte. */
  static void require(String field, String value, int max) {
    if (value == null) {
      throw new BadRequestException("The form is missing the field '" + field + "'.");
    }
    if (value.length() > max) {
      throw new BadRequestException(
          "The field '" + field + "' is longer than " + max + " characters; nothing was saved.");
    }
    if (value.indexOf('\0') >= 0) {
      throw new BadRequestException("The field '" + field + "' contains a NUL character.");
    }
  }
}
