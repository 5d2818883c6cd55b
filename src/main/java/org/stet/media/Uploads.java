package org.stet.media;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.stet.media.service.FileService;

/** A multipart file as the media services take it (on disk, with the browser's name). */
public final class Uploads {

  private Uploads() {}

  /** The upload; null when the form had no file. */
  public static FileService.Upload of(FileUpload file) {
    return file == null || file.uploadedFile() == null
        ? null
        : new FileService.Upload(file.uploadedFile(), file.fileName(), file.size());
  }
}
