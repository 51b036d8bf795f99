package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
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

/**
 * Expansion through a server that behaves like Ollama's or llama.cpp's OpenAI-compatible API: it refuses
 * {@code n} and structured output with llama.cpp's integer error codes, and answers in plain text.
 */
class LocalServerCompatibilityTest {

  private static final CallPolicy FAST = new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(20));
  private static final String ANSWER = """
      Here are 4 prompt variations for your idea:

      1. **Golden hour calm:** A tranquil beach at sunset, the sun touching the horizon, warm orange and pink hues \
      reflected on calm water, palm silhouettes, seagulls in the distance
      2. **Dramatic sky:** A beach at sunset under towering clouds lit from below, crimson and violet sky, \
      waves crashing on dark rocks, wide-angle shot
      3. **Minimalist:** A lone figure walking along the shoreline at sunset, long shadow, soft pastel gradient, \
      negative space, 85mm lens
      4. **Tropical:** A beach sunset framed by leaning palm trees, turquoise shallows glowing amber, hammock \
      in the foreground, vibrant colors

      Let me know if you'd like any of these adjusted!
      """;

  private FakeProviderServer server;
  private OpenAiCompatibleClient client;

  @BeforeEach
  void start() throws IOException {
    server = FakeProviderServer.start().always(LocalServerCompatibilityTest::behaveLikeLlamaCpp);
    client = new OpenAiCompatibleClient("ollama", server.url("/v1"), null, FAST);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void behaveLikeLlamaCpp(HttpExchange exchange, FakeProviderServer.Received request,
                                         FakeProviderServer fake) throws Exception {
    JsonNode body = request.json();
    if (body.has("n")) {
      FakeProviderServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Only one completion choice is allowed\","
          + "\"type\":\"invalid_request_error\"}}").send(exchange, request, fake);
    } else if ("json_schema".equals(body.path("response_format").path("type").asText())) {
      FakeProviderServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Unsupported response_format type: json_schema\","
          + "\"type\":\"invalid_request_error\"}}").send(exchange, request, fake);
    } else if (body.path("stream").asBoolean()) {
      List<String> pieces = new ArrayList<>();
      for (String line : ANSWER.split("(?<=\n)")) {
        pieces.add(OpenAiWire.chunk(line));
      }
      pieces.add(OpenAiWire.finishChunk("stop"));
      pieces.add(OpenAiWire.done());
      FakeProviderServer.sse(5, pieces.toArray(String[]::new)).send(exchange, request, fake);
    } else {
      FakeProviderServer.json(200, OpenAiWire.completion(ANSWER, "stop")).send(exchange, request, fake);
    }
  }

  private static ChatRequest expansion(boolean stream) {
    return new ChatRequest("You write image prompts.", "a beach sunset", "llama3.2", 0.8, 1200,
        PromptSchema.forCount(4), stream);
  }

  @Test
  void expansionStillWorksWhenStructuredOutputIsRefused() throws Exception {
    StringBuilder shown = new StringBuilder();
    ChatResult result = client.complete(expansion(true), shown::append);

    List<PromptVariation> prompts = PromptListParser.parse(result.text());
    assertEquals(4, prompts.size(), prompts.toString());
    assertTrue(prompts.get(0).prompt().startsWith("A tranquil beach at sunset"), prompts.get(0).prompt());
    assertTrue(prompts.get(3).prompt().endsWith("vibrant colors"), prompts.get(3).prompt());
    assertEquals(ANSWER, shown.toString());

    assertEquals(2, server.received.size());
    JsonNode fallback = server.received.get(1).json();
    assertFalse(fallback.has("response_format"));
    assertTrue(fallback.path("messages").path(0).path("content").asText().contains("JSON Schema"),
        "without response_format the schema is asked for in the system message");
  }

  @Test
  void theFallbackIsRememberedForLaterRequests() throws Exception {
    client.complete(expansion(false), piece -> { });
    client.complete(expansion(false), piece -> { });

    assertEquals(3, server.received.size(), "one refusal, then straight to the fallback");
    assertFalse(server.received.get(2).json().has("response_format"));
  }

  @Test
  void requestsNeverCarryFieldsLocalServersRejectAndStayValid() throws Exception {
    client.complete(expansion(false), piece -> { });
    client.complete(expansion(true), piece -> { });

    for (FakeProviderServer.Received sent : server.received) {
      JsonNode body = sent.json();
      assertFalse(body.has("n") || body.has("seed") || body.has("max_completion_tokens"), sent.body());
      assertTrue(body.has("max_tokens"), sent.body());
      assertEquals(List.of(), List.copyOf(OpenAiRequestSchema.problems(body)), sent.body());
    }
  }

  @Test
  void integerErrorCodesAreUnderstood() {
    server.always(FakeProviderServer.json(503, "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(expansion(false), piece -> { }));

    assertEquals(Failure.SERVER, e.kind());
    assertEquals("Loading model", e.detail());
    assertEquals(3, server.received.size(), "a model still loading is worth retrying");
  }
}
