package dev.visionary.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills {@code search_words} for seeded prompts in one statement instead of the library's insert trigger.
 *
 * <p>Every seeded prompt's words are those of its pool entry (title, text, idea), its extra phrase and its tags,
 * each part joined by a separator the trigger splits on, so splitting each distinct part once gives the same
 * words as splitting every prompt. The split below is the trigger's expression; only the input is smaller.
 */
final class SearchWords {
  private final PromptTexts texts;
  private final List<String> tags;
  private final Map<Long, BitSet> used = new HashMap<>();

  SearchWords(PromptTexts texts, List<String> tags) {
    this.texts = texts;
    this.tags = tags;
  }

  void usedEntry(long owner, int entry) {
    bits(owner).set(entry);
  }

  void usedExtra(long owner, int extra) {
    if (extra >= 0) {
      bits(owner).set(texts.size() + extra);
    }
  }

  void usedTag(long owner, String tag) {
    bits(owner).set(texts.size() + texts.extraCount() + tags.indexOf(tag));
  }

  long insert(Connection c, Map<String, String> titles) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create temp table seed_parts (part int not null, words text not null) on commit drop");
      s.execute("create temp table seed_usage (owner_id bigint not null, part int not null) on commit drop");
    }
    try (CopyRows copy = CopyRows.open(c, "copy seed_parts (part, words) from stdin")) {
      for (int i = 0; i < texts.size(); i++) {
        PromptTexts.Written w = texts.entry(i);
        copy.number(i).text(titles.get(w.idea()) + " " + w.text() + " " + w.idea());
        copy.endRow();
      }
      for (int i = 0; i < texts.extraCount(); i++) {
        copy.number(texts.size() + i).text(texts.extra(i));
        copy.endRow();
      }
      for (int i = 0; i < tags.size(); i++) {
        copy.number(texts.size() + texts.extraCount() + i).text(tags.get(i));
        copy.endRow();
      }
    }
    try (CopyRows copy = CopyRows.open(c, "copy seed_usage (owner_id, part) from stdin")) {
      for (Map.Entry<Long, BitSet> owner : used.entrySet()) {
        owner.getValue().stream().forEach(part -> {
          copy.number(owner.getKey()).number(part);
          copy.endRow();
        });
      }
    }
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("insert into search_words (owner_id, word)"
          + " select distinct u.owner_id, w.word from seed_usage u join"
          + " (select p.part, w as word from seed_parts p, regexp_split_to_table(lower(unaccent(p.words)), '[^[:alnum:]]+') w"
          + "  where length(w) between 3 and 40) w on w.part = u.part"
          + " on conflict do nothing");
    }
  }

  private BitSet bits(long owner) {
    return used.computeIfAbsent(owner, k -> new BitSet());
  }
}
