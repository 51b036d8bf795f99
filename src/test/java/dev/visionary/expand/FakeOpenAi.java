package dev.visionary.expand;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.visionary.support.FakeServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 speaking the exact wire format: streamed
 * {@code chat.completion.chunk} events ending with {@code data: [DONE]}, OpenAI's error bodies, and
 * {@code /v1/models}. It can hold its last chunk until a test lets it go.
 */
final class FakeOpenAi implements AutoCloseable {
  private static final ObjectMapper JSON = FakeServer.JSON;

  private final FakeServer server = FakeServer.start();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int failWith;
  private volatile List<String> prompts = List.of();
  private volatile CountDownLatch holdLast = new CountDownLatch(0);
  private volatile com.fasterxml.jackson.databind.JsonNode lastRequest;

  FakeOpenAi() {
    server.stream("POST", "/v1/chat/completions", this::chat);
    server.stream("GET", "/v1/models", (exchange, request) -> models(exchange));
  }

  /** Where it listens, for a test that finds it rather than configures it. */
  java.net.URI uri() {
    return server.uri();
  }

  /** The environment that points Visionary's {@code openai} engine here. */
  Map<String, String> env() {
    return Map.of("OPENAI_BASE_URL", server.uri() + "/v1", "OPENAI_API_KEY", "test",
        "OPENAI_CHAT_MODEL", "gpt-4o-mini");
  }

  /** The prompts the next answers hold, streamed a few words at a time. */
  FakeOpenAi answering(String... prompts) {
    this.prompts = List.of(prompts);
    this.failWith = 0;
    return this;
  }

  /** Every call fails with this HTTP status and OpenAI's error body (401, 429, 500 …). */
  FakeOpenAi failingWith(int status) {
    this.failWith = status;
    return this;
  }

  /** The last chunk waits until the returned latch is counted down. */
  CountDownLatch holdingTheLastChunk() {
    CountDownLatch latch = new CountDownLatch(1);
    holdLast = latch;
    return latch;
  }

  int requests() {
    return requests.get();
  }

  /** The body of the last chat request, as sent. */
  com.fasterxml.jackson.databind.JsonNode lastRequest() {
    return lastRequest;
  }

  private void models(HttpExchange exchange) throws IOException {
    send(exchange, 200, "application/json", """
        {"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1700000000,"owned_by":"system"}]}""");
  }

  private void chat(HttpExchange exchange, FakeServer.Request request) throws IOException {
    requests.incrementAndGet();
    lastRequest = request.json();
    int status = failWith;
    if (status != 0) {
      String type = status == 401 ? "invalid_request_error" : status == 429 ? "rate_limit_error" : "server_error";
      String code = status == 401 ? "\"invalid_api_key\"" : "null";
      String message = status == 401 ? "Incorrect API key provided: te**. You can find your API key at https://platform.openai.com/account/api-keys."
          : status == 429 ? "Rate limit reached for requests" : "The server had an error while processing your request. Sorry about that!";
      send(exchange, status, "application/json",
          "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + code + "}}");
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    var array = body.putArray("prompts");
    for (String p : prompts) {
      array.addObject().put("prompt", p).putNull("negative_prompt");
    }
    String content = JSON.writeValueAsString(body);
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < content.length(); i += 12) {
      pieces.add(content.substring(i, Math.min(content.length(), i + 12)));
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      event(out, chunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
      for (int i = 0; i < pieces.size(); i++) {
        if (i == pieces.size() - 1 && !holdLast.await(60, TimeUnit.SECONDS)) {
          return; // the test gave up; end the stream without finishing
        }
        event(out, chunk(JSON.createObjectNode().put("content", pieces.get(i)), null));
        Thread.sleep(5);
      }
      event(out, chunk(JSON.createObjectNode(), "stop"));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String chunk(ObjectNode delta, String finishReason) throws IOException {
    ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
        .put("created", 1_700_000_000L).put("model", "gpt-4o-mini-2024-07-18").put("system_fingerprint", "fp_fake");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return JSON.writeValueAsString(chunk);
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    holdLast.countDown();
    server.close();
  }
}
