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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ollama's own chat API ({@code POST /api/chat}), used for an Ollama found on this computer: it takes a JSON Schema
 * as {@code format} and {@code num_predict} as the length bound, which its OpenAI-compatible {@code /v1} maps less
 * directly. The answer is NDJSON, one object per line, the last with {@code "done":true}; an error can arrive as a
 * line {@code {"error":"…"}} after a 200, so every line is checked.
 */
public final class OllamaChatClient implements ChatClient {
  private static final int MAX_BODY_CHARS = 1_000_000;

  private final String id;
  private final String root;
  private final CallPolicy policy;
  private final HttpClient http;

  /** @param root the server's address without a path, e.g. {@code http://127.0.0.1:11434} */
  public OllamaChatClient(String id, String root, CallPolicy policy) {
    this.id = id;
    this.root = root.replaceAll("/+$", "");
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
    return RetryLoop.run(policy, delivery, () -> send(request, delivery));
  }

  @Override
  public List<String> models() throws ProviderException {
    return RetryLoop.run(policy, null, () -> {
      HttpRequest get = HttpRequest.newBuilder(URI.create(root + "/api/tags")).timeout(policy.requestTimeout()).GET().build();
      try (LineResponse response = LineResponse.send(http, get, policy)) {
        String body = response.body(MAX_BODY_CHARS);
        if (response.status() / 100 != 2) {
          throw ProviderErrors.fromResponse(response.status(), response.headers(), body, null);
        }
        JsonNode models = ProviderJson.parse(body).path("models");
        if (!models.isArray()) {
          throw new ProviderException(Failure.BAD_RESPONSE, "the model list was not in the expected form");
        }
        List<String> names = new ArrayList<>();
        models.forEach(m -> {
          String name = ProviderJson.string(m.get("name"));
          if (name != null && !name.isBlank()) {
            names.add(name);
          }
        });
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
      }
    });
  }

  private ObjectNode requestBody(ChatRequest request) {
    ObjectNode body = ProviderJson.object();
    body.put("model", request.model());
    ArrayNode messages = body.putArray("messages");
    if (!request.system().isBlank()) {
      messages.addObject().put("role", "system").put("content", request.system());
    }
    ObjectNode user = messages.addObject().put("role", "user").put("content", request.user());
    if (request.image() != null) {
      // Ollama's vision models take pictures as base64 strings beside the message's text.
      user.putArray("images").add(request.image().base64());
    }
    if (request.jsonSchema() != null) {
      body.set("format", request.jsonSchema());
    }
    ObjectNode options = body.putObject("options");
    if (request.temperature() != null) {
      options.put("temperature", request.temperature());
    }
    options.put("num_predict", request.maxTokens());
    body.put("stream", request.stream());
    return body;
  }

  private ChatResult send(ChatRequest request, RetryLoop.Delivery delivery) throws ProviderException {
    HttpRequest post = HttpRequest.newBuilder(URI.create(root + "/api/chat"))
        .timeout(policy.requestTimeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderJson.write(requestBody(request))))
        .build();
    try (LineResponse response = LineResponse.send(http, post, policy)) {
      if (response.status() / 100 != 2) {
        throw ProviderErrors.fromResponse(response.status(), response.headers(), response.body(MAX_BODY_CHARS), null);
      }
      StringBuilder text = new StringBuilder();
      String model = null;
      for (String line = response.nextLine(); line != null; line = response.nextLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode part = ProviderJson.parse(line);
        if (!part.isObject()) {
          throw new ProviderException(Failure.BAD_RESPONSE, "a line of the answer was not JSON");
        }
        if (part.hasNonNull("error")) {
          throw ProviderErrors.fromErrorObject(part, null);
        }
        model = ProviderJson.string(part.get("model")) != null ? part.get("model").asText() : model;
        String piece = ProviderJson.string(part.path("message").get("content"));
        if (piece != null) {
          if (text.length() + piece.length() > MAX_BODY_CHARS) {
            throw new ProviderException(Failure.BAD_RESPONSE, "the answer was far longer than asked for");
          }
          text.append(piece);
          if (request.stream()) {
            delivery.accept(piece);
          }
        }
        if (part.path("done").asBoolean(false)) {
          return new ChatResult(text.toString(), ProviderJson.string(part.get("done_reason")), null, model);
        }
      }
      throw new ProviderException(Failure.BAD_RESPONSE, 0, "the answer ended before Ollama said it was done", null);
    }
  }
}
