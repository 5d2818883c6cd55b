package org.stet.site.oai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.stet.web.SiteSecrets;

/**
 * Where a list stopped, carried by the harvester instead of kept by Stet: the list's verb, format,
 * set and dates, the last record sent (datestamp and id: a keyset position, so a record changed
 * meanwhile moves to the end of the list and is never skipped), how many were sent and how many the
 * list had when it started. Signed with the installation's key, so a harvester cannot forge or
 * alter one; any instance of Stet reads it.
 */
record ResumptionToken(
    OaiRequest.Verb verb,
    String metadataPrefix,
    String set,
    Instant from,
    Instant until,
    Instant afterDatestamp,
    long afterId,
    long cursor,
    long completeListSize) {

  private static final int SIGNATURE_BYTES = 16;

  /** The token as text: its fields, URL-safe Base64, a dot and the signature. */
  String encode(SiteSecrets secrets) {
    String payload =
        String.join(
            "|",
            verb.name(),
            metadataPrefix,
            set == null ? "" : set,
            micros(from),
            micros(until),
            micros(afterDatestamp),
            String.valueOf(afterId),
            String.valueOf(cursor),
            String.valueOf(completeListSize));
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded
        + "."
        + secrets.signText(SiteSecrets.Purpose.RESUMPTION_TOKEN, encoded, SIGNATURE_BYTES);
  }

  /** The token {@code text} names, for {@code verb}; a badResumptionToken error otherwise. */
  static ResumptionToken decode(String text, OaiRequest.Verb verb, SiteSecrets secrets) {
    int dot = text.indexOf('.');
    if (dot <= 0 || text.length() > 2000) {
      throw bad();
    }
    String encoded = text.substring(0, dot);
    byte[] expected =
        secrets
            .signText(SiteSecrets.Purpose.RESUMPTION_TOKEN, encoded, SIGNATURE_BYTES)
            .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, text.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      throw bad();
    }
    try {
      String[] fields =
          new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
              .split("\\|", -1);
      if (fields.length != 9 || !fields[0].equals(verb.name())) {
        throw bad();
      }
      return new ResumptionToken(
          verb,
          fields[1],
          fields[2].isEmpty() ? null : fields[2],
          instant(fields[3]),
          instant(fields[4]),
          instant(fields[5]),
          Long.parseLong(fields[6]),
          Long.parseLong(fields[7]),
          Long.parseLong(fields[8]));
    } catch (IllegalArgumentException e) {
      throw bad();
    }
  }

  /**
   * The token for the page after one that ended with the record at {@code datestamp}, {@code id}.
   */
  ResumptionToken next(Instant datestamp, long id, int sent) {
    return new ResumptionToken(
        verb, metadataPrefix, set, from, until, datestamp, id, cursor + sent, completeListSize);
  }

  private static OaiError bad() {
    return new OaiError(
        OaiError.Code.badResumptionToken,
        "The resumption token is not one this repository gave for this verb.");
  }

  /** An instant as microseconds since 1970, the database's precision. */
  private static String micros(Instant at) {
    return at == null ? "" : String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at));
  }

  private static Instant instant(String micros) {
    return micros.isEmpty() ? null : Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS);
  }
}
