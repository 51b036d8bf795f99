package dev.visionary.png;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a ComfyUI {@code prompt} chunk (the API-format graph: node id → {@code class_type} and {@code inputs})
 * says about its picture. An input is either a value or a link {@code [nodeId, outputIndex]} to the node
 * that produces it, so the words, size and checkpoint are found by following the sampler's links: {@code
 * positive}/{@code negative} to a text-encode node's {@code text}, {@code latent_image} to {@code
 * EmptyLatentImage}'s {@code width}, {@code height} and {@code batch_size}, {@code model} (through LoRA
 * loaders) to {@code CheckpointLoaderSimple}'s {@code ckpt_name}.
 *
 * <p>Graphs are whatever the file holds, cycles included: every walk visits a node at most once and takes
 * at most {@link #MAX_HOPS} steps, and one graph gets {@link #MAX_VISITS} node visits in all.
 */
public final class ComfyGraph {
  static final int MAX_HOPS = 32;
  /** Nodes looked at in one graph, all walks together: a graph of many samplers sharing long chains stays cheap. */
  static final int MAX_VISITS = 100_000;
  private static final List<String> TEXT_INPUTS = List.of("text", "text_g", "prompt");
  // Conditioning passed through another node (combine, set area, ControlNet apply, …).
  private static final List<String> CONDITIONING_INPUTS = List.of("conditioning", "conditioning_1", "positive");
  private static final List<String> LATENT_INPUTS = List.of("samples", "latent", "latent_image");
  private static final List<String> CHECKPOINT_INPUTS = List.of("ckpt_name", "unet_name", "model_name");

  /** The sampler's words and the settings found for them. */
  public record Found(String prompt, String negativePrompt, ImageParameters parameters) {}

  private final JsonNode graph;
  private int visits;

  private ComfyGraph(JsonNode graph) {
    this.graph = graph;
  }

  /**
   * Reads the graph from its sampler: {@code KSampler} or {@code KSamplerAdvanced} (any node whose class
   * names a sampler and that has a {@code positive} input), or {@code SamplerCustomAdvanced} (a {@code guider}). When there are several (a refiner, a second
   * hires pass), the first one whose latent starts at an empty latent is the picture's first pass, as
   * AUTOMATIC1111 records a hires picture by its first-pass settings.
   */
  public static Optional<Found> read(JsonNode graph) {
    if (graph == null || !graph.isObject()) {
      return Optional.empty();
    }
    return new ComfyGraph(graph).read();
  }

  private Optional<Found> read() {
    Found fallback = null;
    for (var it = graph.fields(); it.hasNext(); ) {
      JsonNode node = it.next().getValue();
      JsonNode inputs = node.path("inputs");
      boolean guided = inputs.path("guider").isArray();
      if (!node.path("class_type").asText("").contains("Sampler") || !(inputs.path("positive").isArray() || guided)) {
        continue;
      }
      // SamplerCustomAdvanced (Flux, SD3 graphs) takes its settings from the nodes it links to: the words,
      // CFG and model from its guider, the seed from its noise, sampler and schedule from their own nodes.
      JsonNode guider = guided ? inputsAt(inputs.get("guider")) : inputs;
      JsonNode noise = guided ? inputsAt(inputs.get("noise")) : inputs;
      JsonNode sampler = guided ? inputsAt(inputs.get("sampler")) : inputs;
      JsonNode sigmas = guided ? inputsAt(inputs.get("sigmas")) : inputs;
      Optional<String> positive = text(guider.has("positive") ? guider.get("positive") : guider.get("conditioning"));
      if (positive.isEmpty()) {
        continue;
      }
      String negative = guider.path("negative").isArray() ? text(guider.get("negative")).orElse("") : "";
      ImageParameters parameters = new ImageParameters()
          .seed(scalar(noise, "seed", "noise_seed").orElse(null))
          .steps(scalar(sigmas, "steps").orElse(null))
          .cfgScale(scalar(guider, "cfg").orElse(null))
          .sampler(scalar(sampler, "sampler_name").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null),
              scalar(sigmas, "scheduler").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null));
      checkpoint(guider.get("model")).ifPresent(parameters::model);
      Optional<JsonNode> latent = emptyLatent(inputs.get("latent_image"));
      latent.ifPresent(l -> parameters.size(scalar(l, "width").orElse(null), scalar(l, "height").orElse(null))
          .batchSize(scalar(l, "batch_size").orElse(null)));
      Found found = new Found(positive.get().strip(), negative.strip(), parameters);
      if (latent.isPresent()) {
        return Optional.of(found);
      }
      if (fallback == null) {
        fallback = found;
      }
    }
    return Optional.ofNullable(fallback);
  }

  private JsonNode inputsAt(JsonNode link) {
    return target(link).path("inputs");
  }

  /** The node a link points at, or a missing node. */
  private JsonNode target(JsonNode link) {
    if (++visits > MAX_VISITS || link == null || !link.isArray() || link.isEmpty() || !link.get(0).isValueNode()) {
      return MissingNode.getInstance();
    }
    return graph.path(link.get(0).asText());
  }

  /** The words a conditioning link leads to: the first text input found, depth first. */
  private Optional<String> text(JsonNode link) {
    return text(link, new HashSet<>(), 0);
  }

  private Optional<String> text(JsonNode link, Set<String> visited, int hops) {
    if (hops > MAX_HOPS || link == null || !link.isArray() || link.isEmpty() || !visited.add(link.get(0).asText())) {
      return Optional.empty();
    }
    JsonNode inputs = target(link).path("inputs");
    for (String key : TEXT_INPUTS) {
      JsonNode value = inputs.path(key);
      if (value.isTextual()) {
        return Optional.of(value.asText());
      }
      Optional<String> linked = text(value, visited, hops + 1);
      if (linked.isPresent()) {
        return linked;
      }
    }
    for (String key : CONDITIONING_INPUTS) {
      Optional<String> linked = text(inputs.get(key), visited, hops + 1);
      if (linked.isPresent()) {
        return linked;
      }
    }
    return Optional.empty();
  }

  /**
   * An input's value, under the first of {@code names} the node has; when it is a link (a seed from a seed
   * node, a width from a primitive), the value of the node it points at under one of those names or {@code value}.
   */
  private Optional<JsonNode> scalar(JsonNode inputs, String... names) {
    JsonNode value = named(inputs, names);
    Set<String> visited = new HashSet<>();
    for (int hops = 0; hops <= MAX_HOPS; hops++) {
      if (value.isValueNode()) {
        return Optional.of(value);
      }
      if (!value.isArray() || value.isEmpty() || !visited.add(value.get(0).asText())) {
        return Optional.empty();
      }
      JsonNode next = target(value).path("inputs");
      JsonNode same = named(next, names);
      value = same.isMissingNode() ? next.path("value") : same;
    }
    return Optional.empty();
  }

  private static JsonNode named(JsonNode inputs, String... names) {
    for (String name : names) {
      if (inputs.has(name)) {
        return inputs.get(name);
      }
    }
    return MissingNode.getInstance();
  }

  /** The checkpoint's file name, following {@code model} links through LoRA loaders and patches. */
  private Optional<String> checkpoint(JsonNode link) {
    Set<String> visited = new HashSet<>();
    JsonNode current = link;
    for (int hops = 0; hops <= MAX_HOPS && current != null && current.isArray() && !current.isEmpty(); hops++) {
      if (!visited.add(current.get(0).asText())) {
        break;
      }
      JsonNode inputs = target(current).path("inputs");
      for (String key : CHECKPOINT_INPUTS) {
        Optional<JsonNode> name = scalar(inputs, key);
        if (name.isPresent() && name.get().isTextual()) {
          return Optional.of(name.get().asText());
        }
      }
      current = inputs.get("model");
    }
    return Optional.empty();
  }

  /**
   * The inputs of the node the latent starts from: one with its own width and height and no latent coming
   * in (EmptyLatentImage and its SD3/Flux cousins). A latent that comes out of another sampler or is
   * upscaled from one (LatentUpscale also has a width) is a later pass, and has none.
   */
  private Optional<JsonNode> emptyLatent(JsonNode link) {
    Set<String> visited = new HashSet<>();
    JsonNode current = link;
    for (int hops = 0; hops <= MAX_HOPS && current != null && current.isArray() && !current.isEmpty(); hops++) {
      if (!visited.add(current.get(0).asText())) {
        break;
      }
      JsonNode node = target(current);
      JsonNode inputs = node.path("inputs");
      if (node.path("class_type").asText("").contains("Sampler")) {
        return Optional.empty();
      }
      JsonNode next = LATENT_INPUTS.stream().map(inputs::path).filter(JsonNode::isArray).findFirst().orElse(null);
      if (next == null) {
        return inputs.has("width") && inputs.has("height") ? Optional.of(inputs) : Optional.empty();
      }
      current = next;
    }
    return Optional.empty();
  }
}
