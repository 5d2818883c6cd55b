package org.stet.plugins.commentmoderation;

import java.time.Instant;
import org.stet.plugins.commentmoderation.CommentStore.Status;

/**
 * A comment as stored, and as read from a row of the plugin's comment table. {@code email} is for
 * moderators and mails only, never public pages.
 */
public record Comment(
    long id,
    long articleId,
    Long parentId,
    int depth,
    Status status,
    String name,
    String email,
    String website,
    String body,
    Double spamScore,
    String holdReason,
    boolean byEditor,
    boolean wantsMail,
    String token,
    int reports,
    int version,
    Instant createdAt,
    Instant moderatedAt,
    String moderatedBy,
    boolean erased,
    String ip,
    String trainedAs) {

  /** The score as a whole percentage, or null while the filter is learning. */
  public Integer spamPercent() {
    return spamScore == null ? null : (int) Math.round(spamScore * 100);
  }

  public String bodyHtml() {
    return CommentText.html(body);
  }

  /** The columns {@link #of} reads, in its order. */
  static final String COLUMNS =
      "id, article_id, parent_id, depth, status, author_name, author_email, author_url, body,"
          + " spam_score, hold_reason, by_editor, notify, token, reports, version, created_at,"
          + " moderated_at, moderated_by, erased, host(ip), trained_as";

  /** A row of {@link #COLUMNS}. */
  static Comment of(Object[] r) {
    return new Comment(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        r[2] == null ? null : ((Number) r[2]).longValue(),
        ((Number) r[3]).intValue(),
        Status.valueOf((String) r[4]),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        r[9] == null ? null : ((Number) r[9]).doubleValue(),
        (String) r[10],
        (Boolean) r[11],
        (Boolean) r[12],
        (String) r[13],
        ((Number) r[14]).intValue(),
        ((Number) r[15]).intValue(),
        NativeSql.instant(r[16]),
        NativeSql.instant(r[17]),
        (String) r[18],
        (Boolean) r[19],
        (String) r[20],
        (String) r[21]);
  }
}
