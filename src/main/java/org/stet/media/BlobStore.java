package org.stet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where uploaded bytes are kept: PostgreSQL by default ({@link DatabaseBlobStore}); an
 * S3-compatible store can implement the same four operations. Writes join the caller's transaction,
 * so an upload that fails half-way leaves nothing behind.
 */
public interface BlobStore {

  /** A stored blob: its id, size in bytes and SHA-256 (hex), which pages use as the ETag. */
  record Stored(long id, long size, String sha256) {}

  /** Stores everything {@code in} gives, reading it in chunks; never holds it whole. */
  Stored put(InputStream in) throws IOException;

  /** Writes blob {@code id} to {@code out}, chunk by chunk. */
  void copy(long id, OutputStream out) throws IOException;

  /** Removes blob {@code id}; nothing happens when there is none. */
  void delete(long id);
}
