package dev.visionary.generate;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.web.ShortIds;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Images in PostgreSQL: bytes stored once per distinct content (sha256), a thumbnail made once at
 * save, and every PNG stamped with its prompt and parameters in AUTOMATIC1111's format.
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

  public ImageStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Saves a job's images inside the caller's transaction (the one that marks the job succeeded). */
  List<String> save(Handle h, Job job, ImageEngine engine, List<GeneratedImage> images) {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      GeneratedImage image = images.get(i);
      byte[] bytes = ImageFiles.stamp(image, job, engine);
      byte[] sha = sha256(bytes);
      Thumbnail thumb = Thumbnails.of(bytes);
      h.createUpdate("insert into image_blobs (sha256, mime_type, bytes, thumb, thumb_mime, size_bytes) "
              + "values (:sha, :mime, :bytes, :thumb, :thumbMime, :size) on conflict (sha256) do nothing")
          .bind("sha", sha)
          .bind("mime", image.mimeType())
          .bind("bytes", bytes)
          .bind("thumb", thumb.bytes())
          .bind("thumbMime", thumb.mimeType())
          .bind("size", bytes.length)
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

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
