package org.stet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  @Test
  void survivesTheRoundTripThroughALink() {
    PageCursor cursor = new PageCursor(Instant.parse("2017-01-18T04:00:00.123456Z"), 42);

    assertThat(PageCursor.parse(cursor.toString())).contains(cursor);
  }

  @Test
  void handlesDatesBeforeTheEpoch() {
    PageCursor cursor = new PageCursor(Instant.parse("1969-12-31T23:59:59.5Z"), 7);

    assertThat(PageCursor.parse(cursor.toString())).contains(cursor);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "abc", "1.2.3", "12", ".5", "1e5.2", "99999999999999999999.1", "1.-2"})
  void rejectsAnythingElse(String text) {
    assertThat(PageCursor.parse(text)).isEmpty();
  }
}
