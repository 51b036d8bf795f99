package dev.visionary.seed;

import dev.visionary.generate.BuiltinImageEngine;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.generate.Thumbnail;
import dev.visionary.generate.Thumbnails;
import dev.visionary.web.Urls;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The generation feature's rows behind seeded images: image bytes, one succeeded built-in job per image, and the
 * image rows. The prompts' {@code image_count} and {@code cover_image_id} are written by {@link PromptRows}.
 */
final class SeededImages {
  static final int IMAGE_SIDE = 512;

  private record Render(byte[] sha256, long seed) {}

  private record ImageRow(String imageId, String jobId, long ownerId, String promptId, String text, String negative,
      Render render, Instant created) {}

  private final List<Render> renders = new ArrayList<>();
  private final List<ImageRow> rows = new ArrayList<>();

  /** A picture from the built-in engine, with its thumbnail, not yet stored. */
  record Painted(GeneratedImage image, byte[] sha256, Thumbnail thumb) {}

  /** A few pictures from the built-in engine, to be shared by every seeded image, as identical bytes are. Needs no database. */
  static List<Painted> paint(int count, PromptTexts texts, SplittableRandom random) {
    BuiltinImageEngine engine = new BuiltinImageEngine();
    List<Painted> painted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      PromptTexts.Written w = texts.pick(random);
      GeneratedImage image;
      try {
        image = engine.generate(ImageRequest.of(w.text(), IMAGE_SIDE, IMAGE_SIDE, i), ProgressListener.NONE).get(0);
      } catch (ImageEngineException e) {
        throw new IllegalStateException("the built-in engine could not paint a seed image", e);
      }
      painted.add(new Painted(image, sha256(image.bytes()), Thumbnails.of(image.bytes())));
    }
    return painted;
  }

  /** Stores the pictures' bytes once each. */
  int store(Connection c, List<Painted> painted) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into image_blobs (sha256, mime_type, bytes, thumb, thumb_mime, size_bytes)"
        + " values (?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing")) {
      for (Painted p : painted) {
        s.setBytes(1, p.sha256());
        s.setString(2, p.image().mimeType());
        s.setBytes(3, p.image().bytes());
        s.setBytes(4, p.thumb().bytes());
        s.setString(5, p.thumb().mimeType());
        s.setInt(6, p.image().bytes().length);
        s.executeUpdate();
        renders.add(new Render(p.sha256(), p.image().seed()));
      }
    }
    return renders.size();
  }

  /** An image of a seeded prompt, painted by one of the stored renders in turn. */
  void add(String imageId, String jobId, long ownerId, String promptId, String text, String negative, Instant created) {
    rows.add(new ImageRow(imageId, jobId, ownerId, promptId, text, negative, renders.get(rows.size() % renders.size()), created));
  }

  /** The stored pictures' content hashes, for removing them again after a failed seed. */
  List<byte[]> hashes() {
    return renders.stream().map(Render::sha256).toList();
  }

  int count() {
    return rows.size();
  }

  /** The first seeded image, which the first user owns, as the benchmark requests it: its path and ETag. */
  Optional<String> first() {
    return rows.stream().findFirst().map(i -> Urls.image(i.imageId()) + " \"" + hex(i.render().sha256()) + "\"");
  }

  int insert(Connection conn) throws SQLException {
    try (CopyRows copy = CopyRows.open(conn, "copy generation_jobs (id, owner_id, prompt, negative_prompt, engine, width, height, count, seed,"
        + " prompt_id, status, attempts, progress, created_at, started_at, finished_at) from stdin")) {
      for (ImageRow i : rows) {
        copy.text(i.jobId()).number(i.ownerId()).text(i.text()).text(i.negative().isEmpty() ? null : i.negative())
            .text(BuiltinImageEngine.ID).number(IMAGE_SIDE).number(IMAGE_SIDE).number(1).number(i.render().seed()).text(i.promptId())
            .text("succeeded").number(1).number(1).time(i.created()).time(i.created()).time(i.created().plusMillis(150));
        copy.endRow();
      }
    }
    try (CopyRows copy = CopyRows.open(conn, "copy images (id, job_id, owner_id, sha256, position, width, height, seed, created_at) from stdin")) {
      for (ImageRow i : rows) {
        copy.text(i.imageId()).text(i.jobId()).number(i.ownerId()).bytes(i.render().sha256()).number(0).number(IMAGE_SIDE)
            .number(IMAGE_SIDE).number(i.render().seed()).time(i.created().plusMillis(150));
        copy.endRow();
      }
    }
    return rows.size();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return s.toString();
  }
}
