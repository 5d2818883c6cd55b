package org.stet.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An image in the site's media library, cited in bodies as {@code ![alt](/media/<key>)}. */
@Entity
@Table(name = "media_item")
public class MediaItem extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Random, unguessable: 128 bits, base64url. */
  public String key;

  /** The uploaded file's name, for finding it in the library. */
  public String name;

  /** The description proposed when it is inserted into a text. */
  public String alt;

  @Enumerated(EnumType.STRING)
  public ImageChecks.Kind kind;

  public int width;

  public int height;

  /** Changes when the image is replaced: part of its variants' addresses, so caches renew. */
  public String version;

  @Column(name = "added_by")
  public Long addedBy;

  @Column(name = "added_at", insertable = false, updatable = false)
  public Instant addedAt;

  public static Optional<MediaItem> findByKey(String key) {
    return find("key", key).firstResultOptional();
  }

  /** PNG and GIF uploads are served as PNG (line art, transparency); the rest as JPEG. */
  public boolean png() {
    return kind == ImageChecks.Kind.PNG || kind == ImageChecks.Kind.GIF;
  }

  public String extension() {
    return png() ? "png" : "jpg";
  }

  public String contentType() {
    return png() ? "image/png" : "image/jpeg";
  }
}
