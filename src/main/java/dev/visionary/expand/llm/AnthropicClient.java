package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Consumer;

/**
 * Anthropic's Messages API. There is no {@code response_format}: a schema is asked for in the system
 * instruction and the answer is parsed leniently by {@link PromptListParser}.
 */
public final class AnthropicClient implements ChatClient {

  private static final String API_VERSION = "2023-06-01";
  private static final int MAX_BODY_CHARS = 1_000_000;

  private final String baseUrl;
  private final String apiKey;
  private final CallPolicy policy;
  private final HttpClient http;

  /** @param baseUrl the API root without version, e.g. {@code https://api.anthropic.com} */
  public AnthropicClient(String baseUrl, String apiKey, CallPolicy policy) {
    String root = baseUrl.replaceAll("/+$", "");
    // People paste the root with or without /v1; paths below always add it.
    this.baseUrl = root.endsWith("/v1") ? root.substring(0, root.length() - 3) : root;
    this.apiKey = apiKey == null ? "" : apiKey.strip();
    this.policy = policy;
    this.http = HttpClients.api(policy.connectTimeout());
  }

  @Override
  public String id() {
    return "anthropic";
  }

  @Override
  public ChatResult complete(ChatRequest request, Consumer<String> onDelta) throws ProviderException {
    RetryLoop.Delivery delivery = new RetryLoop.Delivery(onDelta);
    return RetryLoop.run(policy, delivery, () -> send(request, delivery));
  }

  @Override
  public List<String> models() throws ProviderException {
    return RetryLoop.run(policy, null, () -> {
      HttpRequest get = headers(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/models?limit=1000"))).GET().build();
      try (LineResponse response = LineResponse.send(http, get, policy)) {
        String body = response.body(MAX_BODY_CHARS);
        if (response.status() / 100 != 2) {
          throw ProviderErrors.fromResponse(response.status(), response.headers(), body, apiKey);
        }
        return ModelList.ids(body);
      }
    });
  }

  private ObjectNode requestBody(ChatRequest request) {
    ObjectNode body = ProviderJson.object();
    body.put("model", request.model());
    body.put("max_tokens", request.maxTokens());
    String system = request.jsonSchema() == null
        ? request.system()
        : SchemaInstruction.append(request.system(), request.jsonSchema());
    if (!system.isBlank()) {
      body.put("system", system);
    }
    if (request.image() == null) {
      body.putArray("messages").addObject().put("role", "user").put("content", request.user());
    } else {
      // An image block before the text, as Anthropic recommends, carrying the picture base64-encoded.
      var blocks = body.putArray("messages").addObject().put("role", "user").putArray("content");
      blocks.addObject().put("type", "image").putObject("source").put("type", "base64")
          .put("media_type", request.image().mediaType()).put("data", request.image().base64());
      blocks.addObject().put("type", "text").put("text", request.user());
    }
    if (request.temperature() != null) {
      // Anthropic accepts 0–1 where OpenAI accepts 0–2; a request written for either must not be rejected.
      body.put("temperature", Math.max(0, Math.min(1, request.temperature())));
    }
    if (request.stream()) {
      body.put("stream", true);
    }
    return body;
  }

  private ChatResult send(ChatRequest request, RetryLoop.Delivery delivery) throws ProviderException {
    HttpRequest post = headers(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderJson.write(requestBody(request))))
        .build();
    try (LineResponse response = LineResponse.send(http, post, policy)) {
      if (response.status() / 100 != 2) {
        String body = response.body(MAX_BODY_CHARS);
        throw ProviderErrors.fromResponse(response.status(), response.headers(), body, apiKey);
      }
      if (request.stream() && response.isEventStream()) {
        return readStream(response, delivery);
      }
      ChatResult result = readMessage(response.body(MAX_BODY_CHARS));
      if (request.stream()) {
        delivery.accept(result.text());
      }
      return result;
    }
  }

  private ChatResult readMessage(String body) throws ProviderException {
    JsonNode message = ProviderJson.parse(body);
    if (!message.isObject()) {
      throw new ProviderException(Failure.BAD_RESPONSE, "the answer was not JSON");
    }
    if ("error".equals(ProviderJson.string(message.get("type")))) {
      throw ProviderErrors.fromErrorObject(message, apiKey);
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : message.path("content")) {
      if ("text".equals(ProviderJson.string(block.get("type")))) {
        text.append(block.path("text").asText(""));
      }
    }
    return finish(text.toString(), ProviderJson.string(message.get("stop_reason")),
        ProviderJson.string(message.get("model")));
  }

  private ChatResult readStream(LineResponse response, RetryLoop.Delivery delivery) throws ProviderException {
    SseEvents events = new SseEvents(response::nextLine);
    StringBuilder text = new StringBuilder();
    String stopReason = null;
    String model = null;
    for (SseEvents.Event event = events.next(); event != null; event = events.next()) {
      JsonNode data = ProviderJson.parse(event.data());
      if (!data.isObject()) {
        throw new ProviderException(Failure.BAD_RESPONSE, "a piece of the streamed answer was not JSON");
      }
      // The data repeats the event name as "type"; it is the more reliable of the two behind proxies.
      String type = ProviderJson.string(data.get("type"));
      switch (type == null ? event.name() : type) {
        case "message_start" -> model = ProviderJson.string(data.path("message").get("model"));
        case "content_block_delta" -> {
          JsonNode delta = data.path("delta");
          if ("text_delta".equals(ProviderJson.string(delta.get("type")))) {
            String piece = delta.path("text").asText("");
            text.append(piece);
            delivery.accept(piece);
          }
        }
        case "message_delta" -> {
          String reason = ProviderJson.string(data.path("delta").get("stop_reason"));
          stopReason = reason != null ? reason : stopReason;
        }
        case "message_stop" -> {
          return finish(text.toString(), stopReason, model);
        }
        case "error" -> throw ProviderErrors.fromErrorObject(data, apiKey);
        default -> {
          // ping, content_block_start/stop and event types added later carry nothing we need.
        }
      }
    }
    throw new ProviderException(Failure.BAD_RESPONSE, 0, "the answer stream ended before the answer was complete", null);
  }

  private static ChatResult finish(String text, String stopReason, String model) throws ProviderException {
    boolean refused = "refusal".equals(stopReason);
    if (refused && text.isBlank()) {
      throw new ProviderException(Failure.CONTENT_FILTER, "the model stopped because of its safety policy");
    }
    return new ChatResult(text, stopReason, refused ? "the model stopped because of its safety policy" : null, model);
  }

  private HttpRequest.Builder headers(HttpRequest.Builder builder) {
    return builder.timeout(policy.requestTimeout())
        .header("x-api-key", apiKey)
        .header("anthropic-version", API_VERSION);
  }
}
