package dev.visionary.expand.llm;

import dev.visionary.config.Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language-model engines configured in the environment. An engine is present only when its variables are:
 * {@code openai} when {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} is set (a local compatible server
 * needs no key), {@code ollama} when {@code OLLAMA_URL} is set, {@code anthropic} when {@code ANTHROPIC_API_KEY}
 * is set.
 */
public record LlmSettings(Optional<Endpoint> openai, Optional<Endpoint> ollama, Optional<Endpoint> anthropic) {

  /**
   * Where one engine lives and which model it uses by default.
   *
   * @param baseUrl the API root the client is given
   * @param apiKey  the key, or null when none is needed
   * @param model   the default model id
   */
  public record Endpoint(String baseUrl, String apiKey, String model) {
    @Override
    public String toString() {
      // Keys must never reach a log line or a page, even through string concatenation.
      return "Endpoint[" + baseUrl + ", model=" + model + ", key=" + (apiKey == null ? "none" : "set") + "]";
    }
  }

  /** Reads the variables; a malformed URL stops start-up with a message naming the variable. */
  public static LlmSettings from(Map<String, String> env) {
    String openAiKey = value(env, "OPENAI_API_KEY");
    String openAiUrl = value(env, "OPENAI_BASE_URL");
    Optional<Endpoint> openai = openAiKey == null && openAiUrl == null ? Optional.empty()
        : Optional.of(new Endpoint(url("OPENAI_BASE_URL", openAiUrl == null ? "https://api.openai.com/v1" : openAiUrl),
            openAiKey, valueOr(env, "OPENAI_CHAT_MODEL", "gpt-4o-mini")));

    String ollamaUrl = value(env, "OLLAMA_URL");
    Optional<Endpoint> ollama = ollamaUrl == null ? Optional.empty()
        : Optional.of(new Endpoint(ollamaV1(url("OLLAMA_URL", ollamaUrl)), null, valueOr(env, "OLLAMA_MODEL", "llama3.2")));

    String anthropicKey = value(env, "ANTHROPIC_API_KEY");
    Optional<Endpoint> anthropic = anthropicKey == null ? Optional.empty()
        : Optional.of(new Endpoint(url("ANTHROPIC_BASE_URL", valueOr(env, "ANTHROPIC_BASE_URL", "https://api.anthropic.com")),
            anthropicKey, valueOr(env, "ANTHROPIC_MODEL", "claude-sonnet-4-5")));
    return new LlmSettings(openai, ollama, anthropic);
  }

  /** A client for every configured engine, in the order the settings page lists them. */
  public List<ChatClient> clients(CallPolicy policy) {
    List<ChatClient> clients = new ArrayList<>();
    openai.ifPresent(e -> clients.add(new OpenAiCompatibleClient("openai", e.baseUrl(), e.apiKey(), policy)));
    ollama.ifPresent(e -> clients.add(new OpenAiCompatibleClient("ollama", e.baseUrl(), e.apiKey(), policy)));
    anthropic.ifPresent(e -> clients.add(new AnthropicClient(e.baseUrl(), e.apiKey(), policy)));
    return clients;
  }

  /** The default model of the engine with this id, if it is configured. */
  public Optional<String> defaultModel(String engineId) {
    return endpoint(engineId).map(Endpoint::model);
  }

  /** The endpoint of the engine with this id ({@link #KNOWN}), if it is configured. */
  public Optional<Endpoint> endpoint(String engineId) {
    return switch (engineId) {
      case "openai" -> openai;
      case "ollama" -> ollama;
      case "anthropic" -> anthropic;
      default -> Optional.empty();
    };
  }

  /** A language-model engine Visionary knows, with the variables that turn it on. */
  public record Known(String id, String variables) {}

  /** Every language-model engine Visionary knows, configured or not, in the order the settings page lists them. */
  public static final List<Known> KNOWN = List.of(
      new Known("openai", "OPENAI_API_KEY or OPENAI_BASE_URL"),
      new Known("ollama", "OLLAMA_URL"),
      new Known("anthropic", "ANTHROPIC_API_KEY"));

  /** Ollama serves the OpenAI-compatible API under /v1 of its root URL. */
  private static String ollamaV1(String root) {
    return root.endsWith("/v1") ? root : root + "/v1";
  }

  private static String url(String name, String raw) {
    String trimmed = raw.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new Config.Invalid(name + " must be an http:// or https:// URL, got \"" + trimmed + "\"");
      }
      return trimmed;
    } catch (URISyntaxException e) {
      throw new Config.Invalid(name + " is not a valid URL: \"" + trimmed + "\"");
    }
  }

  private static String value(Map<String, String> env, String name) {
    String raw = env.get(name);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private static String valueOr(Map<String, String> env, String name, String fallback) {
    String raw = value(env, name);
    return raw == null ? fallback : raw;
  }
}
