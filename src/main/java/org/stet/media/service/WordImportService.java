package org.stet.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.stet.article.Article;
import org.stet.article.service.ArticleAccess;
import org.stet.article.service.Caller;
import org.stet.article.service.DraftService;
import org.stet.article.service.DraftService.DraftText;
import org.stet.media.DocxConverter;
import org.stet.media.FileChecks;
import org.stet.media.ImageChecks;
import org.stet.media.MediaItem;
import org.stet.media.Sizes;
import org.stet.media.UploadRefused;
import org.stet.media.config.MediaConfig;
import org.stet.media.service.FileService.Upload;

/**
 * Word manuscripts into drafts: a .docx starts a new article, or becomes a new revision of the
 * caller's own draft (never replacing the text without one, and only from the version the writer
 * saw). Its images go into the media library; what could not be converted is listed.
 */
@ApplicationScoped
@Transactional
public class WordImportService {

  /** The draft made or changed, and what of the manuscript was not converted. */
  public record Imported(Article article, List<String> warnings) {}

  private final DraftService drafts;
  private final MediaService media;
  private final MediaConfig config;

  WordImportService(DraftService drafts, MediaService media, MediaConfig config) {
    this.drafts = drafts;
    this.media = media;
    this.config = config;
  }

  /** A new draft from the manuscript; its title is the document's, or the file's name. */
  public Imported importNew(Caller caller, Upload upload) {
    DocxConverter.Converted converted = converted(upload);
    String body = withImages(caller, converted);
    String title =
        converted.title() == null || converted.title().isBlank()
            ? fileTitle(upload.fileName())
            : converted.title();
    Article article = drafts.create(caller, new DraftText(title, body, null, null));
    return new Imported(article, converted.warnings());
  }

  /**
   * A new revision of draft {@code articleId} from the manuscript, started from {@code version}.
   */
  public Imported importRevision(Caller caller, long articleId, Upload upload, long version) {
    Article article = ArticleAccess.visible(caller, articleId, false);
    if (!ArticleAccess.canEditText(caller, article)) {
      throw new WebApplicationException(ArticleAccess.whyNotEditable(caller, article), 409);
    }
    DocxConverter.Converted converted = converted(upload);
    String body = withImages(caller, converted);
    String title =
        converted.title() == null || converted.title().isBlank()
            ? article.title
            : converted.title();
    Article changed =
        drafts.edit(caller, articleId, new DraftText(title, body, article.excerpt, version));
    return new Imported(changed, converted.warnings());
  }

  private DocxConverter.Converted converted(Upload upload) {
    if (upload == null || upload.file() == null) {
      throw new BadRequestException("Choose a Word file (.docx) to import.");
    }
    long max = config.maxDocxSize().asLongValue();
    if (upload.size() > max) {
      throw new WebApplicationException(
          "The file is "
              + Sizes.words(upload.size())
              + "; Word files can be at most "
              + Sizes.words(max)
              + ". Save the images in it smaller, or import the text without them.",
          413);
    }
    String notWord =
        "This is not a Word .docx file. In Word choose File → Save As → Word Document (.docx);"
            + " older .doc files and other formats cannot be imported.";
    try (InputStream head = Files.newInputStream(upload.file())) {
      byte[] magic = head.readNBytes(4);
      if (magic.length < 4
          || magic[0] != 'P'
          || magic[1] != 'K'
          || magic[2] != 3
          || magic[3] != 4) {
        throw new BadRequestException(notWord);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      FileChecks.checkName(upload.fileName());
      FileChecks.Kind kind =
          FileChecks.check(
              upload.file(), upload.fileName(), config.maxUnpackedSize().asLongValue());
      if (kind != FileChecks.Kind.DOCX) {
        throw new BadRequestException(notWord);
      }
    } catch (UploadRefused refused) {
      throw new WebApplicationException(refused.getMessage(), refused.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = Files.newInputStream(upload.file())) {
      return DocxConverter.convert(in);
    } catch (IOException | RuntimeException e) {
      throw new BadRequestException(
          "The Word file could not be read: it is damaged, or uses parts Stet cannot read. Open it"
              + " in Word or LibreOffice and save it again as .docx.");
    }
  }

  /**
   * The Markdown with each image stored in the media library and cited by its address. An image
   * Stet cannot take (a Windows metafile, a damaged one) is left out and listed; it is checked
   * here, before the library is asked, so a refusal cannot undo the whole import.
   */
  private String withImages(Caller caller, DocxConverter.Converted converted) {
    String body = converted.markdown();
    int number = 0;
    for (DocxConverter.Image image : converted.images()) {
      number++;
      ImageChecks.Checked checked;
      try {
        checked =
            ImageChecks.check(
                image.fileName(), image.bytes(), media.maxImageSize(), MediaService.WIDEST);
      } catch (UploadRefused refused) {
        converted.warnings().add("Image " + number + " was not imported: " + refused.getMessage());
        body = body.replaceAll("!\\[[^\\]]*\\]\\(" + image.token() + "[^)]*\\)", "");
        body = body.replace(image.token(), "");
        continue;
      }
      MediaItem item =
          media.addImported(caller, image.fileName(), image.bytes(), checked, image.alt());
      String url = "/media/" + item.key;
      body = body.replace("](" + image.token(), "](" + url);
      body = body.replace(image.token(), "![" + image.alt().replace("]", "\\]") + "](" + url + ")");
    }
    return body;
  }

  private static String fileTitle(String fileName) {
    String name = fileName == null ? "" : fileName.replaceAll("(?i)\\.docx$", "").strip();
    return name.isEmpty() ? "Imported manuscript" : name;
  }
}
