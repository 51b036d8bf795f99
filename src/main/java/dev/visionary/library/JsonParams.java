package dev.visionary.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.util.Iterator;
import java.util.Map;

/** A prompt's generation parameters: a flat-or-nested JSON object such as {"steps": 30, "ar": "16:9"}. */
final class JsonParams {

  private JsonParams() {}

  /** The object as compact JSON; blank means {}. Throws IllegalArgumentException with a message for people. */
  static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return "{}";
    }
    try {
      JsonNode node = Json.MAPPER.readTree(raw);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("Parameters must be a JSON object, like {\"steps\": 30}.");
      }
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Parameters are not valid JSON: " + e.getOriginalMessage());
    }
  }

  static boolean same(String a, String b) {
    try {
      return Json.MAPPER.readTree(a == null ? "{}" : a).equals(Json.MAPPER.readTree(b == null ? "{}" : b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** Key/value pairs for display, values as plain text. */
  static java.util.List<Map.Entry<String, String>> entries(String json) {
    java.util.List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    try {
      JsonNode node = Json.MAPPER.readTree(json == null ? "{}" : json);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(Map.entry(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      }
    } catch (JsonProcessingException e) {
      // Stored parameters were checked when saved; nothing to show otherwise.
    }
    return out;
  }
}
