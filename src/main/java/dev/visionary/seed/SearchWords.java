package dev.visionary.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills {@code search_words} for seeded prompts once, instead of the library's insert trigger once per prompt.
 *
 * <p>Every seeded prompt's words are those of its pool entry (title, text, idea), its extra phrase and its tags,
 * each part joined by a separator the trigger splits on, so splitting each distinct part once gives the same
 * words as splitting every prompt. The split below is the trigger's expression; only the input is smaller, and
 * the union per person is taken here rather than by joining each person's parts to their words in SQL.
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

  /**
   * PostgreSQL splits each part into words (so the words are exactly the trigger's); each person's words are then
   * the union of their parts' words, worked out here, and copied in. Run on its own connection and transaction.
   */
  long insert(Connection c, Map<String, String> titles) throws SQLException {
    int partCount = texts.size() + texts.extraCount() + tags.size();
    String[] parts = new String[partCount];
    for (int i = 0; i < texts.size(); i++) {
      PromptTexts.Written w = texts.entry(i);
      parts[i] = titles.get(w.idea()) + " " + w.text() + " " + w.idea();
    }
    for (int i = 0; i < texts.extraCount(); i++) {
      parts[texts.size() + i] = texts.extra(i);
    }
    for (int i = 0; i < tags.size(); i++) {
      parts[texts.size() + texts.extraCount() + i] = tags.get(i);
    }
    List<String> words = new ArrayList<>();
    Map<String, Integer> wordIds = new HashMap<>();
    List<BitSet> partWords = new ArrayList<>(partCount);
    for (int i = 0; i < partCount; i++) {
      partWords.add(new BitSet());
    }
    try (PreparedStatement s = c.prepareStatement("select p.part, w from unnest(?::text[]) with ordinality p(words, part),"
        + " regexp_split_to_table(lower(unaccent(p.words)), '[^[:alnum:]]+') w where length(w) between 3 and 40")) {
      s.setArray(1, c.createArrayOf("text", parts));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int id = wordIds.computeIfAbsent(r.getString(2), w -> {
            words.add(w);
            return words.size() - 1;
          });
          partWords.get(r.getInt(1) - 1).set(id);
        }
      }
    }
    try (CopyRows copy = CopyRows.open(c, "copy search_words (owner_id, word) from stdin")) {
      for (Map.Entry<Long, BitSet> owner : used.entrySet()) {
        BitSet own = new BitSet(words.size());
        owner.getValue().stream().forEach(part -> own.or(partWords.get(part)));
        own.stream().forEach(word -> {
          copy.number(owner.getKey()).text(words.get(word));
          copy.endRow();
        });
      }
      return copy.rows();
    }
  }

  private BitSet bits(long owner) {
    return used.computeIfAbsent(owner, k -> new BitSet());
  }
}
