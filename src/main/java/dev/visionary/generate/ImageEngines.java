package dev.visionary.generate;

import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ServerChoices;
import dev.visionary.generate.remote.ImageModels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.visionary.generate.remote.Automatic1111Engine;
import dev.visionary.generate.remote.ComfyUiEngine;
import dev.visionary.generate.remote.OpenAiImageEngine;
import dev.visionary.generate.remote.RunwayEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image engines this server has, in the order people see them (the built-in engine first), with
 * what each model accepts so forms offer only valid choices and the server refuses the rest.
 */
public final class ImageEngines {

  /** Long enough that changing fields on the form does not ask the server each time, short enough to see a new checkpoint soon. */
  static final Duration LISTS_FRESH = Duration.ofSeconds(60);

  /**
   * The sampling settings a diffusion model takes, with the values used when the form leaves them empty.
   *
   * @param scheduler null when the engine takes none by default (AUTOMATIC1111 before 1.9 lists none)
   */
  public record Tuning(int steps, double cfg, String sampler, String scheduler) {
    public static final int MIN_STEPS = 1;
    public static final int MAX_STEPS = 150;
    public static final double MIN_CFG = 1;
    public static final double MAX_CFG = 30;
  }

  /**
   * One model of an engine and the choices it accepts.
   *
   * @param freeSize whether sizes besides {@code sizes} are accepted within GPT Image 2's bounds
   * @param takesNegative whether the engine is sent a negative prompt
   * @param takesSeed whether the engine is sent a seed
   * @param tuning steps, CFG scale, sampler and scheduler with their defaults; null when the engine takes none
   */
  public record ModelChoice(String id, String label, List<String> sizes, boolean freeSize, int maxCount, List<String> qualities,
      List<String> styles, int maxPromptChars, boolean takesNegative, boolean takesSeed, Tuning tuning) {

    public boolean acceptsSize(String size) {
      if (sizes.contains(size)) {
        return true;
      }
      if (!freeSize || size == null || !size.matches("\\d{1,5}x\\d{1,5}")) {
        return false;
      }
      String[] wh = size.split("x");
      return ImageModels.freeSizeFits(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    /** The quality sent when the form names none: the API's own default where it has one. */
    public String defaultQuality() {
      return qualities.contains("auto") ? "auto" : qualities.isEmpty() ? null : qualities.get(0);
    }
  }

  /**
   * An engine as offered to people.
   *
   * @param serverModels whether the checkpoint is a name the engine's server lists, rather than one of {@code models}
   */
  public record EngineChoice(String id, String label, List<ModelChoice> models, boolean serverModels) {
    public ModelChoice defaultModel() {
      return models.get(0);
    }

    public Optional<ModelChoice> model(String modelId) {
      if (modelId == null || modelId.isBlank() || serverModels) {
        return Optional.of(defaultModel());
      }
      return models.stream().filter(m -> m.id().equals(modelId)).findFirst();
    }
  }

  /** What a server listed, or why it could not; {@code choices} is null when listing failed. */
  public record Listing(ServerChoices choices, String problem) {}

  private record Cached(Listing listing, Instant until) {}

  private final Map<String, ImageEngine> engines = new LinkedHashMap<>();
  private final Map<String, EngineChoice> choices = new LinkedHashMap<>();
  private final Map<String, Integer> concurrency = new LinkedHashMap<>();
  private final Map<String, Cached> listings = new ConcurrentHashMap<>();
  private final Clock clock;

  public ImageEngines() {
    this(Clock.systemUTC());
  }

  ImageEngines(Clock clock) {
    this.clock = clock;
  }

  public ImageEngines add(ImageEngine engine, List<ModelChoice> models, int maxConcurrent) {
    engines.put(engine.id(), engine);
    choices.put(engine.id(), new EngineChoice(engine.id(), engine.label(), List.copyOf(models), engine instanceof ServerChoices.Source));
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

  /**
   * The engine a prompt written for {@code target} (a {@link dev.visionary.prompt.Target} id) is best drawn
   * with among those configured: the model family the prompt's dialect was written for, else the built-in one.
   */
  public String defaultFor(String target) {
    List<String> suited = switch (target == null ? "" : target) {
      case "dalle", "gpt-image" -> List.of(OpenAiImageEngine.ID);
      case "stable-diffusion" -> List.of(Automatic1111Engine.ID, ComfyUiEngine.ID);
      case "runway" -> List.of(RunwayEngine.ID);
      default -> List.of();
    };
    return suited.stream().filter(engines::containsKey).findFirst().orElse(BuiltinImageEngine.ID);
  }

  /**
   * The checkpoints, samplers and schedulers the engine's server lists, kept for {@link #LISTS_FRESH}; empty for
   * engines that list none. A failure is kept as long, so a server that is down does not slow every form.
   */
  public Optional<Listing> listing(String id) {
    if (!(engines.get(id) instanceof ServerChoices.Source source)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Cached cached = listings.get(id);
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.listing());
    }
    Listing listing;
    try {
      listing = new Listing(source.serverChoices(), null);
    } catch (ImageEngineException e) {
      listing = new Listing(null, e.getMessage());
    }
    listings.put(id, new Cached(listing, now.plus(LISTS_FRESH)));
    return Optional.of(listing);
  }

  int concurrency(String id) {
    return concurrency.getOrDefault(id, 1);
  }
}
