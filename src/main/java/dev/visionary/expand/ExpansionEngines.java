package dev.visionary.expand;

import dev.visionary.expand.builtin.Expander;
import dev.visionary.expand.llm.CallPolicy;
import dev.visionary.expand.llm.ChatClient;
import dev.visionary.expand.llm.LlmException;
import dev.visionary.expand.llm.LlmSettings;
import java.net.URI;
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
  private final LlmSettings settings;

  /**
   * How an engine looks on the settings page: configured or not, its model and server, whether that server
   * answers, and the models it offers. The message is Visionary's own words, never a provider's text: the
   * page is shared by everyone signed in, and provider text can echo keys.
   */
  record Status(String id, String label, boolean configured, String model, String host, boolean ok, String message,
      List<String> models) {}

  private record CachedStatus(Status status, long at) {}

  ExpansionEngines(Expander builtin, LlmSettings settings, CallPolicy policy) {
    this.settings = settings;
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

  /**
   * Every engine with its status, the unconfigured ones last; model lists are asked of each server at most once
   * a minute.
   */
  List<Status> statuses() {
    List<Status> out = new ArrayList<>();
    out.add(new Status(BUILTIN, engines.get(BUILTIN).label(), true, null, null, true, "Ready. Works offline, no key needed.", List.of()));
    for (LlmSettings.Known known : LlmSettings.KNOWN) {
      if (!(engines.get(known.id()) instanceof LlmEngine llm)) {
        continue;
      }
      CachedStatus cached = statuses.get(llm.id());
      if (cached == null || System.currentTimeMillis() - cached.at() > STATUS_TTL_MILLIS) {
        cached = new CachedStatus(probe(llm, probes.get(llm.id())), System.currentTimeMillis());
        statuses.put(llm.id(), cached);
      }
      out.add(cached.status());
    }
    for (LlmSettings.Known known : LlmSettings.KNOWN) {
      if (!engines.containsKey(known.id())) {
        out.add(new Status(known.id(), label(known.id()), false, null, null, false, "Not configured. Set " + known.variables() + ".", List.of()));
      }
    }
    return out;
  }

  private Status probe(LlmEngine engine, ChatClient probe) {
    String host = settings.endpoint(engine.id()).map(e -> host(e.baseUrl())).orElse(null);
    try {
      List<String> models = probe.models();
      return new Status(engine.id(), engine.label(), true, engine.model(), host, true, "Ready.", models);
    } catch (LlmException e) {
      return new Status(engine.id(), engine.label(), true, engine.model(), host, false, e.kind().summary() + ".", List.of());
    }
  }

  /** The server's host and port: enough to tell which server is meant, without a path or query that may hold a key. */
  private static String host(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
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
