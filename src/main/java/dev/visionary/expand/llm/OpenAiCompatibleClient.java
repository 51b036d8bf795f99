package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.provider.CallPolicy;
import dev.visionary.provider.Failure;
import dev.visionary.provider.HttpClients;
import dev.visionary.provider.LineResponse;
import dev.visionary.provider.ProviderException;
import dev.visionary.provider.ProviderJson;
import dev.visionary.provider.SseEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Chat Completions over any OpenAI-compatible server: OpenAI itself, Ollama's {@code /v1}, llama.cpp, vLLM,
 * LM Studio. Sends only what every one of them understands: no {@code n}, no {@code seed}, and
 * {@code max_tokens} rather than {@code max_completion_tokens}, which the compatible servers ignore (except for a
 * model that explicitly asks for it).
 */
public final class OpenAiCompatibleClient implements ChatClient {

  private static final int MAX_BODY_CHARS = 1_000_000;

  private final String id;
  private final String baseUrl;
  private final String apiKey;
  private final CallPolicy policy;
  private final HttpClient http;
  /** Set once the server has refused {@code response_format}; from then on the schema is asked for in words. */
  private final AtomicBoolean structuredOutputRejected = new AtomicBoolean();
  /** Models that refused {@code max_tokens} and asked for {@code max_completion_tokens}. */
  private final Set<String> completionTokenModels = ConcurrentHashMap.newKeySet();
  /** Models that refused any temperature but their default. */
  private final Set<String> defaultTemperatureModels = ConcurrentHashMap.newKeySet();

  /**
   * @param id      the engine id ({@code openai}, {@code ollama})
   * @param baseUrl the API root including its version, e.g. {@code https://api.openai.com/v1}
   * @param apiKey  sent as a Bearer token; null or blank sends no Authorization header
   */
  public OpenAiCompatibleClient(String id, String baseUrl, String apiKey, CallPolicy policy) {
    this.id = id;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    this.policy = policy;
    this.http = HttpClients.api(policy.connectTimeout());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatResult complete(ChatRequest request, Consumer<String> onDelta) throws ProviderException {
    RetryLoop.Delivery delivery = new RetryLoop.Delivery(onDelta);
    return RetryLoop.run(policy, delivery,
        () -> send(request, request.jsonSchema() != null && !structuredOutputRejected.get(), delivery));
  }

  @Override
  public List<String> models() throws ProviderException {
    return RetryLoop.run(policy, null, () -> {
      HttpRequest get = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/models"))).GET().build();
      try (LineResponse response = LineResponse.send(http, get, policy)) {
        String body = response.body(MAX_BODY_CHARS);
        if (response.status() / 100 != 2) {
          throw ProviderErrors.fromResponse(response.status(), response.headers(), body, apiKey);
        }
        return ModelList.ids(body);
      }
    });
  }

  /** A CreateChatCompletionRequest holding only the fields every compatible server accepts. */
  private ObjectNode requestBody(ChatRequest request, boolean structured) {
    ObjectNode body = ProviderJson.object();
    body.put("model", request.model());
    ArrayNode messages = body.putArray("messages");
    String system = request.jsonSchema() != null && !structured
        ? SchemaInstruction.append(request.system(), request.jsonSchema())
        : request.system();
    if (!system.isBlank()) {
      messages.addObject().put("role", "system").put("content", system);
    }
    if (request.image() == null) {
      messages.addObject().put("role", "user").put("content", request.user());
    } else {
      // A picture goes as a content part beside the text, inline as a data: URL (no upload step needed).
      ArrayNode parts = messages.addObject().put("role", "user").putArray("content");
      parts.addObject().put("type", "text").put("text", request.user());
      parts.addObject().put("type", "image_url").putObject("image_url").put("url", request.image().dataUrl());
    }
    if (request.temperature() != null && !defaultTemperatureModels.contains(request.model())) {
      body.put("temperature", request.temperature());
    }
    body.put(completionTokenModels.contains(request.model()) ? "max_completion_tokens" : "max_tokens", request.maxTokens());
    body.put("stream", request.stream());
    if (structured) {
      ObjectNode format = body.putObject("response_format");
      format.put("type", "json_schema");
      ObjectNode schema = format.putObject("json_schema");
      schema.put("name", "answer");
      schema.set("schema", request.jsonSchema());
      schema.put("strict", true);
    }
    return body;
  }

  private ChatResult send(ChatRequest request, boolean structured, RetryLoop.Delivery delivery) throws ProviderException {
    HttpRequest post = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions")))
        .header("Content-Type", "application/json")
        .header("Accept", request.stream() ? "text/event-stream" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderJson.write(requestBody(request, structured))))
        .build();
    try (LineResponse response = LineResponse.send(http, post, policy)) {
      if (response.status() / 100 != 2) {
        String body = response.body(MAX_BODY_CHARS);
        ProviderException failure = ProviderErrors.fromResponse(response.status(), response.headers(), body, apiKey);
        if (failure.kind() == Failure.BAD_REQUEST && adaptTo(body, request, structured)) {
          response.close();
          return send(request, structured && !structuredOutputRejected.get(), delivery);
        }
        throw failure;
      }
      // Some servers ignore stream:true and answer in one JSON body; treat that as a one-piece stream.
      if (request.stream() && response.isEventStream()) {
        return readStream(response, delivery);
      }
      ChatResult result = readAnswer(response.body(MAX_BODY_CHARS));
      if (request.stream()) {
        delivery.accept(result.text());
      }
      return result;
    }
  }

