package dev.visionary.generate.remote;

import dev.visionary.provider.Failure;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.support.FakeServer.Reply;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiImageEngineTest {

  private static final String KEY = "sk-test-0123456789abcdefSECRET";
  static final RemoteTimeouts FAST =
      new RemoteTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(10));
  private static final Instant NOW = Instant.parse("2026-08-21T10:00:00Z");

  private final FakeServer server = FakeServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiImageEngine engine(String defaultModel) {
    return new OpenAiImageEngine(URI.create(server.uri() + "/v1"), KEY, defaultModel, FAST, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ImageRequest request(String model, int width, int height, int count, String quality, String style) {
    return new ImageRequest("a beach sunset", null, width, height, count, null, model, quality, style, null, null, null, null);
  }

  /** An error body exactly as OpenAI sends it; checked against the official ErrorResponse schema. */
  private static String openAiError(String message, String type, String code) {
    String body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
        + (code == null ? "null" : "\"" + code + "\"") + "}}";
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.ERROR_RESPONSE, parse(body)));
    return body;
  }

  /** A success body; checked against the official ImagesResponse schema so the fake speaks the real format. */
  private static Reply imagesResponse(String json) {
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.IMAGES_RESPONSE, parse(json)));
    return Reply.json(200, json);
  }

  private static JsonNode parse(String json) {
    try {
      return FakeServer.JSON.readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ImageEngineException failWith(Reply reply) {
    server.on("POST", "/v1/images/generations", r -> reply);
    return assertThrows(ImageEngineException.class, () -> engine("gpt-image-1").generate(request(null, 1024, 1024, 1, null, null), ProgressListener.NONE));
  }

  private static void assertValidCreateImageRequest(JsonNode body) throws IOException {
    assertEquals("", OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, body), body.toString());
    // The schema allows unknown fields, so check separately that we only send fields it defines.
    Set<String> known = new HashSet<>();
    try (InputStream in = OpenAiImageEngineTest.class.getResourceAsStream("/openai/images-schemas.json")) {
      FakeServer.JSON.readTree(in).at("/components/schemas/CreateImageRequest/properties").fieldNames().forEachRemaining(known::add);
    }
    body.fieldNames().forEachRemaining(field -> assertTrue(known.contains(field), field + " is not a CreateImageRequest field"));
  }

  @Test
  void dallE3SendsASchemaValidRequestAndKeepsTheRevisedPrompt() throws Exception {
    byte[] png = TestImages.png(1792, 1024, Color.ORANGE);
    Reply reply = imagesResponse("{\"created\":1713833628,\"data\":[{\"b64_json\":\""
        + TestImages.base64(png) + "\",\"revised_prompt\":\"A vivid orange sunset over a quiet beach\"}]}");
    server.on("POST", "/v1/images/generations", r -> reply);

    List<GeneratedImage> images = engine("gpt-image-1").generate(request("dall-e-3", 1792, 1024, 1, "hd", "natural"), ProgressListener.NONE);

    FakeServer.Request sent = server.requests().get(0);
    assertEquals("Bearer " + KEY, sent.headers().getFirst("Authorization"));
    JsonNode body = sent.json();
    assertValidCreateImageRequest(body);
    assertEquals("dall-e-3", body.get("model").asText());
    assertEquals("b64_json", body.get("response_format").asText());
    assertEquals("1792x1024", body.get("size").asText());
    assertEquals("hd", body.get("quality").asText());
    assertEquals("natural", body.get("style").asText());
    assertEquals(1, body.get("n").asInt());
    GeneratedImage image = images.get(0);
    assertArrayEquals(png, image.bytes());
    assertEquals("A vivid orange sunset over a quiet beach", image.revisedPrompt());
    assertEquals(1792, image.width());
    assertEquals(GeneratedImage.PNG, image.mimeType());
  }

  @Test
  void gptImage1SendsNoResponseFormatAndDecodesEveryBase64Image() throws Exception {
    byte[] first = TestImages.png(1024, 1536, Color.BLUE);
    byte[] second = TestImages.jpeg(1024, 1536, Color.RED);
    Reply reply = imagesResponse("{\"created\":1713833628,\"data\":[{\"b64_json\":\""
        + TestImages.base64(first) + "\"},{\"b64_json\":\"" + TestImages.base64(second) + "\"}],\"output_format\":\"png\","
        + "\"size\":\"1024x1536\",\"quality\":\"high\",\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
        + "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}");
    server.on("POST", "/v1/images/generations", r -> reply);

    List<GeneratedImage> images = engine("gpt-image-1").generate(request(null, 1024, 1536, 2, "high", null), ProgressListener.NONE);

    JsonNode body = server.requests().get(0).json();
    assertValidCreateImageRequest(body);
    assertEquals("gpt-image-1", body.get("model").asText(), "the model is always sent, never left to the API default");
    assertFalse(body.has("response_format"));
    assertFalse(body.has("style"));
    assertEquals(2, images.size());
    assertArrayEquals(first, images.get(0).bytes());
    assertEquals("image/jpeg", images.get(1).mimeType());
    assertTrue(images.stream().allMatch(image -> image.seed() == null), "OpenAI Images take no seed, so none is recorded");
  }

  @Test
  void dallE2RequestsAreSchemaValidToo() throws Exception {
    server.on("POST", "/v1/images/generations", r -> Reply.json(200,
        "{\"created\":1,\"data\":[{\"b64_json\":\"" + TestImages.base64(TestImages.png(256, 256, Color.GREEN)) + "\"}]}"));
    engine("dall-e-2").generate(request(null, 256, 256, 1, "standard", null), ProgressListener.NONE);
    JsonNode body = server.requests().get(0).json();
    assertValidCreateImageRequest(body);
    assertEquals("dall-e-2", body.get("model").asText());
  }

  @Test
  void theSchemaCheckIsNotVacuous() {
    JsonNode bad = FakeServer.JSON.createObjectNode().put("model", "dall-e-3").put("n", 0).put("size", 1024);
    String problems = OpenAiSchema.problems(OpenAiSchema.CREATE_IMAGE_REQUEST, bad);
    assertTrue(problems.contains("prompt"), problems);
    assertTrue(problems.contains("n"), problems);
  }

  @ParameterizedTest
  @CsvSource({
      "content_policy_violation, invalid_request_error, Your request was rejected as a result of our safety system.",
      "moderation_blocked, image_generation_user_error, Your request was rejected by the safety system."})
  void safetyRejectionsAreContentPolicyFailures(String code, String type, String message) {
    ImageEngineException e = failWith(Reply.json(400, openAiError(message, type, code)));
    assertEquals(Failure.CONTENT_FILTER, e.kind());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("safety system"), e.getMessage());
  }

  @Test
  void aRejectedKeyIsAnAuthFailureWhoseMessageNeverShowsTheKey() {
    ImageEngineException e = failWith(Reply.json(401,
        openAiError("Incorrect API key provided: sk-test-***********CRET. You can find your API key at https://platform.openai.com/account/api-keys.",
            "invalid_request_error", "invalid_api_key")));
    assertEquals(Failure.AUTH, e.kind());
    assertFalse(e.getMessage().contains("sk-"), e.getMessage());
    assertFalse(engine("gpt-image-1").toString().contains(KEY));
  }

  @Test
  void rateLimitWithRetryAfterSecondsIsTransientWithThatWait() {
    ImageEngineException e = failWith(Reply.json(429, openAiError("Rate limit reached for images per minute.", "requests", "rate_limit_exceeded"),
        Map.of("Retry-After", "7")));
    assertTrue(e.retryable());
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
  }

  @Test
  void retryAfterMayBeAnHttpDateOrMilliseconds() {
    ImageEngineException dated = failWith(Reply.json(429, openAiError("Slow down", "requests", null),
        Map.of("Retry-After", "Fri, 21 Aug 2026 10:00:30 GMT")));
    assertEquals(Duration.ofSeconds(30), dated.retryAfter().orElseThrow());

    ImageEngineException millis = failWith(Reply.json(429, openAiError("Slow down", "requests", null),
        Map.of("Retry-After", "9", "Retry-After-Ms", "1500")));
    assertEquals(Duration.ofMillis(1500), millis.retryAfter().orElseThrow());
  }

  @Test
  void exhaustedQuotaIsNotRetried() {
    ImageEngineException e = failWith(Reply.json(429, openAiError(
        "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota")));
    assertFalse(e.retryable());
    assertEquals(Failure.RATE_LIMITED, e.kind());
    assertTrue(e.getMessage().contains("quota is exhausted"), e.getMessage());
  }

  @Test
  void serverErrorsAreTransientEvenWithPlainTextBodies() {
    ImageEngineException json = failWith(Reply.json(500, openAiError("The server had an error while processing your request.", "server_error", null)));
    assertTrue(json.retryable());
    assertTrue(json.getMessage().contains("HTTP 500"), json.getMessage());

    ImageEngineException text = failWith(Reply.text(502, "Bad gateway"));
    assertTrue(text.retryable());
    assertTrue(text.getMessage().contains("Bad gateway"), text.getMessage());
  }

  @Test
  void otherBadRequestsAreInvalidRequestsWhateverTheCodeLooksLike() {
    ImageEngineException numeric = failWith(Reply.json(400, "{\"error\":{\"message\":\"Invalid size\",\"type\":\"invalid_request_error\",\"code\":400}}"));
    assertEquals(Failure.BAD_REQUEST, numeric.kind());
    assertTrue(numeric.getMessage().contains("Invalid size"), numeric.getMessage());

    ImageEngineException bare = failWith(Reply.json(400, "{\"error\":\"model not loaded\"}"));
    assertEquals(Failure.BAD_REQUEST, bare.kind());
    assertTrue(bare.getMessage().contains("model not loaded"), bare.getMessage());
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsTransient() {
    CountDownLatch release = new CountDownLatch(1);
    try {
      ImageEngineException e = failWith(r -> {
        release.await(30, TimeUnit.SECONDS);
        return Reply.json(500, "{}");
      });
      assertTrue(e.retryable());
      assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
    } finally {
      release.countDown();
    }
  }

  private ImageEngineException failWith(FakeServer.Handler handler) {
    server.on("POST", "/v1/images/generations", handler);
    return assertThrows(ImageEngineException.class, () -> engine("gpt-image-1").generate(request(null, 1024, 1024, 1, null, null), ProgressListener.NONE));
  }

  @Test
  void anUnreachableServerIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    OpenAiImageEngine engine = new OpenAiImageEngine(URI.create("http://127.0.0.1:" + closedPort + "/v1"), KEY, "gpt-image-1", FAST);
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine.generate(request(null, 1024, 1024, 1, null, null), ProgressListener.NONE));
    assertTrue(e.retryable());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dall-e-3    | 1024 | 1024 | 2 |          |         | DALL·E 3 makes one image per request.",
      "gpt-image-1 | 1792 | 1024 | 1 |          |         | 1792x1024 is not a size GPT Image 1 can make; choose 1024x1024, 1536x1024 or 1024x1536.",
      "dall-e-2    | 1024 | 1024 | 1 | hd       |         | hd is not a quality DALL·E 2 offers; choose standard.",
      "gpt-image-1 | 1024 | 1024 | 1 |          | vivid   | GPT Image 1 takes no style; only DALL·E 3 does (vivid or natural).",
      "dall-e-2    | 1024 | 1024 | 11 |         |         | DALL·E 2 makes at most 10 images per request.",
      "gpt-image-2 | 1000 | 1000 | 1 |          |         | 1000x1000 is not a size GPT Image 2 can make; choose 1024x1024, 1536x1024 or 1024x1536, or any size whose sides are multiples of 16, at most 3840x2160, between 1:3 and 3:1.",
      "dall-e-4    | 1024 | 1024 | 1 |          |         | dall-e-4 is not an OpenAI image model; choose dall-e-2, dall-e-3, gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2 or gpt-image-2-2026-04-21."})
  void invalidCombinationsAreRefusedBeforeAnyCall(String model, int width, int height, int count, String quality, String style, String message) {
    ImageEngineException e = assertThrows(ImageEngineException.class,
        () -> engine("gpt-image-1").generate(request(model, width, height, count, quality, style), ProgressListener.NONE));
    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertEquals(message, e.getMessage());
    assertEquals(0, server.requests().size(), "nothing may reach OpenAI");
  }

  @Test
  void promptsLongerThanTheModelReadsAreRefusedBeforeAnyCall() {
    ImageRequest longPrompt = new ImageRequest("x".repeat(1001), null, 1024, 1024, 1, null, "dall-e-2", null, null, null, null, null, null);
    assertEquals("The prompt is 1001 characters long; DALL·E 2 reads at most 1000.", ImageModels.validate(longPrompt).orElseThrow());
    assertTrue(ImageModels.validate(new ImageRequest("x".repeat(4000), null, 1024, 1024, 1, null, "dall-e-3", null, null, null, null, null, null)).isEmpty());
    assertThrows(ImageEngineException.class, () -> engine("gpt-image-1").generate(longPrompt, ProgressListener.NONE));
    assertEquals(0, server.requests().size());
  }

  @Test
  void gptImage2TakesFreeSizesWithinItsBounds() {
    assertTrue(ImageModels.validate(request("gpt-image-2", 1536, 864, 1, null, null)).isEmpty());
    assertTrue(ImageModels.validate(request("gpt-image-2", 3840, 2160, 1, null, null)).isEmpty());
    assertNotEquals(List.of(), ImageModels.validate(request("gpt-image-2", 3840, 1024, 1, null, null)).stream().toList(), "wider than 3:1");
    assertTrue(ImageModels.validate(request("gpt-image-1", 1536, 864, 1, null, null)).isPresent());
  }
}
