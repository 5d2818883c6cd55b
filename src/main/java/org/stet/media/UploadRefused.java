package org.stet.media;

/** Why an upload was refused: a message for the person and the status to answer with. */
public final class UploadRefused extends Exception {

  private final int status;

  public UploadRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 (not accepted, damaged, unsafe), 413 (too large) or 503 (busy). */
  public int status() {
    return status;
  }
}
