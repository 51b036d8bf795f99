package dev.visionary.png;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt and settings other tools store in a PNG, read into one shape ({@link ImageParameters}):
 * AUTOMATIC1111/Forge {@code parameters} text, Fooocus's {@code parameters} (JSON, or A1111 text when its
 * {@code fooocus_scheme} chunk says {@code a1111}), InvokeAI's {@code invokeai_metadata} and ComfyUI's
 * {@code prompt} graph. The chunks themselves are kept too ({@link #raw}), since every tool records more
 * than the common settings.
 */
public final class ImageMetadata {
  /** Raw metadata kept per image, all chunks together; a ComfyUI workflow is typically 10-100 KB. */
  public static final int MAX_RAW_CHARS = 1024 * 1024;
  private static final int MAX_MESSAGE = 160;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** What was found, and which tool wrote it. */
  public record Found(String text, String negative, ImageParameters parameters, String source) {
    /** The normalised parameters as the prompt stores them. */
    public String params() {
      return parameters.toJson().toString();
    }
  }

  /** One text chunk as the file held it. */
  public record Chunk(String keyword, String text) {}

  private ImageMetadata() {}

  public static boolean isPng(byte[] bytes) {
    return bytes.length >= PNG_SIGNATURE.length && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
  }

  /**
   * The prompt of the first tool whose metadata is there and readable. A chunk that names a tool's metadata
   * but cannot be read (JSON that is broken, nested past Jackson's limit, holding a number of thousands of
   * digits) adds a sentence to {@code problems} and the next tool is tried.
   */
  public static Optional<Found> find(Map<String, String> chunks, List<String> problems) {
    String parameters = chunks.get("parameters");
    if (parameters != null && !parameters.isBlank()) {
      // Fooocus writes JSON here; try it first, then AUTOMATIC1111 text, as Fooocus's own reader does. A prompt
      // may start with "{" too, so broken JSON is only a problem worth telling when Fooocus said it wrote JSON.
      if (parameters.strip().startsWith("{")) {
        List<String> jsonProblems = "fooocus".equals(chunks.get("fooocus_scheme")) ? problems : new ArrayList<>();
        Optional<Found> fooocus = json(parameters, "Fooocus", "parameters", jsonProblems).flatMap(ImageMetadata::fromFooocus);
        if (fooocus.isPresent()) {
          return fooocus;
        }
      }
      Infotext parsed = Infotext.parse(parameters);
      if (!parsed.prompt().isEmpty()) {
        boolean fooocus = "a1111".equals(chunks.get("fooocus_scheme"))
            || parsed.parameter("Version").orElse("").startsWith("Fooocus");
        return Optional.of(fromInfotext(parsed, fooocus ? "Fooocus" : "AUTOMATIC1111"));
      }
    }
    String invoke = chunks.get("invokeai_metadata");
    if (invoke != null) {
      Optional<Found> found = json(invoke, "InvokeAI", "invokeai_metadata", problems).flatMap(ImageMetadata::fromInvoke);
      if (found.isPresent()) {
        return found;
      }
    }
    String comfy = chunks.get("prompt");
    return comfy == null ? Optional.empty() : json(comfy, "ComfyUI", "prompt", problems).flatMap(ImageMetadata::fromComfyGraph);
  }

  private static Optional<JsonNode> json(String text, String tool, String keyword, List<String> problems) {
    try {
      return Optional.ofNullable(Json.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      problems.add("The " + tool + " metadata (the \"" + keyword + "\" chunk) is not readable JSON: "
          + (why.length() > MAX_MESSAGE ? why.substring(0, MAX_MESSAGE) + "…" : why));
      return Optional.empty();
    }
  }

  public static Found fromInfotext(Infotext infotext, String source) {
    Map<String, String> p = infotext.parameters();
    ImageParameters parameters = new ImageParameters()
        .seed(p.get("Seed"))
        .steps(p.get("Steps"))
        .cfgScale(p.get("CFG scale"))
        // "Schedule type" since AUTOMATIC1111 1.9; Fooocus's A1111 scheme writes "Scheduler".
        .sampler(p.get("Sampler"), p.getOrDefault("Schedule type", p.get("Scheduler")))
        .size(p.get("Size"))
        .batchSize(p.get("Batch size"))
        .model(p.get("Model"))
        .modelHash(p.get("Model hash"));
    return new Found(infotext.prompt(), infotext.negativePrompt(), parameters, source);
  }

  /** Fooocus's own scheme: its seed is a string and its size is {@code "(1152, 896)"}, width first. */
  private static Optional<Found> fromFooocus(JsonNode node) {
    if (!node.isObject() || !node.path("prompt").isTextual()) {
      return Optional.empty();
    }
    ImageParameters parameters = new ImageParameters()
        .seed(node.get("seed"))
        .steps(node.get("steps"))
        .cfgScale(node.get("guidance_scale"))
        .sampler(textOf(node.get("sampler")), textOf(node.get("scheduler")))
        .size(textOf(node.get("resolution")))
        .model(textOf(node.get("base_model")))
        .modelHash(textOf(node.get("base_model_hash")));
    return Optional.of(new Found(node.path("prompt").asText().strip(), node.path("negative_prompt").asText("").strip(), parameters,
        "Fooocus"));
  }

  /** InvokeAI's core metadata: its {@code scheduler} names the sampler too, and its model is an object. */
  private static Optional<Found> fromInvoke(JsonNode node) {
    if (!node.isObject() || !node.path("positive_prompt").isTextual()) {
      return Optional.empty();
    }
    JsonNode model = node.path("model");
    ImageParameters parameters = new ImageParameters()
        .seed(node.get("seed"))
        .steps(node.get("steps"))
        .cfgScale(node.get("cfg_scale"))
        .sampler(textOf(node.get("scheduler")), null)
        .size(node.get("width"), node.get("height"))
        // InvokeAI 4+ writes {key, hash, name, base, type}; 3.x wrote {model_name, base_model, model_type}.
        .model(model.isTextual() ? model.asText() : textOf(model.has("name") ? model.get("name") : model.get("model_name")))
        .modelHash(textOf(model.get("hash")));
    return Optional.of(new Found(node.path("positive_prompt").asText().strip(), node.path("negative_prompt").asText("").strip(),
        parameters, "InvokeAI"));
  }

  public static Optional<Found> fromComfyGraph(JsonNode graph) {
    return ComfyGraph.read(graph).map(f -> new Found(f.prompt(), f.negativePrompt(), f.parameters(), "ComfyUI"));
  }

  private static String textOf(JsonNode value) {
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /**
   * The text chunks as the file held them, in file order, up to {@link #MAX_RAW_CHARS} in all; a chunk that
   * does not fit is left out with a sentence in {@code problems}. NUL, which PostgreSQL text cannot hold,
   * becomes U+FFFD.
   */
  public static List<Chunk> raw(Map<String, String> chunks, List<String> problems) {
    List<Chunk> kept = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, String> e : chunks.entrySet()) {
      String text = e.getValue();
      if (total + e.getKey().length() + text.length() > MAX_RAW_CHARS) {
        problems.add("The \"" + e.getKey() + "\" metadata (" + (text.length() / 1024) + " KB) is longer than Visionary keeps of an"
            + " image's raw metadata (" + MAX_RAW_CHARS / 1024 + " KB), so it was not kept.");
        continue;
      }
      total += e.getKey().length() + text.length();
      kept.add(new Chunk(e.getKey().replace('\0', '\uFFFD'), text.replace('\0', '\uFFFD')));
    }
    return kept;
  }
}
