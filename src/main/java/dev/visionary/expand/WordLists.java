package dev.visionary.expand;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The wildcards table: a person's own word lists, used as {@code __name__} in ideas. */
final class WordLists {
  /** Names as people write them between double underscores: letters, digits, -, _ and / for folders. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_/-]{0,63}");
  static final int MAX_BODY_CHARS = 20_000;

  record WordList(String name, String body) {
    /** The values: trimmed, blank lines and # comments skipped, duplicates dropped (as dynamicprompts reads files). */
    List<String> values() {
      return body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
    }
  }

  private final Jdbi jdbi;

  WordLists(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  List<WordList> all(long ownerId) {
    return jdbi.withHandle(h -> h.createQuery("select name, body from wildcards where owner_id = :owner order by name")
        .bind("owner", ownerId).map((rs, ctx) -> new WordList(rs.getString("name"), rs.getString("body"))).list());
  }

  /** The person's lists as name → values, for resolving an idea. */
  Map<String, List<String>> values(long ownerId) {
    return all(ownerId).stream().collect(Collectors.toMap(WordList::name, WordList::values));
  }

  Optional<WordList> find(long ownerId, String name) {
    return jdbi.withHandle(h -> h.createQuery("select name, body from wildcards where owner_id = :owner and name = :name")
        .bind("owner", ownerId).bind("name", name).map((rs, ctx) -> new WordList(rs.getString("name"), rs.getString("body"))).findOne());
  }

  void save(long ownerId, String name, String body) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into wildcards (owner_id, name, body) values (:owner, :name, :body)
            on conflict (owner_id, name) do update set body = excluded.body, updated_at = now()
            """)
        .bind("owner", ownerId).bind("name", name).bind("body", body).execute());
  }

  /** Renames by moving the list; false when the new name is already taken. */
  boolean rename(long ownerId, String from, String to) {
    return jdbi.withHandle(h -> h.createUpdate("""
            update wildcards set name = :to, updated_at = now() where owner_id = :owner and name = :from
              and not exists (select 1 from wildcards where owner_id = :owner and name = :to)
            """)
        .bind("owner", ownerId).bind("from", from).bind("to", to).execute()) == 1;
  }

  void delete(long ownerId, String name) {
    jdbi.useHandle(h -> h.createUpdate("delete from wildcards where owner_id = :owner and name = :name")
        .bind("owner", ownerId).bind("name", name).execute());
  }
}
