package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.config.Config;
import dev.visionary.provider.HttpClients;
import dev.visionary.provider.ProviderJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks for language-model servers on this computer, as Open WebUI does: Ollama ({@code GET /api/tags}) and
 * LM Studio ({@code GET /v1/models}). Each look is one short request: an address that takes no connection within
 * {@link #CONNECT_TIMEOUT}, or a server that does not answer within {@link #ANSWER_TIMEOUT}, counts as absent, so a
 * page that asks never waits long.
 */
public final class LocalServers {
  /** A server on this computer accepts at once, or refuses at once; a firewall that drops the connection is not waited for. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
  /** Listing models takes a local server milliseconds, but a JVM just started needs some of this for its first request. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(1);
  /** The most of a model list read: a few hundred models, far more than anyone installs. */
  private static final int MAX_BODY_BYTES = 512 * 1024;

  /**
   * One kind of local server.
   *
   * @param id     the engine id it is offered under
   * @param label  its name on the Studio and settings pages
   * @param pullHint how a missing model is installed on it, with {@code %s} for the model
   */
  public record Kind(String id, String label, String pullHint) {}

  public static final Kind OLLAMA = new Kind("local-ollama", "Ollama, found locally", "run `ollama pull %s`");
  public static final Kind LM_STUDIO = new Kind("local-lmstudio", "LM Studio, found locally", "download it in LM Studio");

  /**
   * What a look found.
   *
   * @param root    the server's address, without a path
   * @param host    host and port, for the settings page
   * @param answered false when nothing answered at the address
   * @param models  the chat models it has installed, embedding models left out
   * @param model   the model it would be used with, or null when none is usable
   * @param problem why it cannot be used though it answered (no chat model, the wanted one missing), or null
   */
  public record Found(Kind kind, String root, String host, boolean answered, List<String> models, String model, String problem) {
    public boolean usable() {
      return answered && model != null && problem == null;
    }
  }

  private final Config.LocalModels config;
  private final Optional<String> ollamaModel;
  /** Made by the first look, which runs on the discovery thread: building a client is not cheap, and starting need not wait for it. */
  private volatile HttpClient http;

  /**
   * @param ollamaModel OLLAMA_MODEL when set: the model a found Ollama is used with, reported missing when it is not
   *                    installed; otherwise the first chat model Ollama lists
   */
  public LocalServers(Config.LocalModels config, Optional<String> ollamaModel) {
    this.config = config;
    this.ollamaModel = ollamaModel;
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client = HttpClients.api(CONNECT_TIMEOUT);
          http = client;
        }
      }
    }
    return client;
  }

  public boolean enabled() {
    return config.discovery();
  }

  /** Asks both addresses at once; returns within about {@link #ANSWER_TIMEOUT} whatever they do. */
  public List<Found> look() {
    if (!config.discovery()) {
      return List.of();
    }
    CompletableFuture<byte[]> ollama = get(config.ollama().resolve("/api/tags"));
    CompletableFuture<byte[]> lmStudio = get(config.lmStudio().resolve("/v1/models"));
    List<Found> found = new ArrayList<>();
    found.add(ollama(answer(ollama)));
    found.add(lmStudio(answer(lmStudio)));
    return found;
  }

  private Found ollama(JsonNode tags) {
    String host = host(config.ollama());
    String base = config.ollama().toString();
    if (tags == null || !tags.path("models").isArray()) {
      return new Found(OLLAMA, base, host, false, List.of(), null, null);
    }
    List<String> models = new ArrayList<>();
    for (JsonNode m : tags.path("models")) {
      String name = ProviderJson.string(m.get("name"));
      if (name != null && !name.isBlank() && isChatModel(name, m.path("details"))) {
        models.add(name);
      }
    }
    if (ollamaModel.isPresent()) {
      String wanted = ollamaModel.get();
      Optional<String> installed = models.stream().filter(m -> sameOllamaModel(m, wanted)).findFirst();
      return installed.map(m -> new Found(OLLAMA, base, host, true, models, m, null))
          .orElseGet(() -> new Found(OLLAMA, base, host, true, models, wanted, missing(OLLAMA, wanted)));
    }
    if (models.isEmpty()) {
      return new Found(OLLAMA, base, host, true, models, null, "Ollama answered but has no chat model installed: run `ollama pull llama3.2`.");
    }
    return new Found(OLLAMA, base, host, true, models, models.get(0), null);
  }

  private Found lmStudio(JsonNode list) {
    String host = host(config.lmStudio());
    String base = config.lmStudio().toString();
    if (list == null || !list.path("data").isArray()) {
      return new Found(LM_STUDIO, base, host, false, List.of(), null, null);
    }
    List<String> models = new ArrayList<>();
    for (JsonNode m : list.path("data")) {
      String id = ProviderJson.string(m.get("id"));
      if (id != null && !id.isBlank() && isChatModel(id, m)) {
        models.add(id);
      }
    }
    if (models.isEmpty()) {
      return new Found(LM_STUDIO, base, host, true, models, null, "LM Studio answered but has no chat model: download one in LM Studio.");
    }
    return new Found(LM_STUDIO, base, host, true, models, models.get(0), null);
  }

  /** "model X is not installed — run `ollama pull X`", in the words the settings page shows. */
  public static String missing(Kind kind, String model) {
    return "Model " + model + " is not installed — " + kind.pullHint().formatted(model) + ".";
  }

  /** Ollama's tag defaults to {@code latest}: {@code llama3.2} is {@code llama3.2:latest}. */
  public static boolean sameOllamaModel(String installed, String wanted) {
    String a = installed.contains(":") ? installed : installed + ":latest";
    String b = wanted.contains(":") ? wanted : wanted + ":latest";
    return a.equalsIgnoreCase(b);
  }

  /**
   * Embedding models answer no chat request; they are told by name (nomic-embed-text, text-embedding-…) and, where
   * the server says, by a BERT family.
   */
  private static boolean isChatModel(String name, JsonNode details) {
    String lower = name.toLowerCase(Locale.ROOT);
    String family = ProviderJson.string(details.get("family"));
    String type = ProviderJson.string(details.get("type"));
    return !lower.contains("embed") && !(family != null && family.toLowerCase(Locale.ROOT).contains("bert"))
        && !"embeddings".equals(type);
  }

  /** The body of a 200 answer, read no further than the limit; null for any other answer or one too long. */
  private CompletableFuture<byte[]> get(URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).header("Accept", "application/json").GET().build();
    return http().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return response.statusCode() == 200 && body.length <= MAX_BODY_BYTES ? body : null;
      } catch (IOException e) {
        return null;
      }
    });
  }

  /** The JSON answer, or null when nothing (or not a 200 with JSON) came back in time. */
  private static JsonNode answer(CompletableFuture<byte[]> pending) {
    try {
      byte[] body = pending.get(ANSWER_TIMEOUT.toMillis() + 200, TimeUnit.MILLISECONDS);
      JsonNode json = body == null ? null : ProviderJson.parse(body);
      return json != null && json.isObject() ? json : null;
    } catch (ExecutionException | TimeoutException e) {
      pending.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String host(URI uri) {
    return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
