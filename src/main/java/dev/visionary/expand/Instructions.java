package dev.visionary.expand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The system instructions LLM engines follow: the shipped default (a classpath resource) and each
 * person's own saved versions, which are never changed once saved so history stays truthful.
 */
final class Instructions {
  /** The id expansions record when the shipped default made them; bump the number when the text changes. */
  static final String DEFAULT_ID = "default-v1";
  static final int MAX_CHARS = 8000;

  /** One instruction version. {@code ownerId} is 0 for the shipped default. */
  record Version(String id, long ownerId, String name, String body, Instant createdAt) {
    /** The instruction with the expansion's facts filled in where the text names them. */
    String render(Map<String, String> facts) {
      String text = body;
      for (Map.Entry<String, String> fact : facts.entrySet()) {
        text = text.replace("{" + fact.getKey() + "}", fact.getValue());
      }
      return text;
    }
  }

  private final Jdbi jdbi;
  private final Version defaultVersion;

  Instructions(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.defaultVersion = new Version(DEFAULT_ID, 0, "Visionary default (v1)", resource("expand/default-instructions-v1.txt"), null);
  }

  Version defaultVersion() {
    return defaultVersion;
  }

  List<Version> own(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select id, owner_id, name, body, created_at from expansion_instructions "
            + "where owner_id = :owner order by created_at desc, id")
        .bind("owner", ownerId).map((rs, ctx) -> map(rs)).list());
  }

  /** The default and the person's own versions, the default first. */
  List<Version> available(long ownerId) {
    List<Version> all = new java.util.ArrayList<>();
    all.add(defaultVersion);
    all.addAll(own(ownerId));
    return all;
  }

  /** A version the person may use: the default or one of their own. */
  Optional<Version> find(String id, long ownerId) {
    if (DEFAULT_ID.equals(id)) {
      return Optional.of(defaultVersion);
    }
    return jdbi.withHandle(h -> h.createQuery("select id, owner_id, name, body, created_at from expansion_instructions "
            + "where id = :id and owner_id = :owner")
        .bind("id", id).bind("owner", ownerId).map((rs, ctx) -> map(rs)).findOne());
  }

  void save(String id, long ownerId, String name, String body) {
    jdbi.useHandle(h -> h.createUpdate("insert into expansion_instructions (id, owner_id, name, body) values (:id, :owner, :name, :body)")
        .bind("id", id).bind("owner", ownerId).bind("name", name).bind("body", body).execute());
  }

  /** The version the person chose to expand with, or the default. */
  Version chosen(long ownerId) {
    Optional<String> id = jdbi.withHandle(h -> h.createQuery("select instruction_id from instruction_choices where owner_id = :owner")
        .bind("owner", ownerId).mapTo(String.class).findOne());
    return id.flatMap(i -> find(i, ownerId)).orElse(defaultVersion);
  }

  void choose(long ownerId, String id) {
    jdbi.useHandle(h -> {
      if (DEFAULT_ID.equals(id)) {
        h.createUpdate("delete from instruction_choices where owner_id = :owner").bind("owner", ownerId).execute();
      } else {
        h.createUpdate("insert into instruction_choices (owner_id, instruction_id) values (:owner, :id) "
                + "on conflict (owner_id) do update set instruction_id = excluded.instruction_id")
            .bind("owner", ownerId).bind("id", id).execute();
      }
    });
  }

  private static Version map(ResultSet rs) throws SQLException {
    return new Version(rs.getString("id"), rs.getLong("owner_id"), rs.getString("name"), rs.getString("body"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static String resource(String path) {
    try (InputStream in = Instructions.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
