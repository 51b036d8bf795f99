package dev.visionary.expand;

import dev.visionary.expand.builtin.Expander;
import dev.visionary.expand.llm.LocalServers;
import dev.visionary.expand.llm.OllamaChatClient;
import dev.visionary.expand.llm.OpenAiCompatibleClient;
import dev.visionary.provider.CallPolicy;
import dev.visionary.expand.llm.ChatClient;
import dev.visionary.provider.ProviderException;
import dev.visionary.expand.llm.LlmSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expansion engines this instance offers: the built-in one always, each language model the environment
 * configures, and each model server found on this computer (Ollama, LM Studio) while it answers. Unconfigured
 * engines are not offered.
 */
final class ExpansionEngines {
  private static final Logger log = LoggerFactory.getLogger(ExpansionEngines.class);
  static final String BUILTIN = "builtin";
  private static final long STATUS_TTL_MILLIS = 60_000;
  /** Local servers come and go as people start them; looking again costs two requests to this computer. */
  private static final long LOCAL_TTL_MILLIS = 30_000;
  /** A server just started is offered soon after; a look that found nothing is a refused connection, cheap to repeat. */
  private static final long LOCAL_ABSENT_TTL_MILLIS = 5_000;
  /** The longest the settings page waits for a fresh look; a look itself ends within about a second. */
  private static final long SETTINGS_WAIT_MILLIS = 1_500;
  /** The longest the Studio waits for one, so a server just started is offered without a second visit. */
  private static final long STUDIO_WAIT_MILLIS = 300;

