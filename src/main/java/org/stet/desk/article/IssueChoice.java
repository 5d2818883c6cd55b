package org.stet.desk.article;

import jakarta.ws.rs.BadRequestException;
import org.stet.web.PathNumber;

/** A journal issue chosen on the publish form, sent as "journal-slug/number". */
record IssueChoice(String journal, int number) {

  /** The choice in {@code value}; null when none was chosen; 400 for text that is no choice. */
  static IssueChoice parse(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    int slash = value.lastIndexOf('/');
    if (slash < 1) {
      throw new BadRequestException("Choose an issue from the list.");
    }
    return new IssueChoice(value.substring(0, slash), PathNumber.small(value.substring(slash + 1)));
  }
}
