package org.stet.media.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.audit.AuditAction;
import org.stet.audit.AuditLog;
import org.stet.identity.Role;
import org.stet.markdown.ImageResolver;
import org.stet.media.BlobStore;
import org.stet.media.ImageChecks;
import org.stet.media.ImageSizes;
import org.stet.media.MediaItem;
import org.stet.media.MediaVariant;
import org.stet.media.UploadRefused;
import org.stet.media.config.MediaConfig;
import org.stet.media.service.FileService.Upload;

/**
 * The site's media library: images uploaded for figures (from an article's editor), checked like
 * author photos and re-encoded in four widths without metadata; searched, replaced everywhere (a
 * new version, so every page renews) and deleted only when no text uses them.
 */
@ApplicationScoped
@Transactional
public class MediaService {

  /** The widths served (each no wider than the upload); pages choose with {@code srcset}. */
  public static final int[] WIDTHS = {480, 800, 1200, 1600};

  /** The widest of them. */
  public static final int WIDEST = 1600;

  /** An image of the library changed (replaced or deleted): every page showing it may differ. */
  public record MediaChanged(String key) {}

  /** An article whose text shows an image. */
  public record Use(long articleId, String title, String status) {}

  private final BlobStore blobs;
  private final MediaConfig config;
  private final AuditLog audit;
  private final Event<MediaChanged> changed;
  private final SecureRandom random = new SecureRandom();

  /** How known images are shown, briefly: other instances see a replacement within a minute. */
  private final Cache<String, Optional<ImageResolver.Image>> shown =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  MediaService(BlobStore blobs, MediaConfig config, AuditLog audit, Event<MediaChanged> changed) {
    this.blobs = blobs;
    this.config = config;
    this.audit = audit;
    this.changed = changed;
  }

  /** The largest image accepted, in bytes. */
  public long maxImageSize() {
    return config.maxImageSize().asLongValue();
  }

  /** Adds an image for a figure of article {@code articleId}, by one who may change its text. */
  public MediaItem add(Caller caller, long articleId, Upload upload, String alt) {
    Article article = ArticleAccess.visible(caller, articleId, false);
    if (!FileService.canChange(caller, article)) {
      throw new WebApplicationException(
          "Only the article's authors (while it is a draft or revisions are requested) and"
              + " editors add its images.",
          ArticleAccess.isAuthor(caller, article) ? 409 : 403);
    }
    if (alt != null && alt.strip().length() > 1000) {
      throw new BadRequestException("The description (alt text) is longer than 1000 characters.");
    }
    byte[] bytes = read(upload);
    return create(caller, upload.fileName(), bytes, checked(upload, bytes), alt);
  }

  /**
   * Adds an image found in a Word manuscript the caller (an author) imports into their own draft;
   * {@code checked} is the image as {@link ImageChecks#check} read it.
   */
  public MediaItem addImported(
      Caller caller, String fileName, byte[] bytes, ImageChecks.Checked checked, String alt) {
    if (!caller.is(Role.AUTHOR) && !caller.is(Role.EDITOR)) {
      throw new WebApplicationException("Only authors and editors import manuscripts.", 403);
    }
    return create(caller, fileName, bytes, checked, alt);
  }

  private MediaItem create(
      Caller caller, String fileName, byte[] bytes, ImageChecks.Checked checked, String alt) {
    String description = alt == null ? "" : alt.strip();
    MediaItem item = new MediaItem();
    item.key = newKey();
    item.name = fileName == null || fileName.isBlank() ? "image" : fileName;
    item.alt = description.substring(0, Math.min(1000, description.length()));
    item.kind = checked.kind();
    item.addedBy = caller.accountId();
    store(item, checked, bytes);
    audit.record(caller.auditActor(), AuditAction.MEDIA_ADDED, "media " + item.key, item.name);
    return item;
  }

  /** Replaces the image everywhere it is shown (editors, and whoever added it). */
  public MediaItem replace(Caller caller, String key, Upload upload) {
    MediaItem item = owned(caller, key);
    byte[] bytes = read(upload);
    ImageChecks.Checked checked = checked(upload, bytes);
    for (MediaVariant variant : MediaVariant.of(item.id)) {
      variant.delete();
      blobs.delete(variant.blobId);
    }
    MediaVariant.getEntityManager().flush();
    item.kind = checked.kind();
    store(item, checked, bytes);
    audit.record(
        caller.auditActor(), AuditAction.MEDIA_REPLACED, "media " + key, upload.fileName());
    shown.invalidate(key);
    changed.fire(new MediaChanged(key));
    return item;
  }

  /** Deletes an image no text shows any more; refused (409) while one does. */
  public void delete(Caller caller, String key) {
    MediaItem item = owned(caller, key);
    List<Use> uses = usage(key);
    if (!uses.isEmpty()) {
      throw new WebApplicationException(
          "This image is still shown in "
              + uses.size()
              + (uses.size() == 1 ? " article" : " articles")
              + " (\""
              + uses.get(0).title()
              + "\""
              + (uses.size() > 1 ? " and others" : "")
              + "); take it out of the text first.",
          409);
    }
    List<MediaVariant> variants = MediaVariant.of(item.id);
    item.delete();
    variants.forEach(variant -> blobs.delete(variant.blobId));
    audit.record(caller.auditActor(), AuditAction.MEDIA_DELETED, "media " + key, item.name);
    shown.invalidate(key);
    changed.fire(new MediaChanged(key));
  }

