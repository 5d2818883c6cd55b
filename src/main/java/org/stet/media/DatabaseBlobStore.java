package org.stet.media;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Blobs as rows of 1 MB chunks ({@code blob}, {@code blob_chunk}): written through the
 * transaction's entity manager, read with a cursor of its own, one chunk at a time, so a 50 MB file
 * costs a megabyte of memory to store or serve.
 */
@ApplicationScoped
public class DatabaseBlobStore implements BlobStore {

  static final int CHUNK = 1 << 20;

  private final EntityManager entityManager;
  private final AgroalDataSource dataSource;

  DatabaseBlobStore(EntityManager entityManager, AgroalDataSource dataSource) {
    this.entityManager = entityManager;
    this.dataSource = dataSource;
  }

  @Override
  public Stored put(InputStream in) throws IOException {
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into blob (size, sha256) values (0, repeat('0', 64)) returning id")
                    .getSingleResult())
            .longValue();
    MessageDigest digest = sha256();
    byte[] buffer = new byte[CHUNK];
    long size = 0;
    int number = 0;
    int filled;
    while ((filled = in.readNBytes(buffer, 0, CHUNK)) > 0) {
      digest.update(buffer, 0, filled);
      byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
      entityManager
          .createNativeQuery("insert into blob_chunk (blob_id, number, data) values (?1, ?2, ?3)")
          .setParameter(1, id)
          .setParameter(2, number++)
          .setParameter(3, chunk)
          .executeUpdate();
      size += filled;
      if (filled < CHUNK) {
        break;
      }
    }
    String hash = HexFormat.of().formatHex(digest.digest());
    entityManager
        .createNativeQuery("update blob set size = ?1, sha256 = ?2 where id = ?3")
        .setParameter(1, size)
        .setParameter(2, hash)
        .setParameter(3, id)
        .executeUpdate();
    return new Stored(id, size, hash);
  }

  @Override
  public void copy(long id, OutputStream out) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
      try (PreparedStatement query =
          connection.prepareStatement(
              "select data from blob_chunk where blob_id = ? order by number")) {
        query.setFetchSize(1);
        query.setLong(1, id);
        try (ResultSet chunks = query.executeQuery()) {
          while (chunks.next()) {
            out.write(chunks.getBytes(1));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IOException("Could not read blob " + id, e);
    }
  }

  @Override
  public void delete(long id) {
    entityManager
        .createNativeQuery("delete from blob where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
