package dev.visionary.generate;

import dev.visionary.config.Config;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.web.ShortIds;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Images in PostgreSQL, or in object storage when one is configured: bytes stored once per distinct content
 * (sha256), a thumbnail made once at save, and every PNG stamped with its prompt and parameters in AUTOMATIC1111's
 * format. With object storage the row keeps the object keys instead of the bytes.
 */
public final class ImageStore {

  /** An image as listed on pages. */
  public record StoredImage(String id, String jobId, long ownerId, String promptId, int width, int height, Long seed,
      String revisedPrompt, String sha256Hex, String mimeType) {
    /** Where the image is served, for pages outside this feature that show it. */
    public String url() {
      return ImageRoutes.url(id);
    }

    public String thumbnailUrl() {
      return ImageRoutes.thumbnailUrl(id);
    }
  }

  /** The bytes to send, with the tag that identifies them. */
  public record ImageBytes(byte[] bytes, String mimeType, String etag) {}

  private final Jdbi jdbi;
  private final Optional<ObjectStore> objects;

  public ImageStore(Jdbi jdbi, Optional<Config.ObjectStorage> objects) {
    this.jdbi = jdbi;
    this.objects = objects.map(target -> new ObjectStore(target, Clock.systemUTC()));
  }

  /** Saves a job's images inside the caller's transaction (the one that marks the job succeeded). */
  List<String> save(Handle h, Job job, ImageEngine engine, List<GeneratedImage> images) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      GeneratedImage image = images.get(i);
      byte[] bytes = ImageFiles.stamp(image, job, engine);
      byte[] sha = sha256(bytes);
      Thumbnail thumb = Thumbnails.of(bytes);
      String objectKey = null;
      String thumbKey = null;
      if (objects.isPresent()) {
        ObjectStore store = objects.get();
        String hex = HexFormat.of().formatHex(sha);
        objectKey = store.key(hex + ImageFiles.extension(image.mimeType()));
        thumbKey = store.key(hex + "-thumb" + ImageFiles.extension(thumb.mimeType()));
        // Taken back from the sweep first: the row lock makes a sweep deleting these objects finish before the
        // upload, or skip them. Uploaded before the row commits: an orphan object is harmless, a row without one is not.
        h.createUpdate("delete from released_objects where key in (:image, :thumb)")
            .bind("image", objectKey).bind("thumb", thumbKey).execute();
        store.put(objectKey, bytes, image.mimeType());
        store.put(thumbKey, thumb.bytes(), thumb.mimeType());
      }
      h.createUpdate("insert into image_blobs (sha256, mime_type, bytes, thumb, thumb_mime, size_bytes, object_key, thumb_key) "
              + "values (:sha, :mime, :bytes, :thumb, :thumbMime, :size, :objectKey, :thumbKey) on conflict (sha256) do nothing")
          .bind("sha", sha)
          .bind("mime", image.mimeType())
          .bind("bytes", objectKey == null ? bytes : null)
          .bind("thumb", objectKey == null ? thumb.bytes() : null)
          .bind("thumbMime", thumb.mimeType())
          .bind("size", bytes.length)
          .bind("objectKey", objectKey)
          .bind("thumbKey", thumbKey)
          .execute();
      String id = ShortIds.next();
      ids.add(id);
      h.createUpdate("insert into images (id, job_id, owner_id, sha256, position, width, height, seed, revised_prompt) "
              + "values (:id, :job, :owner, :sha, :position, :width, :height, :seed, :revised)")
          .bind("id", id)
          .bind("job", job.id())
          .bind("owner", job.ownerId())
          .bind("sha", sha)
          .bind("position", i)
          .bind("width", image.width())
          .bind("height", image.height())
          .bind("seed", image.seed())
          .bind("revised", image.revisedPrompt())
          .execute();
    }
    return ids;
  }

  /** {@link #SELECT}'s columns to the record by name. */
  private static final RowMapper<StoredImage> IMAGE = ConstructorMapper.of(StoredImage.class);
  private static final String SELECT = "select i.id, i.job_id, i.owner_id, j.prompt_id, i.width, i.height, i.seed, i.revised_prompt, "
      + "encode(i.sha256, 'hex') as sha256_hex, b.mime_type from images i join generation_jobs j on j.id = i.job_id "
      + "join image_blobs b on b.sha256 = i.sha256 ";

  public List<StoredImage> forJob(String jobId) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "where i.job_id = :job order by i.position")
        .bind("job", jobId).map(IMAGE).list());
  }

  /** The images its owner generated from a saved prompt, newest first. */
  public List<StoredImage> forPrompt(String promptId, long ownerId, int limit) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "where j.prompt_id = :prompt and i.owner_id = :owner "
            + "order by i.created_at desc, i.position limit :limit")
        .bind("prompt", promptId).bind("owner", ownerId).bind("limit", limit).map(IMAGE).list());
  }

  public List<StoredImage> recent(long ownerId, int limit) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "where i.owner_id = :owner order by i.created_at desc, i.position limit :limit")
        .bind("owner", ownerId).bind("limit", limit).map(IMAGE).list());
  }

  public Optional<StoredImage> find(String id) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "where i.id = :id").bind("id", id).map(IMAGE).findOne());
  }

  /** What deciding access to an image needs: the tag of its content, its owner, and the saved prompt it belongs to. */
  record Access(String sha256Hex, long ownerId, String promptId) {}

  /**
   * One indexed read of the image's row and its job, touching no image bytes: enough to answer the owner's
   * revalidation (304) without {@link #find} and {@link #bytes}. Whether anyone else may read it is the
   * library's rule, asked of it through {@link PromptLinks}.
   */
  Optional<Access> access(String id) {
    return jdbi.withHandle(h -> h.createQuery("select encode(i.sha256, 'hex') as sha256_hex, i.owner_id, j.prompt_id "
            + "from images i join generation_jobs j on j.id = i.job_id where i.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new Access(rs.getString("sha256_hex"), rs.getLong("owner_id"), rs.getString("prompt_id")))
        .findOne());
  }

  /** The validator of an image's bytes or its thumbnail: their content never changes under an id. */
  static String etag(String sha256Hex, boolean thumbnail) {
    return "\"" + sha256Hex + (thumbnail ? "-t" : "") + "\"";
  }

  Optional<ImageBytes> bytes(StoredImage image, boolean thumbnail) {
    String sql = thumbnail
        ? "select thumb as bytes, thumb_mime as mime from image_blobs where sha256 = decode(:sha, 'hex')"
        : "select bytes, mime_type as mime from image_blobs where sha256 = decode(:sha, 'hex')";
    String etag = etag(image.sha256Hex(), thumbnail);
    return jdbi.withHandle(h -> h.createQuery(sql)
        .bind("sha", image.sha256Hex())
        .map((rs, ctx) -> new ImageBytes(rs.getBytes("bytes"), rs.getString("mime"), etag))
        .findOne());
  }

  /**
   * Where storage serves this image, when it lives there: a presigned URL issued only to a viewer who passed the
   * access check. Empty without object storage, and for pictures saved to PostgreSQL before it was configured.
   */
  /** Whether new images go to object storage (and some may be served from there). */
  boolean usesObjectStorage() {
    return objects.isPresent();
  }

  Optional<URI> objectUrl(StoredImage image, boolean thumbnail, String downloadName) {
    if (objects.isEmpty()) {
      return Optional.empty();
    }
    String column = thumbnail ? "thumb_key" : "object_key";
    return jdbi.withHandle(h -> h.createQuery("select " + column + " from image_blobs where sha256 = decode(:sha, 'hex')")
        .bind("sha", image.sha256Hex()).mapTo(String.class).findOne())
        .map(key -> objects.get().presignedGet(key, downloadName));
  }

  /** Deletes objects whose last image went, a batch at a time; returns how many. */
  public int sweepReleasedObjects() {
    if (objects.isEmpty()) {
      return 0;
    }
    int swept = 0;
    for (int i = 0; i < 100; i++) {
      // One key per transaction: its row stays locked while the object is deleted, so a save of the same bytes waits.
      boolean deleted = jdbi.inTransaction(h -> h.createQuery("delete from released_objects where key = "
              + "(select key from released_objects order by released_at limit 1 for update skip locked) returning key")
          .mapTo(String.class).findOne()
          .map(key -> {
            objects.get().delete(key);
            return true;
          }).orElse(false));
      if (!deleted) {
        break;
      }
      swept++;
    }
    return swept;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
