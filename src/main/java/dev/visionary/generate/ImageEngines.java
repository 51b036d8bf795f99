package dev.visionary.generate;

import dev.visionary.generate.engine.ImageEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image engines this server has, in the order people see them (the built-in engine first), with
 * what each model accepts so forms offer only valid choices and the server refuses the rest.
 */
public final class ImageEngines {

  /** One model of an engine and the choices it accepts. */
  public record ModelChoice(String id, String label, List<String> sizes, int maxCount, List<String> qualities, List<String> styles, int maxPromptChars) {
    public boolean acceptsSize(String size) {
      return sizes.contains(size);
    }
  }

  /** An engine as offered to people. */
  public record EngineChoice(String id, String label, List<ModelChoice> models) {
    public ModelChoice defaultModel() {
      return models.get(0);
    }

    public Optional<ModelChoice> model(String modelId) {
      if (modelId == null || modelId.isBlank()) {
        return Optional.of(defaultModel());
      }
      return models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }
  }

  private final Map<String, ImageEngine> engines = new LinkedHashMap<>();
  private final Map<String, EngineChoice> choices = new LinkedHashMap<>();
  private final Map<String, Integer> concurrency = new LinkedHashMap<>();

  public ImageEngines add(ImageEngine engine, List<ModelChoice> models, int maxConcurrent) {
    engines.put(engine.id(), engine);
    choices.put(engine.id(), new EngineChoice(engine.id(), engine.label(), List.copyOf(models)));
    concurrency.put(engine.id(), maxConcurrent);
    return this;
  }

  public Optional<ImageEngine> get(String id) {
    return Optional.ofNullable(engines.get(id));
  }

  public Optional<EngineChoice> choice(String id) {
    return Optional.ofNullable(choices.get(id));
  }

  public List<EngineChoice> choices() {
    return new ArrayList<>(choices.values());
  }

  int concurrency(String id) {
    return concurrency.getOrDefault(id, 1);
  }
}
