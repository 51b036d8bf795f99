package dev.visionary.expand;

import dev.visionary.expand.llm.CallPolicy;
import dev.visionary.expand.llm.ChatClient;
import dev.visionary.expand.llm.LlmException;
import dev.visionary.expand.llm.LlmSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The expansion engines this instance offers: the built-in one always, and each language model the
 * environment configures. Unconfigured engines are not listed at all.
 */
final class ExpansionEngines {
  static final String BUILTIN = "builtin";
  private static final long STATUS_TTL_MILLIS = 60_000;

  private final Map<String, StudioEngine> engines = new LinkedHashMap<>();
  private final Map<String, CachedStatus> statuses = new ConcurrentHashMap<>();
  /** Separate clients for the settings page, with short timeouts and no retries: a dead server must not stall it. */
  private final Map<String, ChatClient> probes = new LinkedHashMap<>();

  /** How an engine looks on the settings page: ready or not, and the models its server offers. */
  record Status(String id, String label, String model, boolean ok, String message, List<String> models) {}

  private record CachedStatus(Status status, long at) {}

  ExpansionEngines(Expander builtin, LlmSettings settings, CallPolicy policy) {
    engines.put(BUILTIN, new BuiltinEngine(builtin));
    for (ChatClient client : settings.clients(policy)) {
      String model = settings.defaultModel(client.id()).orElseThrow();
      engines.put(client.id(), new LlmEngine(client, label(client.id()), model));
    }
    CallPolicy quick = new CallPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ZERO);
    settings.clients(quick).forEach(client -> probes.put(client.id(), client));
  }

  List<StudioEngine> all() {
    return List.copyOf(engines.values());
  }

  Optional<StudioEngine> find(String id) {
    return Optional.ofNullable(id == null ? null : engines.get(id));
  }

  /** Every engine with its status; model lists are asked of each server at most once a minute. */
  List<Status> statuses() {
    List<Status> out = new ArrayList<>();
    for (StudioEngine engine : engines.values()) {
      if (!(engine instanceof LlmEngine llm)) {
        out.add(new Status(engine.id(), engine.label(), null, true, "Ready. Works offline, no key needed.", List.of()));
        continue;
      }
      CachedStatus cached = statuses.get(engine.id());
      if (cached == null || System.currentTimeMillis() - cached.at() > STATUS_TTL_MILLIS) {
        cached = new CachedStatus(probe(llm, probes.get(llm.id())), System.currentTimeMillis());
        statuses.put(engine.id(), cached);
      }
      out.add(cached.status());
    }
    return out;
  }

  private static Status probe(LlmEngine engine, ChatClient probe) {
    try {
      List<String> models = probe.models();
      return new Status(engine.id(), engine.label(), engine.model(), true, "Ready.", models);
    } catch (LlmException e) {
      return new Status(engine.id(), engine.label(), engine.model(), false, e.getMessage(), List.of());
    }
  }

  private static String label(String id) {
    return switch (id) {
      case "openai" -> "OpenAI-compatible";
      case "ollama" -> "Ollama";
      case "anthropic" -> "Anthropic";
      default -> id;
    };
  }
}
