package dev.visionary.library;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Each person's own tags, attached to their prompts. Names compare without letter case. */
final class Tags {
  static final int MAX_LENGTH = 40;
  static final int MAX_PER_PROMPT = 30;

  private final Jdbi jdbi;

  Tags(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Tag names from what a person typed ("portrait, Golden hour,  portrait"): trimmed, spaces collapsed,
   * duplicates dropped. Throws IllegalArgumentException with a message for people.
   */
  static List<String> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
    for (String part : raw.split(",")) {
      String name = part.strip().replaceAll("\\s+", " ").replaceFirst("^#", "");
      if (name.isEmpty()) {
        continue;
      }
      if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
        throw new IllegalArgumentException("A tag can be at most " + MAX_LENGTH + " characters: \"" + name + "\" is longer.");
      }
      names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
    if (names.size() > MAX_PER_PROMPT) {
      throw new IllegalArgumentException("A prompt can have at most " + MAX_PER_PROMPT + " tags.");
    }
    return List.copyOf(names.values());
  }

  static void attach(Handle h, long ownerId, String promptId, String name) {
    h.createUpdate(LINK).bind("prompt", promptId).bind("tag", idOf(h, ownerId, name)).execute();
  }

  /** The owner's tag of that name (in any letter case), created when missing. */
  static long idOf(Handle h, long ownerId, String name) {
    return h.createQuery("insert into tags (owner_id, name) values (:owner, :name)"
            + " on conflict (owner_id, name) do update set name = tags.name returning id")
        .bind("owner", ownerId).bind("name", name).mapTo(Long.class).one();
  }

  /** Links for many prompts in one round trip: bind "prompt" and "tag" (an {@link #idOf} id), then add. */
  static PreparedBatch linkBatch(Handle h) {
    return h.prepareBatch(LINK);
  }

  private static final String LINK = "insert into prompt_tags (prompt_id, tag_id) values (:prompt, :tag) on conflict do nothing";

  void add(long ownerId, String promptId, List<String> names) {
    jdbi.useTransaction(h -> {
      int existing = h.createQuery("select count(*) from prompt_tags where prompt_id = :p").bind("p", promptId).mapTo(Integer.class).one();
      if (existing + names.size() > MAX_PER_PROMPT) {
        throw new IllegalArgumentException("A prompt can have at most " + MAX_PER_PROMPT + " tags.");
      }
      for (String name : names) {
        attach(h, ownerId, promptId, name);
      }
    });
  }

  /** Makes {@code wanted} the prompt's tags inside the caller's transaction: links no longer wanted go, new ones come. */
  static void replace(Handle h, long ownerId, String promptId, List<String> wanted) {
    List<String> current = h.createQuery("select t.name::text from prompt_tags pt join tags t on t.id = pt.tag_id where pt.prompt_id = :p")
        .bind("p", promptId).mapTo(String.class).list();
    for (String old : current) {
      if (wanted.stream().noneMatch(w -> w.equalsIgnoreCase(old))) {
        h.createUpdate(UNLINK).bind("owner", ownerId).bind("prompt", promptId).bind("name", old).execute();
      }
    }
    for (String name : wanted) {
      if (current.stream().noneMatch(c -> c.equalsIgnoreCase(name))) {
        attach(h, ownerId, promptId, name);
      }
    }
  }

  private static final String UNLINK = "delete from prompt_tags pt using tags t where pt.tag_id = t.id and t.owner_id = :owner"
      + " and pt.prompt_id = :prompt and t.name = :name";

  void remove(long ownerId, String promptId, String name) {
    jdbi.useHandle(h -> h.createUpdate(UNLINK)
        .bind("owner", ownerId).bind("prompt", promptId).bind("name", name).execute());
  }

  List<String> of(String promptId) {
    return jdbi.withHandle(h -> h.createQuery("select t.name::text from prompt_tags pt join tags t on t.id = pt.tag_id"
            + " where pt.prompt_id = :p order by lower(t.name)")
        .bind("p", promptId).mapTo(String.class).list());
  }

  /** The person's tags that start with, or closely resemble, what they are typing; most used first. */
  List<String> suggest(long ownerId, String typed) {
    return jdbi.withHandle(h -> h.createQuery("select t.name::text from tags t left join prompt_tags pt on pt.tag_id = t.id"
            + " where t.owner_id = :owner and (:typed = '' or t.name::text ilike :prefix escape '!' or t.name::text % :typed)"
            + " group by t.id, t.name order by (t.name::text ilike :prefix escape '!') desc, count(pt.prompt_id) desc, lower(t.name) limit 10")
        .bind("owner", ownerId).bind("typed", typed).bind("prefix", likePrefix(typed)).mapTo(String.class).list());
  }

  /** All of a person's tags with how many live prompts carry each, for the library's filter. */
  List<TagCount> counts(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select t.name::text as name, count(p.id) as n from tags t"
            + " join prompt_tags pt on pt.tag_id = t.id join prompts p on p.id = pt.prompt_id and p.deleted_at is null"
            + " where t.owner_id = :owner group by t.id, t.name order by count(p.id) desc, lower(t.name) limit 200")
        .bind("owner", ownerId).map((rs, ctx) -> new TagCount(rs.getString("name"), rs.getInt("n"))).list());
  }

  record TagCount(String name, int count) {}

  static String likePrefix(String typed) {
    return typed.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
