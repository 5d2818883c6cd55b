package org.stet.desk;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.stet.identity.Account;
import org.stet.identity.SessionAuthenticationMechanism;
import org.stet.settings.Site;

/**
 * Dates and times as the desk shows them, in the reader's zone (their account's, else the site's):
 * "2 Dec 2026, 09:22 Almaty time", "3 days ago". Templates reach it as {@code inject:clock}.
 */
@Named("clock")
@RequestScoped
public class DeskClock {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  @Inject SecurityIdentity identity;

  Clock clock = Clock.systemUTC();

  private ZoneId zone;

  /** The reader's zone: their account's, else the site's. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ZoneId zone() {
    if (zone == null) {
      zone = readerZone();
    }
    return zone;
  }

  /** "2 Dec 2026, 09:22 Almaty time". */
  public String exact(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(zone())) + " " + zoneName(zone());
  }

  /** "2 Dec 2026". */
  public String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** "2 Dec 2026" for the day {@code at} falls on in the reader's zone. */
  public String day(Instant at) {
    return at == null ? "" : DAY.format(at.atZone(zone()));
  }

  /**
   * {@code at} as a {@code <time datetime>} value, to the second: "2026-12-02T03:22:05Z". HTML
   * takes at most three digits of a second, and a database timestamp has six.
   */
  public String datetime(Instant at) {
    return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** "February 2017". */
  public String month(int year, int month) {
    return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK) + " " + year;
  }

  /** "just now", "5 minutes ago", "3 days ago", "in 2 hours"; the day itself after a month. */
  public String ago(Instant at) {
    if (at == null) {
      return "";
    }
    Duration between = Duration.between(at, clock.instant());
    boolean future = between.isNegative();
    long seconds = Math.abs(between.getSeconds());
    if (seconds < 60) {
      return "just now";
    }
    String amount;
    if (seconds < 3600) {
      amount = plural(seconds / 60, "minute");
    } else if (seconds < 86_400) {
      amount = plural(seconds / 3600, "hour");
    } else if (seconds < 31L * 86_400) {
      amount = plural(seconds / 86_400, "day");
    } else {
      return day(at);
    }
    return future ? "in " + amount : amount + " ago";
  }

  /** Whether {@code day} has passed in the reader's zone. */
  public boolean isPast(LocalDate day) {
    return day != null && day.isBefore(LocalDate.now(clock.withZone(zone())));
  }

  /** "Almaty time" for Asia/Almaty, "UTC" for UTC. */
  static String zoneName(ZoneId zone) {
    String id = zone.getId();
    int slash = id.lastIndexOf('/');
    if (slash < 0) {
      return id;
    }
    return id.substring(slash + 1).replace('_', ' ') + " time";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private ZoneId readerZone() {
    Long account =
        identity == null || identity.isAnonymous()
            ? null
            : identity.getAttribute(SessionAuthenticationMechanism.ACCOUNT_ID);
    if (account != null) {
      Account signedIn = Account.findById(account);
      if (signedIn != null && signedIn.timeZone != null) {
        try {
          return ZoneId.of(signedIn.timeZone);
        } catch (DateTimeException e) {
          // A zone that no longer exists falls back to the site's.
        }
      }
    }
    return Site.current().zone();
  }
}
