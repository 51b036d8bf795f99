package dev.visionary.generate;

import dev.visionary.config.Config;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.web.PageReads;
import dev.visionary.web.Ratings;
import dev.visionary.web.ShortIds;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

  /** An image as listed on pages; {@code rating} is its owner's, for their pages only. */
  public record StoredImage(String id, String jobId, long ownerId, String promptId, int width, int height, Long seed,
      String revisedPrompt, String sha256Hex, String mimeType, Short rating) {
    /** Where the image is served, for pages outside this feature that show it. */
    public String url() {
      return ImageRoutes.url(id);
    }

    public String thumbnailUrl() {
      return ImageRoutes.thumbnailUrl(id);
    }

    /** Its rating widget on its owner's page {@code back}, where a rating sent without JavaScript returns. */
    public Ratings.Widget ratingWidget(String back) {
      return ImageRoutes.ratingWidget(id, rating, back);
    }

    public boolean rejected() {
      return Ratings.rejected(rating);
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

  /** A job's image ready to store: stamped, hashed and thumbnailed before any connection is taken. */
  record Prepared(GeneratedImage image, byte[] bytes, byte[] sha, Thumbnail thumb, String objectKey, String thumbKey) {}

  /**
   * The blob an upload pinned went away before the job's rows were written (its last other image was deleted and the
   * sweep may have taken its objects): the upload is to be made again.
   */
  static final class BlobGone extends RuntimeException {
    BlobGone() {
      super("an image's stored bytes were released while it was uploaded", null, false, false);
    }
  }

  /** Stamps each image with its prompt, hashes it and makes its thumbnail: the CPU work, done with no connection held. */
  List<Prepared> prepare(Job job, ImageEngine engine, List<GeneratedImage> images) {
    List<Prepared> prepared = new ArrayList<>();
    for (GeneratedImage image : images) {
      byte[] bytes = ImageFiles.stamp(image, job, engine);
      byte[] sha = sha256(bytes);
      Thumbnail thumb = Thumbnails.of(bytes);
      String objectKey = null;
      String thumbKey = null;
      if (objects.isPresent()) {
        String hex = HexFormat.of().formatHex(sha);
        objectKey = objects.get().key(hex + ImageFiles.extension(image.mimeType()));
        thumbKey = objects.get().key(hex + "-thumb" + ImageFiles.extension(thumb.mimeType()));
      }
      prepared.add(new Prepared(image, bytes, sha, thumb, objectKey, thumbKey));
    }
    return prepared;
  }

  /**
   * With object storage, puts the images' objects there, holding no connection while the uploads run. First, in one
   * short transaction, each image's blob row is written (keys only), which pins it: a blob is deleted, and its keys
   * released to the sweep, only when its last image goes. Its keys are also taken back from the sweep; a sweep
   * deleting them holds their row, so that waits until the sweep is done and the upload comes after it. If the
   * process dies after this, a blob row without images is left (and perhaps its objects): storage not freed, but
   * no image row points at a missing object, as image rows are written only by {@link #save} after the uploads.
   */
  void upload(List<Prepared> images) {
    if (objects.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> {
      for (Prepared p : images) {
        insertBlob(h, p);
        h.createUpdate("delete from released_objects where key in (:image, :thumb)")
            .bind("image", p.objectKey()).bind("thumb", p.thumbKey()).execute();
      }
    });
    for (Prepared p : images) {
      objects.get().put(p.objectKey(), p.bytes(), p.image().mimeType());
      objects.get().put(p.thumbKey(), p.thumb().bytes(), p.thumb().mimeType());
    }
  }

  /**
   * Writes a job's image rows inside the caller's transaction (the one that marks the job succeeded): with object
   * storage after {@link #upload}, otherwise with the bytes in PostgreSQL.
   *
   * @throws BlobGone when a blob {@link #upload} pinned was deleted meanwhile; upload and save again
   */
  List<String> save(Handle h, Job job, List<Prepared> images) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Prepared p = images.get(i);
      if (insertBlob(h, p) && objects.isPresent()) {
        throw new BlobGone(); // written now, so its pin is gone and the sweep may have deleted the uploaded objects
      }
      String id = ShortIds.next();
      ids.add(id);
      h.createUpdate("insert into images (id, job_id, owner_id, sha256, position, width, height, seed, revised_prompt) "
              + "values (:id, :job, :owner, :sha, :position, :width, :height, :seed, :revised)")
          .bind("id", id)
          .bind("job", job.id())
          .bind("owner", job.ownerId())
          .bind("sha", p.sha())
          .bind("position", i)
          .bind("width", p.image().width())
          .bind("height", p.image().height())
          .bind("seed", p.image().seed())
          .bind("revised", p.image().revisedPrompt())
          .execute();
    }
    return ids;
  }

  /** The image's blob row, unless one with these bytes is there; true when this wrote it. */
  private boolean insertBlob(Handle h, Prepared p) {
    boolean stored = p.objectKey() != null;
    return h.createUpdate("insert into image_blobs (sha256, mime_type, bytes, thumb, thumb_mime, size_bytes, object_key, thumb_key) "
            + "values (:sha, :mime, :bytes, :thumb, :thumbMime, :size, :objectKey, :thumbKey) on conflict (sha256) do nothing")
        .bind("sha", p.sha())
        .bind("mime", p.image().mimeType())
        .bind("bytes", stored ? null : p.bytes())
        .bind("thumb", stored ? null : p.thumb().bytes())
        .bind("thumbMime", p.thumb().mimeType())
        .bind("size", p.bytes().length)
        .bind("objectKey", p.objectKey())
        .bind("thumbKey", p.thumbKey())
        .execute() == 1;
  }

  /** Far above any picture an engine returns (an uncompressed-looking 4K PNG is about 25 MB). */
  private static final int MAX_STORED_OBJECT = 64 << 20;
  /** {@link #SELECT}'s columns to the record by name. */
  private static final RowMapper<StoredImage> IMAGE = ConstructorMapper.of(StoredImage.class);
  private static final String SELECT = "select i.id, i.job_id, i.owner_id, j.prompt_id, i.width, i.height, i.seed, i.revised_prompt, "
      + "encode(i.sha256, 'hex') as sha256_hex, b.mime_type, i.rating from images i join generation_jobs j on j.id = i.job_id "
      + "join image_blobs b on b.sha256 = i.sha256 ";

  /** The images of each of these jobs, in order, by job id; no query when there are none. */
  Map<String, List<StoredImage>> forJobs(List<String> jobIds) {
    if (jobIds.isEmpty()) {
      return Map.of();
    }
    List<StoredImage> images = jdbi.withHandle(h -> h.createQuery(SELECT + "where i.job_id = any(:jobs) order by i.job_id, i.position")
        .bindArray("jobs", String.class, jobIds).map(IMAGE).list());
    return images.stream().collect(Collectors.groupingBy(StoredImage::jobId, LinkedHashMap::new, Collectors.toList()));
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

  /**
   * One page of the person's images for /images: newest first, or best rated first ({@link Ratings#rank}), keeping
   * only those rated at least {@code minimum} when it is not null. One more than {@code limit} tells of a next page.
   */
  List<StoredImage> owned(long ownerId, boolean bestFirst, Integer minimum, int limit, int offset) {
    String filter = minimum == null ? "" : "and " + Ratings.rank("i.rating") + " >= :minimum ";
    String order = (bestFirst ? Ratings.rank("i.rating") + " desc, " : "") + "i.created_at desc, i.position, i.id";
    return jdbi.withHandle(h -> {
      var query = h.createQuery(SELECT + "where i.owner_id = :owner " + filter + "order by " + order + " limit :limit offset :offset")
          .bind("owner", ownerId).bind("limit", limit).bind("offset", offset);
      if (minimum != null) {
        query.bind("minimum", minimum);
      }
      return query.map(IMAGE).list();
    });
  }

  /** Sets its owner's rating of an image (null clears it); their revision moves with it (V22). */
  void rate(String id, Short rating) {
    jdbi.useHandle(h -> h.createUpdate("update images set rating = :rating where id = :id").bind("id", id).bind("rating", rating).execute());
  }

  public Optional<StoredImage> find(String id) {
    return jdbi.withHandle(h -> h.createQuery(SELECT + "where i.id = :id").bind("id", id).map(IMAGE).findOne());
  }

  /** What deciding access to an image needs: the tag of its content, its owner, and the saved prompt it belongs to. */
  record Access(String sha256Hex, long ownerId, String promptId) {}

  /**
   * One indexed read of the image's row and its job, touching no image bytes (the function image_access, V27):
   * enough to answer the owner's revalidation (304) without {@link #find} and {@link #bytes}, and sent with the
   * session's lookup when the request carries a session ({@link PageReads}). Whether anyone else may read it is
   * the library's rule, asked of it through {@link PromptLinks}.
   */
  static final PageReads.Read<Access> ACCESS = new PageReads.Read<>("image_access(?)", "owner_id",
      rs -> new Access(rs.getString("sha256_hex"), rs.getLong("owner_id"), rs.getString("prompt_id")));

  Optional<Access> access(String id) {
    return ACCESS.alone(jdbi, id);
  }

  /** The validator of an image's bytes or its thumbnail: their content never changes under an id. */
  static String etag(String sha256Hex, boolean thumbnail) {
    return "\"" + sha256Hex + (thumbnail ? "-t" : "") + "\"";
  }

  Optional<ImageBytes> bytes(StoredImage image, boolean thumbnail) {
    String sql = thumbnail
        ? "select thumb as bytes, thumb_key as key, thumb_mime as mime from image_blobs where sha256 = decode(:sha, 'hex')"
        : "select bytes, object_key as key, mime_type as mime from image_blobs where sha256 = decode(:sha, 'hex')";
    String etag = etag(image.sha256Hex(), thumbnail);
    record Row(byte[] bytes, String key, String mime) {}
    Optional<Row> row = jdbi.withHandle(h -> h.createQuery(sql)
        .bind("sha", image.sha256Hex())
        .map((rs, ctx) -> new Row(rs.getBytes("bytes"), rs.getString("key"), rs.getString("mime")))
        .findOne());
    // Read from object storage outside the query, holding no connection while storage answers.
    return row.flatMap(r -> r.bytes() != null ? Optional.of(new ImageBytes(r.bytes(), r.mime(), etag))
        : r.key() != null && objects.isPresent()
            ? Optional.of(new ImageBytes(objects.get().get(r.key(), MAX_STORED_OBJECT), r.mime(), etag))
            : Optional.empty());
  }

  /** Whether new images go to object storage (and some may be served from there). */
  boolean usesObjectStorage() {
    return objects.isPresent();
  }

  /**
   * Where storage serves this image, when it lives there: a presigned URL issued only to a viewer who passed the
   * access check. Empty without object storage, and for pictures saved to PostgreSQL before it was configured.
   */
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
