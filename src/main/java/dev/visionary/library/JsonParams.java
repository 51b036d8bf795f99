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

  /**
   * The parameters read from images ({@code ImageParameters}), in the order AUTOMATIC1111 writes them and
   * with its labels. PostgreSQL's jsonb keeps keys in its own order, so the order is restored here.
   */
  private static final Map<String, String> LABELS = labels("seed", "Seed", "steps", "Steps", "cfg_scale", "CFG scale", "sampler", "Sampler",
      "scheduler", "Scheduler", "width", "Size", "batch_size", "Batch size", "model", "Model", "model_hash", "Model hash");

  private static Map<String, String> labels(String... keysAndLabels) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      out.put(keysAndLabels[i], keysAndLabels[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Key/value pairs for display, values as plain text: the common settings first, under their usual labels,
   * a whole-number width and height as one Size ({@code 1152x896}); then any other keys as stored.
   */
  static java.util.List<Map.Entry<String, String>> entries(String json) {
    java.util.List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    try {
      JsonNode node = Json.MAPPER.readTree(json == null ? "{}" : json);
      boolean size = node.path("width").isIntegralNumber() && node.path("height").isIntegralNumber();
      LABELS.forEach((key, label) -> {
        if (key.equals("width")) {
          if (size) {
            out.add(Map.entry(label, node.get("width").asText() + "x" + node.get("height").asText()));
          }
        } else if (node.has(key)) {
          out.add(Map.entry(label, text(node.get(key))));
        }
      });
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean shown = (LABELS.containsKey(e.getKey()) && !e.getKey().equals("width"))
            || (size && (e.getKey().equals("width") || e.getKey().equals("height")));
        if (!shown) {
          out.add(Map.entry(e.getKey(), text(e.getValue())));
        }
      }
    } catch (JsonProcessingException e) {
      // Stored parameters were checked when saved; nothing to show otherwise.
    }
    return out;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.asText() : value.toString();
  }
}