  private ChatResult readAnswer(String body) throws ProviderException {
    JsonNode json = ProviderJson.parse(body);
    if (!json.isObject()) {
      throw new ProviderException(Failure.BAD_RESPONSE, "the answer was not JSON");
    }
    if (json.hasNonNull("error")) {
      throw ProviderErrors.fromErrorObject(json, apiKey);
    }
    JsonNode choice = json.path("choices").path(0);
    if (choice.isMissingNode()) {
      throw new ProviderException(Failure.BAD_RESPONSE, "the answer had no choices");
    }
    JsonNode message = choice.path("message");
    return finish(ProviderJson.string(message.get("content")), ProviderJson.string(choice.get("finish_reason")),
        ProviderJson.string(message.get("refusal")), ProviderJson.string(json.get("model")));
  }

  private ChatResult readStream(LineResponse response, RetryLoop.Delivery delivery) throws ProviderException {
    SseEvents events = new SseEvents(response::nextLine);
    StringBuilder text = new StringBuilder();
    StringBuilder refusal = new StringBuilder();
    String finishReason = null;
    String model = null;
    boolean done = false;
    for (SseEvents.Event event = events.next(); event != null; event = events.next()) {
      if (event.data().strip().equals("[DONE]")) {
        done = true;
        break;
      }
      JsonNode chunk = ProviderJson.parse(event.data());
      if (!chunk.isObject()) {
        throw new ProviderException(Failure.BAD_RESPONSE, "a piece of the streamed answer was not JSON");
      }
      if (chunk.hasNonNull("error")) {
        throw ProviderErrors.fromErrorObject(chunk, apiKey);
      }
      if (ProviderJson.string(chunk.get("model")) != null) {
        model = chunk.get("model").asText();
      }
      JsonNode choice = chunk.path("choices").path(0);
      String piece = ProviderJson.string(choice.path("delta").get("content"));
      if (piece != null) {
        text.append(piece);
        delivery.accept(piece);
      }
      String refused = ProviderJson.string(choice.path("delta").get("refusal"));
      if (refused != null) {
        refusal.append(refused);
      }
      if (ProviderJson.string(choice.get("finish_reason")) != null) {
        finishReason = choice.get("finish_reason").asText();
      }
    }
    if (!done && finishReason == null) {
      throw new ProviderException(Failure.BAD_RESPONSE, 0, "the answer stream ended before the answer was complete", null);
    }
    return finish(text.toString(), finishReason, refusal.length() == 0 ? null : refusal.toString(), model);
  }

  /** A refusal or a filtered answer with nothing usable in it is an error a person must see as such. */
  private static ChatResult finish(String text, String finishReason, String refusal, String model) throws ProviderException {
    String answer = text == null ? "" : text;
    boolean filtered = refusal != null || "content_filter".equals(finishReason);
    if (filtered && answer.isBlank()) {
      throw new ProviderException(Failure.CONTENT_FILTER, refusal == null ? "the answer was stopped by the content filter" : refusal);
    }
    return new ChatResult(answer, finishReason, refusal, model);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    builder.timeout(policy.requestTimeout());
    return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
  }

  /**
   * Learns from a 400 that names a field this server or model does not take, so the request can be sent again
   * without it. Every lesson can be learnt only once, which bounds the resending. Ollama, llama.cpp and older servers refuse
   * {@code json_schema}; OpenAI's reasoning models refuse {@code max_tokens} and any temperature but the default.
   */
  private boolean adaptTo(String errorBody, ChatRequest request, boolean structured) {
    String error = errorBody.toLowerCase(Locale.ROOT);
    if (structured && (error.contains("response_format") || error.contains("json_schema"))) {
      structuredOutputRejected.set(true);
      return true;
    }
    if (error.contains("max_completion_tokens") && error.contains("max_tokens")) {
      return completionTokenModels.add(request.model());
    }
    if (request.temperature() != null && error.contains("temperature")
        && (error.contains("unsupported") || error.contains("not support"))) {
      return defaultTemperatureModels.add(request.model());
    }
    return false;
  }
}