  /** The articles whose text shows the image, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Use> usage(String key) {
    return usage(List.of(key)).getOrDefault(key, List.of());
  }

  /** For each of {@code keys}, the articles whose text shows it, newest first: one query. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, List<Use>> usage(List<String> keys) {
    Map<String, List<Use>> uses = new HashMap<>();
    if (keys.isEmpty()) {
      return uses;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        Article.getEntityManager()
            .createNativeQuery(
                "select k.key, a.id, a.title, a.status from unnest(cast(?1 as text[])) as k(key)"
                    + " join article a on position('/media/' || k.key in a.body) > 0"
                    + " order by a.id desc")
            .setParameter(1, keys.toArray(String[]::new))
            .getResultList();
    for (Object[] row : rows) {
      uses.computeIfAbsent((String) row[0], key -> new ArrayList<>())
          .add(new Use(((Number) row[1]).longValue(), (String) row[2], (String) row[3]));
    }
    return uses;
  }

  /** A page of the library, newest first; {@code query} finds names containing it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MediaItem> library(String query, Long before, int size) {
    String name = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
    String pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return MediaItem.find(
            "lower(name) like ?1 and id < ?2 order by id desc",
            pattern,
            before == null ? Long.MAX_VALUE : before)
        .page(0, size)
        .list();
  }

  /** How pages show the image at {@code src} ({@code /media/<key>}), when it is in the library. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ImageResolver.Image> resolve(String src) {
    if (src == null || !src.matches("/media/[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    String key = src.substring("/media/".length());
    Optional<ImageResolver.Image> known = shown.getIfPresent(key);
    if (known != null) {
      return known;
    }
    Optional<ImageResolver.Image> image = MediaItem.findByKey(key).map(MediaService::image);
    if (image.isPresent()) {
      shown.put(key, image);
    }
    return image;
  }

  private static ImageResolver.Image image(MediaItem item) {
    List<MediaVariant> variants = MediaVariant.of(item.id);
    List<String> srcset = new ArrayList<>();
    MediaVariant middle = variants.get(0);
    MediaVariant largest = variants.get(variants.size() - 1);
    for (MediaVariant variant : variants) {
      srcset.add(url(item, variant.width) + " " + variant.width + "w");
      if (variant.width <= 800) {
        middle = variant;
      }
    }
    return new ImageResolver.Image(
        url(item, middle.width), String.join(", ", srcset), largest.width, largest.height);
  }

  /** Where one width of the item is served: immutable, since a new version has a new address. */
  public static String url(MediaItem item, int width) {
    return "/media/" + item.key + "/" + item.version + "/" + width + "." + item.extension();
  }

  private void store(MediaItem item, ImageChecks.Checked checked, byte[] bytes) {
    List<ImageSizes.Sized> sized = ImageSizes.widths(checked, item.png(), WIDTHS);
    ImageSizes.Sized largest = sized.get(sized.size() - 1);
    item.width = largest.width();
    item.height = largest.height();
    item.version = HexFormat.of().formatHex(sha256(bytes)).substring(0, 12);
    if (item.id == null) {
      item.persist();
    }
    for (ImageSizes.Sized one : sized) {
      try {
        BlobStore.Stored stored = blobs.put(new ByteArrayInputStream(one.bytes()));
        MediaVariant variant = new MediaVariant();
        variant.mediaId = item.id;
        variant.width = one.width();
        variant.height = one.height();
        variant.blobId = stored.id();
        variant.size = stored.size();
        variant.persist();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private byte[] read(Upload upload) {
    if (upload == null || upload.file() == null) {
      throw new BadRequestException("Choose an image to upload.");
    }
    long max = config.maxImageSize().asLongValue();
    try {
      ImageChecks.checkSize(upload.size(), max);
      return Files.readAllBytes(upload.file());
    } catch (UploadRefused refused) {
      throw new WebApplicationException(refused.getMessage(), refused.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImageChecks.Checked checked(Upload upload, byte[] bytes) {
    try {
      return ImageChecks.check(
          upload.fileName(), bytes, config.maxImageSize().asLongValue(), WIDTHS[WIDTHS.length - 1]);
    } catch (UploadRefused refused) {
      throw new WebApplicationException(refused.getMessage(), refused.status());
    }
  }

  private MediaItem owned(Caller caller, String key) {
    MediaItem item = MediaItem.findByKey(key).orElseThrow(NotFoundException::new);
    if (!caller.is(Role.EDITOR) && !java.util.Objects.equals(item.addedBy, caller.accountId())) {
      throw new WebApplicationException(
          "Only editors, and whoever added an image, replace or delete it.", 403);
    }
    return item;
  }

  private String newKey() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
