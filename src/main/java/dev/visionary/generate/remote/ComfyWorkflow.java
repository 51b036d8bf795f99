package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.visionary.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A ComfyUI workflow in API format with {@code {{name}}} placeholders. A string that is exactly one
 * placeholder becomes the value itself (a number stays a number); a placeholder inside a longer string is
 * replaced by the value's text. Values go into the JSON tree, never into JSON text, so quotes in a prompt
 * cannot change the graph.
 */
final class ComfyWorkflow {

  static final String PROMPT = "prompt";
  static final String NEGATIVE = "negative";
  static final String SEED = "seed";
  static final String WIDTH = "width";
  static final String HEIGHT = "height";
  static final String BATCH_SIZE = "batch_size";
  static final String STEPS = "steps";
  static final String CFG = "cfg";
  static final String SAMPLER = "sampler";
  static final String SCHEDULER = "scheduler";
  static final String CHECKPOINT = "checkpoint";

  private static final String BUNDLED = "/comfyui/default-workflow.json";

  private final ObjectNode graph;
  private final String source;

  private ComfyWorkflow(ObjectNode graph, String source) {
    this.graph = graph;
    this.source = source;
  }

  /** The text-to-image workflow shipped with the app. */
  static ComfyWorkflow bundled() {
    try (InputStream in = ComfyWorkflow.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the application");
      }
      return of(Json.MAPPER.readTree(in), "the bundled workflow");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workflow exported from ComfyUI with "Save (API Format)"; fails at start-up rather than at the first job. */
  static ComfyWorkflow fromFile(Path file) {
    try {
      return of(Json.MAPPER.readTree(Files.readAllBytes(file)), file.getFileName().toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("COMFYUI_WORKFLOW: cannot read " + file + " as JSON (" + e.getMessage() + ")", e);
    }
  }

  private static ComfyWorkflow of(JsonNode tree, String source) {
    if (!(tree instanceof ObjectNode graph) || graph.isEmpty() || !graph.elements().next().has("class_type")) {
      throw new IllegalArgumentException("COMFYUI_WORKFLOW: " + source
          + " is not a workflow in API format (an object of nodes with class_type); export it with \"Save (API Format)\"");
    }
    return new ComfyWorkflow(graph, source);
  }

  String source() {
    return source;
  }

  /** Whether the workflow asks for a checkpoint name, which we then have to find when the request names none. */
  boolean uses(String placeholder) {
    return contains(graph, "{{" + placeholder + "}}");
  }

  /** A filled copy; the template itself is never changed, so one workflow serves concurrent jobs. */
  ObjectNode fill(Map<String, JsonNode> values) {
    ObjectNode copy = graph.deepCopy();
    replace(copy, values);
    return copy;
  }

  private static void replace(JsonNode node, Map<String, JsonNode> values) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getValue().isTextual()) {
          field.setValue(filled(field.getValue().asText(), values));
        } else {
          replace(field.getValue(), values);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, filled(array.get(i).asText(), values));
        } else {
          replace(array.get(i), values);
        }
      }
    }
  }

  private static JsonNode filled(String text, Map<String, JsonNode> values) {
    if (text.startsWith("{{") && text.endsWith("}}")) {
      JsonNode whole = values.get(text.substring(2, text.length() - 2).strip());
      if (whole != null) {
        return whole;
      }
    }
    String result = text;
    for (Map.Entry<String, JsonNode> value : values.entrySet()) {
      result = result.replace("{{" + value.getKey() + "}}", value.getValue().asText());
    }
    return TextNode.valueOf(result);
  }

  private static boolean contains(JsonNode node, String text) {
    if (node.isTextual()) {
      return node.asText().contains(text);
    }
    for (JsonNode child : node) {
      if (contains(child, text)) {
        return true;
      }
    }
    return false;
  }
}
