package org.stet.site.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.journal.service.DoiService;
import org.stet.settings.CrossrefConfig;

/**
 * Sends a deposit to Crossref's HTTPS endpoint (when {@code stet.crossref.deposit-enabled}) as the
 * multipart upload Crossref takes ({@code operation=doMDUpload}, {@code login_id}, {@code
 * login_passwd}, the file as {@code fname}), keeps every attempt with Crossref's answer, and marks
 * the DOIs of an accepted deposit as registered: from then on they never change. Crossref checks
 * the file after it has taken it and mails its report to the depositor.
 */
@ApplicationScoped
public class CrossrefDeposits {

  private static final Logger LOG = Logger.getLogger(CrossrefDeposits.class);

  /** The longest part of Crossref's answer kept. */
  private static final int MAX_ANSWER = 4000;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A deposit as the desk lists it. */
  public record Sent(
      String batchId, Instant at, String by, int status, boolean accepted, String answer) {}

  /** What Crossref answered: whether it took the file, and its words. */
  public record Outcome(
      boolean accepted, int status, String answer, CrossrefExports.Export export) {}

  private final CrossrefConfig config;
  private final CrossrefExports exports;
  private final DoiService dois;
  private final AuditLog audit;
  private final EntityManager entityManager;
  private final HttpClient http;

  CrossrefDeposits(
      CrossrefConfig config,
      CrossrefExports exports,
      DoiService dois,
      AuditLog audit,
      EntityManager entityManager) {
    this.config = config;
    this.exports = exports;
    this.dois = dois;
    this.audit = audit;
    this.entityManager = entityManager;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /** Whether deposits can be sent from here (enabled, with credentials). */
  public boolean available() {
    return config.depositEnabled()
        && config.username().isPresent()
        && config.password().isPresent();
  }

  /** Deposits the issue's articles that can be (see {@link CrossrefExports#ofIssue}). */
  public Outcome issue(AuditLog.Actor actor, String journalSlug, int number) {
    return deposit(actor, () -> exports.ofIssue(journalSlug, number));
  }

  /** Deposits one article (see {@link CrossrefExports#ofArticle}). */
  public Outcome article(AuditLog.Actor actor, long articleId) {
    return deposit(actor, () -> exports.ofArticle(articleId));
  }

  private Outcome deposit(AuditLog.Actor actor, Supplier<CrossrefExports.Export> build) {
    if (!available()) {
      throw new WebApplicationException(
          "Direct deposit with Crossref is off on this site: download the XML and upload it at"
              + " Crossref, or ask an administrator to set stet.crossref.deposit-enabled with"
              + " the Crossref account.",
          409);
    }
    CrossrefExports.Export export = QuarkusTransaction.requiringNew().call(build::get);
    int status;
    String answer;
    try {
      HttpResponse<String> response = send(export);
      status = response.statusCode();
      // Crossref answers with a small HTML page; its words are kept, not its markup.
      answer = org.jsoup.Jsoup.parse(response.body()).text();
    } catch (IOException e) {
      LOG.warnf("Crossref deposit %s failed: %s", export.batchId(), e.getMessage());
      status = 0;
      answer = "Crossref could not be reached: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
      answer = "The deposit was interrupted.";
    }
    boolean accepted =
        status >= 200 && status < 300 && !answer.toUpperCase(Locale.ROOT).contains("FAILURE");
    String kept = answer.length() > MAX_ANSWER ? answer.substring(0, MAX_ANSWER) : answer;
    int httpStatus = status;
    QuarkusTransaction.requiringNew().run(() -> record(actor, export, httpStatus, accepted, kept));
    return new Outcome(accepted, status, kept, export);
  }

  private void record(
      AuditLog.Actor actor,
      CrossrefExports.Export export,
      int status,
      boolean accepted,
      String answer) {
    Instant now = Instant.now();
    entityManager
        .createNativeQuery(
            "insert into crossref_deposit (batch_id, journal_id, issue_id, article_ids,"
                + " deposited_at, deposited_by, http_status, accepted, answer)"
                + " values (?1, ?2, ?3, cast(?4 as bigint[]), ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, export.batchId())
        .setParameter(2, export.journalId())
        .setParameter(3, export.issueId())
        .setParameter(
            4,
            "{"
                + String.join(",", export.articleIds().stream().map(String::valueOf).toList())
                + "}")
        .setParameter(5, now)
        .setParameter(6, actor.label())
        .setParameter(7, status)
        .setParameter(8, accepted)
        .setParameter(9, answer)
        .executeUpdate();
    if (accepted) {
      dois.deposited(export.articleIds(), now);
    }
    audit.record(
        actor,
        AuditAction.CROSSREF_DEPOSITED,
        "batch " + export.batchId(),
        (accepted ? "taken" : "refused")
            + " (HTTP "
            + status
            + "), articles "
            + export.articleIds());
  }

  private HttpResponse<String> send(CrossrefExports.Export export)
      throws IOException, InterruptedException {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String boundary = "stet-" + HexFormat.of().formatHex(random);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "operation", "doMDUpload");
    field(body, boundary, "login_id", config.username().orElseThrow());
    field(body, boundary, "login_passwd", config.password().orElseThrow());
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"fname\"; filename=\""
                + export.fileName()
                + "\"\r\nContent-Type: application/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(export.xml());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.depositUrl()))
            .timeout(config.timeout())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void field(
      ByteArrayOutputStream body, String boundary, String name, String value) {
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }

  /** The issue's last ten deposits, newest first, for the desk. */
  public List<Sent> recent(long issueId) {
    List<?> rows =
        entityManager
            .createNativeQuery(
                "select batch_id, deposited_at, deposited_by, http_status, accepted, answer"
                    + " from crossref_deposit where issue_id = ?1"
                    + " order by deposited_at desc limit 10")
            .setParameter(1, issueId)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new Sent(
                    (String) row[0],
                    instant(row[1]),
                    (String) row[2],
                    ((Number) row[3]).intValue(),
                    (Boolean) row[4],
                    (String) row[5]))
        .toList();
  }
}
