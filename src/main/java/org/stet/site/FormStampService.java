package org.stet.site;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.stet.spi.FormStamps;
import org.stet.web.SiteSecrets;

/**
 * Form stamps: {@code <epoch seconds>.<HMAC-SHA256 of them, 128 bits>}, signed with the
 * installation's form-stamp key ({@link SiteSecrets}), so every instance on the database accepts
 * the others' stamps. Issuing never touches the database (the event loop serves cached pages).
 */
@ApplicationScoped
public class FormStampService implements FormStamps {

  private final SiteSecrets secrets;
  private final Clock clock;

  /** The stamp of one second; every page served in that second carries the same one. */
  private record Issued(long second, String stamp) {}

  private volatile Issued latest = new Issued(-1, "");

  FormStampService(SiteSecrets secrets) {
    this.secrets = secrets;
    this.clock = Clock.systemUTC();
  }

  /** Signs once per second at most: the cached article pages ask for a stamp per request. */
  @Override
  public String issue() {
    long now = clock.instant().getEpochSecond();
    Issued issued = latest;
    if (issued.second() != now) {
      String seconds = Long.toString(now);
      issued = new Issued(now, seconds + "." + sign(seconds));
      latest = issued;
    }
    return issued.stamp();
  }

  @Override
  public Optional<Instant> issuedAt(String stamp) {
    if (stamp == null || !stamp.matches("\\d{1,12}\\.[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    String seconds = stamp.substring(0, stamp.indexOf('.'));
    byte[] expected = sign(seconds).getBytes(StandardCharsets.US_ASCII);
    byte[] given = stamp.substring(seconds.length() + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(seconds)));
  }

  private String sign(String seconds) {
    return secrets.signText(SiteSecrets.Purpose.FORM_STAMP, "form-stamp:" + seconds, 16);
  }
}