  private final Map<String, StudioEngine> engines = new LinkedHashMap<>();
  private final Map<String, CachedStatus> statuses = new ConcurrentHashMap<>();
  /** Separate clients for the settings page, with short timeouts and no retries: a dead server must not stall it. */
  private final Map<String, ChatClient> probes = new LinkedHashMap<>();
  private final LlmSettings settings;
  private final CallPolicy policy;
  private final LocalServers localServers;
  /** Every local engine found since start, kept so an expansion begun with one still runs after the server's next look. */
  private final Map<String, LlmEngine> found = new ConcurrentHashMap<>();
  private final ExecutorService looker = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "local-model-discovery");
    t.setDaemon(true);
    return t;
  });
  private volatile LocalLook lastLook = new LocalLook(List.of(), 0);
  private CompletableFuture<Void> looking = CompletableFuture.completedFuture(null);

  /**
   * How an engine looks on the settings page: configured or not, its model and server, whether that server
   * answers, and the models it offers. The message is Visionary's own words, never a provider's text: the
   * page is shared by everyone signed in, and provider text can echo keys.
   *
   * @param badge a word or two on the engine's state: Ready, Not reachable, Model missing, Not found, Not configured
   */
  record Status(String id, String label, boolean configured, String model, String host, boolean ok, String badge, String message,
      List<String> models) {}

  private record CachedStatus(Status status, long at) {}

  private record LocalLook(List<LocalServers.Found> servers, long at) {}

  ExpansionEngines(Expander builtin, LlmSettings settings, CallPolicy policy, LocalServers localServers) {
    this.settings = settings;
    this.policy = policy;
    this.localServers = localServers;
    engines.put(BUILTIN, new BuiltinEngine(builtin));
    for (ChatClient client : settings.clients(policy)) {
      String model = settings.defaultModel(client.id()).orElseThrow();
      engines.put(client.id(), new LlmEngine(client, label(client.id()), model));
    }
    CallPolicy quick = new CallPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ZERO);
    settings.clients(quick).forEach(client -> probes.put(client.id(), client));
  }

  /** The first look for local servers, so the first Studio page finds its result rather than waiting for it. */
  void lookInBackground() {
    lookAgainIfStale();
  }

  /**
   * The engines to offer now: configured ones, then the local servers the last look found usable. When that look is
   * old, a new one is waited for briefly: a server on this computer answers in milliseconds.
   */
  List<StudioEngine> all() {
    awaitLook(STUDIO_WAIT_MILLIS);
    List<StudioEngine> all = new ArrayList<>(engines.values());
    for (LocalServers.Found server : lastLook.servers()) {
      if (offered(server)) {
        all.add(found.get(server.kind().id()));
      }
    }
    return all;
  }

  /** Changes whenever the engines offered do, so a page listing them is not served from before the change. */
  String offeredKey() {
    return all().stream().map(e -> e.id() + "=" + e.model()).collect(Collectors.joining(","));
  }

  Optional<StudioEngine> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    StudioEngine configured = engines.get(id);
    return configured != null ? Optional.of(configured) : Optional.ofNullable(found.get(id));
  }

  /**
   * Every engine with its status, the unconfigured ones last; model lists are asked of each configured server at
   * most once a minute, and of the local servers every half minute.
   */
  List<Status> statuses() {
    awaitLook(SETTINGS_WAIT_MILLIS);
    List<Status> out = new ArrayList<>();
    out.add(new Status(BUILTIN, engines.get(BUILTIN).label(), true, null, null, true, "Ready", "Ready. Works offline, no key needed.", List.of()));
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
    for (LocalServers.Found server : lastLook.servers()) {
      if (!duplicatesConfigured(server)) {
        out.add(localStatus(server));
      }
    }
    for (LlmSettings.Known known : LlmSettings.KNOWN) {
      if (!engines.containsKey(known.id())) {
        out.add(new Status(known.id(), label(known.id()), false, null, null, false, "Not configured",
            "Not configured. Set " + known.variables() + ".", List.of()));
      }
    }
    return out;
  }

  private Status localStatus(LocalServers.Found server) {
    String label = server.kind().label();
    if (!server.answered()) {
      return new Status(server.kind().id(), label, false, null, server.host(), false, "Not found",
          "Nothing answered on " + server.host() + ". Start it and reload this page, or set LOCAL_MODEL_DISCOVERY=off.", List.of());
    }
    if (!server.usable()) {
      return new Status(server.kind().id(), label, true, server.model(), server.host(), false,
          server.model() == null ? "No model" : "Model missing", server.problem(), server.models());
    }
    return new Status(server.kind().id(), label, true, server.model(), server.host(), true, "Ready",
        "Ready. Found on this computer without configuration, and offered in the Studio.", server.models());
  }

  private Status probe(LlmEngine engine, ChatClient probe) {
    String host = settings.endpoint(engine.id()).map(e -> host(e.baseUrl())).orElse(null);
    try {
      List<String> models = probe.models();
      Optional<String> missing = missingModel(engine, models);
      if (missing.isPresent()) {
        return new Status(engine.id(), engine.label(), true, engine.model(), host, false, "Model missing", missing.get(), models);
      }
      return new Status(engine.id(), engine.label(), true, engine.model(), host, true, "Ready", "Ready.", models);
    } catch (ProviderException e) {
      return new Status(engine.id(), engine.label(), true, engine.model(), host, false, "Not reachable", e.kind().summary() + ".", List.of());
    }
  }

  /**
   * The first expansion with a model the server lacks fails; this says so beforehand. Only for the servers whose model
   * list names the models by the id a request uses: Anthropic's list holds dated ids and not the aliases people set.
   */
  private static Optional<String> missingModel(LlmEngine engine, List<String> models) {
    String model = engine.model();
    if (engine.id().equals("ollama")) {
      return models.stream().anyMatch(m -> LocalServers.sameOllamaModel(m, model)) ? Optional.empty()
          : Optional.of(LocalServers.missing(LocalServers.OLLAMA, model));
    }
    if (engine.id().equals("openai") && !models.isEmpty() && !models.contains(model)) {
      return Optional.of("Model " + model + " is not offered by this server, so expansions with it would fail. "
          + "Set OPENAI_CHAT_MODEL to one of the models listed below.");
    }
    return Optional.empty();
  }

  private boolean offered(LocalServers.Found server) {
    return server.usable() && !duplicatesConfigured(server) && found.containsKey(server.kind().id());
  }

  /** A found server that is also configured (OLLAMA_URL, OPENAI_BASE_URL pointing at it) is offered once, as configured. */
  private boolean duplicatesConfigured(LocalServers.Found server) {
    return LlmSettings.KNOWN.stream()
        .map(k -> settings.endpoint(k.id()))
        .flatMap(Optional::stream)
        .anyMatch(e -> e.baseUrl().equalsIgnoreCase(server.root()) || e.baseUrl().equalsIgnoreCase(server.root() + "/v1"));
  }

  /** Starts a look at the local servers when the last one is old; never waits for it. */
  private synchronized CompletableFuture<Void> lookAgainIfStale() {
    long ttl = lastLook.servers().stream().allMatch(LocalServers.Found::answered) ? LOCAL_TTL_MILLIS : LOCAL_ABSENT_TTL_MILLIS;
    if (!localServers.enabled() || !looking.isDone() || System.currentTimeMillis() - lastLook.at() < ttl) {
      return looking;
    }
    looking = CompletableFuture.runAsync(this::look, looker);
    return looking;
  }

  private void awaitLook(long millis) {
    try {
      lookAgainIfStale().get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // The page shows what the last look found.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void look() {
    List<LocalServers.Found> servers = localServers.look();
    for (LocalServers.Found server : servers) {
      boolean wasUsable = lastLook.servers().stream().anyMatch(s -> s.kind() == server.kind() && s.usable());
      if (server.usable() != wasUsable) {
        log.info(server.usable() ? "{} found at {}, offered with model {}" : "{} at {} is no longer offered",
            server.kind().label(), server.host(), server.model());
      }
      if (server.usable()) {
        found.compute(server.kind().id(), (id, known) -> known != null && known.model().equals(server.model()) ? known
            : new LlmEngine(client(server), server.kind().label(), server.model()));
      }
    }
    lastLook = new LocalLook(servers, System.currentTimeMillis());
  }

  /** Ollama is spoken to in its own API, which takes the answer's schema as is; LM Studio in the OpenAI-compatible one. */
  private ChatClient client(LocalServers.Found server) {
    String id = server.kind().id();
    return server.kind() == LocalServers.OLLAMA ? new OllamaChatClient(id, server.root(), policy)
        : new OpenAiCompatibleClient(id, server.root() + "/v1", null, policy);
  }

  /** Stops looking; a look under way ends on its own within its timeout. */
  void close() {
    looker.shutdownNow();
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
