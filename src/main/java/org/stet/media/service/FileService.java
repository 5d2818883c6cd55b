package org.stet.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.stet.article.Article;
import org.stet.article.ArticleChanged;
import org.stet.article.ArticleStatus;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.Role;
import org.stet.media.ArticleFile;
import org.stet.media.BlobStore;
import org.stet.media.FileChecks;
import org.stet.media.Sizes;
import org.stet.media.UploadRefused;
import org.stet.media.config.MediaConfig;
import org.stet.web.Slug;

/**
 * An article's files: added and removed by its authors (while they can change its text) and by
 * editors (at any time, e.g. a PDF after publication); each checked before it is stored, and
 * published with the article at {@code /articles/<slug>/files/<name>}.
 */
@ApplicationScoped
@Transactional
public class FileService {

  /** An upload as the web layer received it: on disk, with the browser's name for it. */
  public record Upload(Path file, String fileName, long size) {}

  private final BlobStore blobs;
  private final MediaConfig config;
  private final AuditLog audit;
  private final Event<ArticleChanged> changed;
  private final Semaphore checking;

  FileService(BlobStore blobs, MediaConfig config, AuditLog audit, Event<ArticleChanged> changed) {
    this.blobs = blobs;
    this.config = config;
    this.audit = audit;
    this.changed = changed;
    this.checking = new Semaphore(Math.max(1, config.concurrentChecks()));
  }

  /** The largest file accepted, in bytes. */
  public long maxSize() {
    return config.maxFileSize().asLongValue();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleFile> list(Caller caller, long articleId) {
    ArticleAccess.visible(caller, articleId, false);
    return ArticleFile.listOf(articleId);
  }

  /** Whether {@code caller} may add and remove files of {@code article}. */
  public static boolean canChange(Caller caller, Article article) {
    return caller.is(Role.EDITOR) || ArticleAccess.canEditText(caller, article);
  }

  /**
   * Checks and stores {@code upload} under {@code label}.
   *
   * @throws WebApplicationException 400 (not an accepted kind, unsafe, no label), 403/409 (not
   *     theirs to change now), 413 (too large), 503 (too many checks at once)
   */
  public ArticleFile add(Caller caller, long articleId, Upload upload, String label) {
    Article article = changeable(caller, articleId);
    String shownLabel = label == null ? "" : label.strip();
    if (shownLabel.isEmpty() || shownLabel.length() > 200 || shownLabel.indexOf('\0') >= 0) {
      throw new BadRequestException(
          "Give the file a label of up to 200 characters, e.g. \"Full text (PDF)\" or \"Survey"
              + " data\".");
    }
    if (upload == null || upload.file() == null) {
      throw new BadRequestException("Choose a file to attach.");
    }
    FileChecks.Kind kind = checked(upload);
    ArticleFile file = new ArticleFile();
    file.articleId = articleId;
    file.label = shownLabel;
    file.kind = kind;
    file.name = freeName(articleId, shownLabel, kind);
    file.position = ArticleFile.listOf(articleId).size();
    file.addedBy = caller.accountId();
    try (InputStream in = Files.newInputStream(upload.file())) {
      BlobStore.Stored stored = blobs.put(in);
      file.blobId = stored.id();
      file.size = stored.size();
      file.sha256 = stored.sha256();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    file.persist();
    audit.record(caller.auditActor(), AuditAction.FILE_ADDED, "article " + articleId, file.name);
    changed.fire(new ArticleChanged(article.id, article.slug));
    return file;
  }

  public void remove(Caller caller, long articleId, String name) {
    Article article = changeable(caller, articleId);
    ArticleFile file = ArticleFile.findByName(articleId, name).orElseThrow(NotFoundException::new);
    file.delete();
    blobs.delete(file.blobId);
    audit.record(caller.auditActor(), AuditAction.FILE_REMOVED, "article " + articleId, name);
    changed.fire(new ArticleChanged(article.id, article.slug));
  }

  /** A file of an article readers can see (published or retracted); empty for any other. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ArticleFile> published(String slug, String name) {
    return Article.findOnSiteBySlug(slug).flatMap(a -> ArticleFile.findByName(a.id, name));
  }

  /** The files readers see under the article, in order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleFile> ofPublished(Article article) {
    return article.status == ArticleStatus.PUBLISHED || article.status == ArticleStatus.RETRACTED
        ? ArticleFile.listOf(article.id)
        : List.of();
  }

  private Article changeable(Caller caller, long articleId) {
    Article article = ArticleAccess.visible(caller, articleId, true);
    if (!canChange(caller, article)) {
      throw new WebApplicationException(
          "Only the article's authors (while it is a draft or revisions are requested) and"
              + " editors add or remove its files.",
          ArticleAccess.isAuthor(caller, article) ? 409 : 403);
    }
    return article;
  }

  private FileChecks.Kind checked(Upload upload) {
    try {
      FileChecks.checkName(upload.fileName());
      if (upload.size() > maxSize()) {
        throw new UploadRefused(
            413,
            "The file is "
                + Sizes.words(upload.size())
                + "; files can be at most "
                + Sizes.words(maxSize())
                + ".");
      }
      if (!checking.tryAcquire(30, TimeUnit.SECONDS)) {
        throw new WebApplicationException(
            "Many files are being checked right now; try again in a minute.", 503);
      }
      try {
        return FileChecks.check(
            upload.file(), upload.fileName(), config.maxUnpackedSize().asLongValue());
      } finally {
        checking.release();
      }
    } catch (UploadRefused refused) {
      throw new WebApplicationException(refused.getMessage(), refused.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebApplicationException("The upload was interrupted; try again.", 503);
    }
  }

  /** {@code survey-data.csv}, or {@code survey-data-2.csv} when the article has one already. */
  private static String freeName(long articleId, String label, FileChecks.Kind kind) {
    String base;
    try {
      base = Slug.from(label);
    } catch (IllegalArgumentException e) {
      base = kind.extension.toLowerCase(Locale.ROOT);
    }
    if (base.length() > 100) {
      base = base.substring(0, 100).replaceAll("-+$", "");
    }
    String name = base + "." + kind.extension;
    for (int n = 2; ArticleFile.findByName(articleId, name).isPresent(); n++) {
      name = base + "-" + n + "." + kind.extension;
    }
    return name;
  }
}
