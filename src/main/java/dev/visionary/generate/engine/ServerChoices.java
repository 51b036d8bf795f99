package dev.visionary.generate.engine;

import java.util.List;

/**
 * What a diffusion server has installed, as it lists them: checkpoints, samplers and schedulers. An empty list
 * means the server does not list that setting (an older AUTOMATIC1111 has no schedulers).
 */
public record ServerChoices(List<String> models, List<String> samplers, List<String> schedulers) {

  public ServerChoices {
    models = List.copyOf(models);
    samplers = List.copyOf(samplers);
    schedulers = List.copyOf(schedulers);
  }

  /** An engine whose checkpoints, samplers and schedulers are read from its server. */
  public interface Source {
    ServerChoices serverChoices() throws ImageEngineException;
  }
}
