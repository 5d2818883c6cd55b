package org.stet.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeskClockTest {

  private static final Instant NOW = Instant.parse("2026-12-02T03:22:00Z");

  private static DeskClock in(String zone) {
    DeskClock clock =
        new DeskClock() {
          @Override
          public ZoneId zone() {
            return ZoneId.of(zone);
          }
        };
    clock.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return clock;
  }

  @Test
  void exactTimesAreInWordsInTheReadersZone() {
    assertThat(in("Asia/Almaty").exact(NOW)).isEqualTo("2 Dec 2026, 08:22 Almaty time");
    assertThat(in("UTC").exact(NOW)).isEqualTo("2 Dec 2026, 03:22 UTC");
    assertThat(in("America/New_York").exact(NOW)).endsWith("New York time");
  }

  @Test
  void machineReadableTimesStopAtTheSecond() {
    DeskClock clock = in("Asia/Almaty");
    assertThat(clock.datetime(NOW.plusNanos(676_905_000))).isEqualTo("2026-12-02T03:22:00Z");
    assertThat(clock.datetime(NOW.plusSeconds(5))).isEqualTo("2026-12-02T03:22:05Z");
    assertThat(clock.datetime(null)).isEmpty();
  }

  @Test
  void recentMomentsAreRelative() {
    DeskClock clock = in("UTC");
    assertThat(clock.ago(NOW.minusSeconds(20))).isEqualTo("just now");
    assertThat(clock.ago(NOW.minusSeconds(60))).isEqualTo("1 minute ago");
    assertThat(clock.ago(NOW.minusSeconds(3 * 86_400 + 5))).isEqualTo("3 days ago");
    assertThat(clock.ago(NOW.plusSeconds(2 * 3600))).isEqualTo("in 2 hours");
    assertThat(clock.ago(Instant.parse("2026-01-05T10:00:00Z"))).isEqualTo("5 Jan 2026");
  }

  @Test
  void daysAndMonthsAreNamed() {
    DeskClock clock = in("UTC");
    assertThat(clock.day(LocalDate.of(2026, 12, 2))).isEqualTo("2 Dec 2026");
    assertThat(clock.month(2017, 2)).isEqualTo("February 2017");
    assertThat(clock.isPast(LocalDate.of(2026, 12, 1))).isTrue();
    assertThat(clock.isPast(LocalDate.of(2026, 12, 2))).isFalse();
  }
}
