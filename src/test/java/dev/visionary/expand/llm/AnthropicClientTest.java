package dev.visionary.expand.llm;

import static dev.visionary.expand.llm.FakeProviderServer.json;
import static dev.visionary.expand.llm.FakeProviderServer.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.CallPolicy;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

  private static final String KEY = "sk-ant-api03-test-secret";
  private static final CallPolicy FAST = new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(20));

  private FakeProviderServer server;
  private AnthropicClient client;

  @BeforeEach
  void start() throws IOException {
    server = FakeProviderServer.start();
    client = new AnthropicClient(server.url(""), KEY, FAST);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest request(boolean stream) {
    return new ChatRequest("You write image prompts.", "a beach sunset", "claude-sonnet-4-5", 0.7, 1024, null, stream);
  }

  @Test
  void shouldDeliverStreamedTextInOrderBeforeTheStreamEnds() throws Exception {
    server.then(sse(150, AnthropicWire.messageStart(), AnthropicWire.blockStart(), AnthropicWire.ping(),
        AnthropicWire.textDelta("A calm "), AnthropicWire.textDelta("beach at "), AnthropicWire.textDelta("sunset"),
        AnthropicWire.blockStop(), AnthropicWire.messageDelta("end_turn"), AnthropicWire.messageStop()));
    List<String> deltas = new ArrayList<>();
    long[] firstDeltaNanos = new long[1];

    ChatResult result = client.complete(request(true), piece -> {
      if (deltas.isEmpty()) {
        firstDeltaNanos[0] = System.nanoTime();
      }
      deltas.add(piece);
    });

    assertEquals(List.of("A calm ", "beach at ", "sunset"), deltas);
    assertTrue(firstDeltaNanos[0] < server.lastChunkNanos.get(), "the first words arrive while the stream is still open");
    assertEquals("A calm beach at sunset", result.text());
    assertEquals("end_turn", result.finishReason());
    assertEquals("claude-sonnet-4-5-20250929", result.model());
  }

  @Test
  void shouldSendTheMessagesWireFormat() throws Exception {
    server.then(json(200, AnthropicWire.message("{\"prompts\":[]}", "end_turn")));
    ChatRequest request = new ChatRequest("You write image prompts.", "a beach sunset", "claude-sonnet-4-5", 1.6, 1024,
        PromptSchema.forCount(3), false);

    client.complete(request, piece -> { });

    FakeProviderServer.Received sent = server.received.get(0);
    assertEquals("/v1/messages", sent.path());
    assertEquals(KEY, sent.headers().getFirst("x-api-key"));
    assertEquals("2023-06-01", sent.headers().getFirst("anthropic-version"));
    JsonNode body = sent.json();
    assertEquals("claude-sonnet-4-5", body.path("model").asText());
    assertEquals(1024, body.path("max_tokens").asInt());
    assertTrue(body.path("system").asText().startsWith("You write image prompts."));
    assertTrue(body.path("system").asText().contains("\"prompts\""), "the schema is asked for in words");
    assertEquals(1, body.path("messages").size());
    assertEquals("user", body.path("messages").path(0).path("role").asText());
    assertEquals(1.0, body.path("temperature").asDouble(), "Anthropic's range is 0 to 1");
    for (String absent : List.of("response_format", "n", "seed", "stream")) {
      assertFalse(body.has(absent), "must not send " + absent);
    }
  }

  @Test
  void shouldReturnANonStreamedAnswer() throws Exception {
    server.then(json(200, AnthropicWire.message("1. A beach at dusk\n2. Palms at sunset", "end_turn")));

    ChatResult result = client.complete(request(false), piece -> { });

    assertEquals("1. A beach at dusk\n2. Palms at sunset", result.text());
    assertEquals(2, PromptListParser.parse(result.text()).size());
  }

  @Test
  void shouldRetryWhenOverloaded() throws Exception {
    server.then(json(529, AnthropicWire.error("overloaded_error", "Overloaded")))
        .then(json(200, AnthropicWire.message("a beach", "end_turn")));

    assertEquals("a beach", client.complete(request(false), piece -> { }).text());
    assertEquals(2, server.received.size());
  }

  @Test
  void shouldReportOverloadAfterThreeAttempts() {
    server.always(json(529, AnthropicWire.error("overloaded_error", "Overloaded")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.OVERLOADED, e.kind());
    assertEquals(3, server.received.size());
  }

  @Test
  void shouldWaitForRetryAfterThenSucceed() throws Exception {
    client = new AnthropicClient(server.url(""), KEY, new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(5)));
    server.then(json(429, AnthropicWire.error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
            "retry-after", "1"))
        .then(json(200, AnthropicWire.message("a beach", "end_turn")));

    assertEquals("a beach", client.complete(request(false), piece -> { }).text());
    assertTrue(server.millisBetween(0, 1) >= 1000, "waited " + server.millisBetween(0, 1) + " ms");
  }

  @Test
  void shouldNotRetryASpendLimit() {
    server.always(json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"You have reached your "
        + "specified API usage limits.\",\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}", "retry-after", "60"));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.RATE_LIMITED, e.kind());
    assertFalse(e.retryable());
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldReportARejectedKeyWithoutRetrying() {
    server.always(json(401, AnthropicWire.error("authentication_error", "invalid x-api-key")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.AUTH, e.kind());
    assertTrue(e.getMessage().startsWith("The API key was rejected"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldRaiseAnErrorEventFromTheStream() {
    server.always(sse(0, AnthropicWire.messageStart(), AnthropicWire.errorEvent("overloaded_error", "Overloaded")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), piece -> { }));

    assertEquals(Failure.OVERLOADED, e.kind());
    assertEquals(3, server.received.size(), "no text was shown, so it is retried");
  }

  @Test
  void shouldReportARefusal() {
    server.then(sse(0, AnthropicWire.messageStart(), AnthropicWire.messageDelta("refusal"), AnthropicWire.messageStop()));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), piece -> { }));

    assertEquals(Failure.CONTENT_FILTER, e.kind());
  }

  @Test
  void shouldListModels() throws Exception {
    server.then(json(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":\"Claude Sonnet 4.5\","
        + "\"created_at\":\"2025-09-29T00:00:00Z\"},{\"type\":\"model\",\"id\":\"claude-haiku-4-5-20251001\","
        + "\"display_name\":\"Claude Haiku 4.5\",\"created_at\":\"2025-10-01T00:00:00Z\"}],\"has_more\":false,"
        + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-haiku-4-5-20251001\"}"));

    assertEquals(List.of("claude-haiku-4-5-20251001", "claude-sonnet-4-5-20250929"), client.models());
    assertTrue(server.received.get(0).path().startsWith("/v1/models"));
    assertEquals(KEY, server.received.get(0).headers().getFirst("x-api-key"));
  }
}
