package dev.visionary.library;

import dev.visionary.png.Infotext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt other tools store in a PNG: AUTOMATIC1111/Forge {@code parameters} text, Fooocus JSON in the same
 * chunk, InvokeAI {@code invokeai_metadata}, and ComfyUI's {@code prompt} graph.
 */
final class ImageMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_HOPS = 20;

  /** What was found, and which tool wrote it. {@code params} is a JSON object. */
  record Found(String text, String negative, String params, String source) {}

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private ImageMetadata() {}

  static boolean isPng(byte[] bytes) {
    return bytes.length >= PNG_SIGNATURE.length && java.util.Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }

  static Optional<Found> find(Map<String, String> chunks) {
    String parameters = chunks.get("parameters");
    if (parameters != null && !parameters.isBlank()) {
      Optional<Found> fooocus = parameters.strip().startsWith("{") ? fromJson(parameters, "prompt", "negative_prompt", "Fooocus") : Optional.empty();
      if (fooocus.isPresent()) {
        return fooocus;
      }
      Infotext parsed = Infotext.parse(parameters);
      if (!parsed.prompt().isEmpty()) {
        ObjectNode params = JSON.createObjectNode();
        parsed.parameters().forEach(params::put);
        return Optional.of(new Found(parsed.prompt(), parsed.negativePrompt(), params.toString(), "AUTOMATIC1111"));
      }
    }
    String invoke = chunks.get("invokeai_metadata");
    if (invoke != null) {
      Optional<Found> found = fromJson(invoke, "positive_prompt", "negative_prompt", "InvokeAI");
      if (found.isPresent()) {
        return found;
      }
    }
    String comfy = chunks.get("prompt");
    return comfy == null ? Optional.empty() : fromComfyGraph(comfy);
  }

  private static Optional<Found> fromJson(String json, String positiveKey, String negativeKey, String source) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !node.path(positiveKey).isTextual()) {
        return Optional.empty();
      }
      ObjectNode params = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals(positiveKey) && !e.getKey().equals(negativeKey) && e.getValue().isValueNode()) {
          params.set(e.getKey(), e.getValue());
        }
      });
      return Optional.of(new Found(node.path(positiveKey).asText().strip(), node.path(negativeKey).asText("").strip(), params.toString(), source));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** Follows the first sampler's positive and negative inputs to the text-encode nodes that hold the words. */
  static Optional<Found> fromComfyGraph(String json) {
    try {
      JsonNode graph = JSON.readTree(json);
      if (graph == null || !graph.isObject()) {
        return Optional.empty();
      }
      for (var it = graph.fields(); it.hasNext(); ) {
        JsonNode node = it.next().getValue();
        JsonNode inputs = node.path("inputs");
        if (!node.path("class_type").asText("").contains("Sampler") || !inputs.has("positive")) {
          continue;
        }
        Optional<String> positive = textAt(graph, inputs.get("positive"), 0);
        if (positive.isEmpty()) {
          continue;
        }
        String negative = inputs.has("negative") ? textAt(graph, inputs.get("negative"), 0).orElse("") : "";
        ObjectNode params = JSON.createObjectNode();
        for (String key : new String[] {"seed", "noise_seed", "steps", "cfg", "sampler_name", "scheduler", "denoise"}) {
          if (inputs.path(key).isValueNode()) {
            params.set(key, inputs.get(key));
          }
        }
        return Optional.of(new Found(positive.get().strip(), negative.strip(), params.toString(), "ComfyUI"));
      }
      return Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** A link is {@code ["nodeId", outputIndex]}; the words are in a node's {@code text} (or {@code text_g}) input. */
  private static Optional<String> textAt(JsonNode graph, JsonNode link, int hops) {
    if (hops > MAX_HOPS || link == null || !link.isArray() || link.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = graph.path(link.get(0).asText());
    JsonNode inputs = node.path("inputs");
    for (String key : new String[] {"text", "text_g", "prompt"}) {
      JsonNode value = inputs.path(key);
      if (value.isTextual()) {
        return Optional.of(value.asText());
      }
      if (value.isArray()) {
        Optional<String> deeper = textAt(graph, value, hops + 1);
        if (deeper.isPresent()) {
          return deeper;
        }
      }
    }
    // Conditioning passed through another node (combine, set area, …): follow its first conditioning input.
    for (String key : new String[] {"conditioning", "conditioning_1", "positive"}) {
      if (inputs.path(key).isArray()) {
        return textAt(graph, inputs.get(key), hops + 1);
      }
    }
    return Optional.empty();
  }
}
