package dev.visionary.expand.llm;

import static dev.visionary.expand.llm.FakeProviderServer.json;
import static dev.visionary.expand.llm.FakeProviderServer.silence;
import static dev.visionary.expand.llm.FakeProviderServer.sse;
import static dev.visionary.expand.llm.FakeProviderServer.sseThenStall;
import static dev.visionary.expand.llm.FakeProviderServer.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.CallPolicy;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import dev.visionary.provider.ProviderJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest {

  private static final String KEY = "sk-test-0123456789abcdef";
  private static final CallPolicy FAST = new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofMillis(20));

  private FakeProviderServer server;
  private OpenAiCompatibleClient client;

  @BeforeEach
  void start() throws IOException {
    server = FakeProviderServer.start();
    client = new OpenAiCompatibleClient("openai", server.url("/v1"), KEY, FAST);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ChatRequest request(boolean stream) {
    return new ChatRequest("You write image prompts.", "a beach sunset", "gpt-4o-mini", null, 800, null, stream);
  }

  @Test
  void shouldDeliverStreamedChunksInOrderBeforeTheStreamEnds() throws Exception {
    server.then(sse(150, ": OPENROUTER PROCESSING\n\n", OpenAiWire.roleChunk(), OpenAiWire.chunk("The sun "),
        OpenAiWire.chunk("touches "), OpenAiWire.chunk("the horizon"), OpenAiWire.finishChunk("stop"),
        OpenAiWire.usageChunk(), OpenAiWire.done()));
    List<String> deltas = new ArrayList<>();
    long[] firstDeltaNanos = new long[1];

    ChatResult result = client.complete(request(true), piece -> {
      if (deltas.isEmpty()) {
        firstDeltaNanos[0] = System.nanoTime();
      }
      deltas.add(piece);
    });

    assertEquals(List.of("The sun ", "touches ", "the horizon"), deltas);
    assertTrue(firstDeltaNanos[0] < server.lastChunkNanos.get(), "the first words arrive while the stream is still open");
    assertEquals("The sun touches the horizon", result.text());
    assertEquals("stop", result.finishReason());
    assertEquals("gpt-4o-mini-2024-07-18", result.model());
    assertEquals("text/event-stream", server.received.get(0).headers().getFirst("Accept"));
    assertTrue(server.received.get(0).json().path("stream").asBoolean());
  }

  @Test
  void shouldReturnANonStreamedAnswerAndSendOnlyPortableFields() throws Exception {
    server.then(json(200, OpenAiWire.completion("A golden beach at dusk", "stop")));
    List<String> deltas = new ArrayList<>();

    ChatResult result = client.complete(request(false), deltas::add);

    assertEquals("A golden beach at dusk", result.text());
    assertEquals("stop", result.finishReason());
    assertNull(result.refusal());
    assertTrue(deltas.isEmpty(), "no deltas without streaming");
    FakeProviderServer.Received sent = server.received.get(0);
    assertEquals("POST", sent.method());
    assertEquals("/v1/chat/completions", sent.path());
    assertEquals("Bearer " + KEY, sent.headers().getFirst("Authorization"));
    JsonNode body = sent.json();
    assertEquals("gpt-4o-mini", body.path("model").asText());
    assertEquals("system", body.path("messages").path(0).path("role").asText());
    assertEquals("a beach sunset", body.path("messages").path(1).path("content").asText());
    assertEquals(800, body.path("max_tokens").asInt());
    assertFalse(body.path("stream").asBoolean());
    for (String absent : List.of("n", "seed", "max_completion_tokens", "temperature", "response_format")) {
      assertFalse(body.has(absent), "must not send " + absent);
    }
  }

  @Test
  void shouldAskForTheSchemaAndReadTheStructuredAnswer() throws Exception {
    String answer = "{\"prompts\":[{\"prompt\":\"A beach at sunset, warm orange light\",\"negative_prompt\":null},"
        + "{\"prompt\":\"Palm silhouettes against a pink sky\",\"negative_prompt\":\"blurry\"}]}";
    server.then(json(200, OpenAiWire.completion(answer, "stop")));
    ChatRequest request = new ChatRequest("You write image prompts.", "a beach sunset", "gpt-4o-mini", 0.9, 800,
        PromptSchema.forCount(2), false);

    ChatResult result = client.complete(request, piece -> { });

    JsonNode format = server.received.get(0).json().path("response_format");
    assertEquals("json_schema", format.path("type").asText());
    assertTrue(format.path("json_schema").path("strict").asBoolean());
    assertEquals(PromptSchema.forCount(2), format.path("json_schema").path("schema"));
    assertEquals(0.9, server.received.get(0).json().path("temperature").asDouble());
    List<PromptVariation> prompts = PromptListParser.parse(result.text());
    assertEquals(List.of(new PromptVariation("A beach at sunset, warm orange light", null),
        new PromptVariation("Palm silhouettes against a pink sky", "blurry")), prompts);
  }

  @Test
  void shouldSendBodiesThatValidateAgainstTheOfficialSchema() throws Exception {
    server.always(json(200, OpenAiWire.completion("ok", "stop")));
    List<ChatRequest> requests = List.of(
        request(false),
        new ChatRequest("", "an owl", "llama3.2", 0.0, 1, null, false),
        new ChatRequest("Be vivid.", "a castle", "gpt-4.1-mini", 2.0, 4000, PromptSchema.forCount(8), false),
        new ChatRequest("Be vivid.", "ein Schloss im Nebel 🏰", "my-local-model", 1.2, 500, PromptSchema.forCount(1), false));
    for (ChatRequest request : requests) {
      client.complete(request, piece -> { });
    }
    server.always(sse(0, OpenAiWire.chunk("ok"), OpenAiWire.finishChunk("stop"), OpenAiWire.done()));
    client.complete(request(true), piece -> { });

    assertEquals(5, server.received.size());
    for (FakeProviderServer.Received sent : server.received) {
      assertEquals(List.of(), List.copyOf(OpenAiRequestSchema.problems(sent.json())), sent.body());
    }
  }

  @Test
  void theSchemaCheckRejectsAnInvalidBody() {
    JsonNode bad = ProviderJson.parse("{\"model\":\"gpt-4o-mini\",\"messages\":[],\"temperature\":3}");
    assertFalse(OpenAiRequestSchema.problems(bad).isEmpty(), "the validator must be able to fail");
  }

  @Test
  void shouldSendNoAuthorizationHeaderWithoutAKey() throws Exception {
    server.then(json(200, OpenAiWire.completion("ok", "stop")));
    new OpenAiCompatibleClient("ollama", server.url("/v1"), null, FAST).complete(request(false), piece -> { });
    assertNull(server.received.get(0).headers().getFirst("Authorization"));
  }

  @Test
  void shouldReportARejectedKeyWithoutRetryingOrRevealingIt() {
    server.always(json(401, OpenAiWire.error("Incorrect API key provided: " + KEY
        + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.AUTH, e.kind());
    assertEquals(401, e.status());
    assertTrue(e.getMessage().startsWith("The API key was rejected"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertFalse(e.retryable());
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldWaitForRetryAfterThenSucceed() throws Exception {
    client = new OpenAiCompatibleClient("openai", server.url("/v1"), KEY,
        new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(5)));
    server.then(json(429, OpenAiWire.error("Rate limit reached for gpt-4o-mini on requests per min (RPM)",
            "requests", "rate_limit_exceeded"), "Retry-After", "1"))
        .then(json(200, OpenAiWire.completion("after the wait", "stop")));

    ChatResult result = client.complete(request(false), piece -> { });

    assertEquals("after the wait", result.text());
    assertEquals(2, server.received.size());
    assertTrue(server.millisBetween(0, 1) >= 1000, "waited " + server.millisBetween(0, 1) + " ms");
  }

  @Test
  void shouldHonourRetryAfterMillisecondsFirst() throws Exception {
    client = new OpenAiCompatibleClient("openai", server.url("/v1"), KEY,
        new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(5)));
    server.then(json(429, OpenAiWire.error("slow down", "requests", "rate_limit_exceeded"),
            "Retry-After-Ms", "300", "Retry-After", "3"))
        .then(json(200, OpenAiWire.completion("ok", "stop")));

    client.complete(request(false), piece -> { });

    long waited = server.millisBetween(0, 1);
    assertTrue(waited >= 300, "waited " + waited + " ms");
  }

  @Test
  void shouldNotRetryAnExhaustedQuota() {
    server.always(json(429, OpenAiWire.error("You exceeded your current quota, please check your plan and billing details.",
        "insufficient_quota", "insufficient_quota")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.RATE_LIMITED, e.kind());
    assertFalse(e.retryable());
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldGiveUpOnServerErrorsAfterThreeAttempts() {
    server.always(json(500, OpenAiWire.error("The server had an error while processing your request.", "server_error", null)));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.SERVER, e.kind());
    assertEquals(500, e.status());
    assertTrue(e.getMessage().contains("The server had an error"), e.getMessage());
    assertEquals(3, server.received.size());
  }

  @Test
  void shouldRaiseAnErrorSentInsideTheStream() {
    server.always(sse(0, OpenAiWire.roleChunk(),
        "data: " + OpenAiWire.error("The model crashed while generating", "server_error", null) + "\n\n"));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), piece -> { }));

    assertEquals(Failure.SERVER, e.kind());
    assertTrue(e.getMessage().contains("The model crashed"), e.getMessage());
    assertEquals(3, server.received.size(), "nothing was shown yet, so the call is retried");
  }

  @Test
  void shouldNotRetryOnceStreamedTextWasDelivered() {
    server.always(sse(0, OpenAiWire.chunk("A beach "),
        "data: {\"error\":{\"message\":\"upstream disconnected\",\"type\":\"api_error\",\"param\":null,\"code\":502}}\n\n"));
    List<String> deltas = new ArrayList<>();

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), deltas::add));

    assertEquals(Failure.SERVER, e.kind());
    assertEquals(List.of("A beach "), deltas);
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldTimeOutOnceWhenTheServerNeverAnswers() {
    server.always(silence());

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
    assertEquals(1, server.received.size(), "a server that stayed silent is not asked again");
  }

  @Test
  void shouldTimeOutWhenAStreamStalls() {
    server.always(sseThenStall(OpenAiWire.chunk("A beach at")));
    List<String> deltas = new ArrayList<>();

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), deltas::add));

    assertEquals(Failure.TIMEOUT, e.kind());
    assertEquals(List.of("A beach at"), deltas);
    assertEquals(1, server.received.size());
  }

  @Test
  void shouldReportAnUnreachableServer() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    OpenAiCompatibleClient nowhere = new OpenAiCompatibleClient("ollama", "http://127.0.0.1:" + closedPort + "/v1", null, FAST);

    ProviderException e = assertThrows(ProviderException.class, () -> nowhere.complete(request(false), piece -> { }));

    assertEquals(Failure.UNREACHABLE, e.kind());
    assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
  }

  @Test
  void shouldReportAContentFilterStop() {
    server.then(json(200, OpenAiWire.completion(null, "content_filter")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.CONTENT_FILTER, e.kind());
    assertFalse(e.retryable());
  }

  @Test
  void shouldReportARefusalWithTheModelsWords() {
    server.then(json(200, OpenAiWire.refusal("I'm sorry, I can't help with that request.")));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));

    assertEquals(Failure.CONTENT_FILTER, e.kind());
    assertTrue(e.getMessage().contains("I can't help with that"), e.getMessage());
  }

  @Test
  void shouldReportAStreamedContentFilterStop() {
    server.then(sse(0, OpenAiWire.roleChunk(), OpenAiWire.finishChunk("content_filter"), OpenAiWire.done()));

    ProviderException e = assertThrows(ProviderException.class, () -> client.complete(request(true), piece -> { }));

    assertEquals(Failure.CONTENT_FILTER, e.kind());
  }

  @Test
  void shouldReadErrorBodiesInEveryCommonShape() {
    server.then(json(400, "{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));
    ProviderException flat = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));
    assertEquals(Failure.BAD_REQUEST, flat.kind());
    assertEquals("max_tokens is too large", flat.detail());

    server.then(json(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"));
    ProviderException ollama = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));
    assertEquals(Failure.BAD_REQUEST, ollama.kind());
    assertTrue(ollama.getMessage().contains("try pulling it first"), ollama.getMessage());

    server.always(text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
        + "</h1></center><hr><center>nginx</center></body></html>"));
    ProviderException proxy = assertThrows(ProviderException.class, () -> client.complete(request(false), piece -> { }));
    assertEquals(Failure.SERVER, proxy.kind());
    assertEquals("502 Bad Gateway", proxy.detail());
  }

  @Test
  void shouldAcceptAJsonAnswerWhenAStreamWasAskedFor() throws Exception {
    server.then(json(200, OpenAiWire.completion("whole answer at once", "stop")));
    List<String> deltas = new ArrayList<>();

    ChatResult result = client.complete(request(true), deltas::add);

    assertEquals("whole answer at once", result.text());
    assertEquals(List.of("whole answer at once"), deltas);
  }

  @Test
  void shouldAdaptToAReasoningModelThatRefusesMaxTokensAndTemperature() throws Exception {
    server.always((exchange, request, fake) -> {
      JsonNode body = request.json();
      if (body.has("max_tokens")) {
        json(400, "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this model. "
            + "Use 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\","
            + "\"code\":\"unsupported_parameter\"}}").send(exchange, request, fake);
      } else if (body.has("temperature")) {
        json(400, "{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0.8 with this model. "
            + "Only the default (1) value is supported.\",\"type\":\"invalid_request_error\",\"param\":\"temperature\","
            + "\"code\":\"unsupported_value\"}}").send(exchange, request, fake);
      } else {
        json(200, OpenAiWire.completion("ok", "stop")).send(exchange, request, fake);
      }
    });
    ChatRequest request = new ChatRequest("", "a beach", "gpt-5-mini", 0.8, 2000, null, false);

    assertEquals("ok", client.complete(request, piece -> { }).text());
    assertEquals(3, server.received.size());
    client.complete(request, piece -> { });
    assertEquals(4, server.received.size(), "what was learnt is remembered");
    JsonNode last = server.received.get(3).json();
    assertEquals(2000, last.path("max_completion_tokens").asInt());
    assertEquals(List.of(), List.copyOf(OpenAiRequestSchema.problems(last)), last.toString());
  }

  @Test
  void shouldListModels() throws Exception {
    server.then(json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,"
        + "\"owned_by\":\"system\"},{\"id\":\"dall-e-3\",\"object\":\"model\",\"created\":1,\"owned_by\":\"system\"}]}"));

    assertEquals(List.of("dall-e-3", "gpt-4o-mini"), client.models());
    assertEquals("GET", server.received.get(0).method());
    assertEquals("/v1/models", server.received.get(0).path());
  }
}
