package dev.visionary.library;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A library export read with a streaming parser, so what a file costs is bounded whatever it holds: the first pass
 * checks the whole file and counts its rows without building anything, stopping as soon as a list is longer than an
 * import may be; later passes build one row at a time, and only rows of a bounded size.
 */
final class JsonImportFile {
  static final List<String> LISTS = List.of("prompts", "collections", "bookmarks");
  /** Far more than a real row needs (a prompt with 1000 versions is about 25,000), far less than memory trouble. */
  static final int MAX_ROW_TOKENS = 100_000;

  // A parser factory of its own, not a mapper: the limits below are properties of the parser; trees are built by the app's one mapper.
  private static final JsonFactory PARSERS = JsonFactory.builder()
      // A repeated key would make the rows read differ from the rows counted.
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Parameters nest a little; nothing Visionary writes goes deeper than this.
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();

  /** Thrown for a file that is not JSON; the message says where reading stopped. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  /** What the first pass found: the format, how many rows each list holds, which rows are too big to read. */
  record Outline(String format, Map<String, Integer> counts, Map<String, BitSet> oversized, String overCap) {
    int count(String list) {
      return counts.getOrDefault(list, 0);
    }
  }

  /** One row of a list: its number (from 1) and its object, or null with the reason it can't be read. */
  record Row(int number, JsonNode node, String problem) {}

  /** Reads the whole file once; stops early, with {@code overCap} naming the list, when a list holds more than {@code cap} rows. */
  static Outline outline(byte[] bytes, int cap) throws Unreadable {
    String format = null;
    Map<String, Integer> counts = new HashMap<>();
    Map<String, BitSet> oversized = new HashMap<>();
    try (JsonParser p = PARSERS.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Outline(null, counts, oversized, null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("format") && value == JsonToken.VALUE_STRING) {
          format = p.getText();
        } else if (LISTS.contains(field) && value == JsonToken.START_ARRAY) {
          BitSet big = new BitSet();
          int rows = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            rows++;
            if (rows > cap) {
              return new Outline(format, counts, oversized, field);
            }
            if (skipCounting(p) > MAX_ROW_TOKENS) {
              big.set(rows);
            }
          }
          counts.put(field, rows);
          oversized.put(field, big);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new Unreadable("there is more after the end of the library object.");
      }
    } catch (IOException e) {
      throw new Unreadable(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : "it could not be read.");
    }
    return new Outline(format, counts, oversized, null);
  }

  /** Moves past the value at the current token, counting its tokens instead of keeping any. */
  private static long skipCounting(JsonParser p) throws IOException {
    if (!p.currentToken().isStructStart()) {
      return 1;
    }
    long tokens = 1;
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      tokens++;
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      }
    }
    return tokens;
  }

  /** Reads the rows of one list in order, one at a time. The file must have passed {@link #outline}. */
  static void forEachRow(byte[] bytes, Outline outline, String list, java.util.function.Consumer<Row> action) {
    BitSet big = outline.oversized().getOrDefault(list, new BitSet());
    try (JsonParser p = PARSERS.createParser(bytes)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals(list) || value != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        int number = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          number++;
          if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            action.accept(new Row(number, null, "it is not a JSON object."));
          } else if (big.get(number)) {
            p.skipChildren();
            action.accept(new Row(number, null, "it is far larger than any row Visionary writes, so it was not read."));
          } else {
            action.accept(new Row(number, Json.MAPPER.readTree(p), null));
          }
        }
      }
    } catch (IOException e) {
      // The outline has read this same file to its end without a problem.
      throw new IllegalStateException("A checked import file could not be read again", e);
    }
  }
}
