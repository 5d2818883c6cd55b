package org.stet.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** One width of a media item, as served. */
@Entity
@Table(name = "media_variant")
@IdClass(MediaVariant.Key.class)
public class MediaVariant extends PanacheEntityBase {

  /** Primary key: item and width. */
  public record Key(Long mediaId, Integer width) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "media_id")
  public Long mediaId;

  @Id public Integer width;

  public int height;

  @Column(name = "blob_id")
  public long blobId;

  public long size;

  public static List<MediaVariant> of(long mediaId) {
    return list("mediaId = ?1 order by width", mediaId);
  }
}
