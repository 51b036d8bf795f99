package dev.visionary.generate.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.provider.Failure;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every image provider's error answers land in the one failure taxonomy the chat clients use, and the job system
 * retries exactly the kinds that pass. Each provider answers in its own error shape.
 */
class ImageFailureKindsTest {

  private static final ImageRequest REQUEST = new ImageRequest("a lighthouse at dusk", "", 1024, 1024, 1, 7L,
      null, null, null, null, null, null, null);

  private final FakeServer server = FakeServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} answering HTTP {1} is {2}, retried: {3}")
  @CsvSource({
      "openai, 400, BAD_REQUEST, false", "openai, 401, AUTH, false", "openai, 403, AUTH, false",
      "openai, 408, TIMEOUT, true", "openai, 409, SERVER, true", "openai, 429, RATE_LIMITED, true",
      "openai, 500, SERVER, true", "openai, 529, OVERLOADED, true",
      "a1111, 401, AUTH, false", "a1111, 422, BAD_REQUEST, false", "a1111, 429, RATE_LIMITED, true",
      "a1111, 500, SERVER, true", "a1111, 503, SERVER, true",
      "comfyui, 400, BAD_REQUEST, false", "comfyui, 403, AUTH, false", "comfyui, 500, SERVER, true",
      "runway, 400, BAD_REQUEST, false", "runway, 401, AUTH, false", "runway, 429, RATE_LIMITED, true",
      "runway, 502, SERVER, true"})
  void errorAnswersAreClassifiedByTheSharedTaxonomy(String provider, int status, Failure kind, boolean retried) {
    server.on("GET", "/*", request -> errorAnswer(provider, status));
    server.on("POST", "/*", request -> errorAnswer(provider, status));
    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine(provider).generate(REQUEST, ProgressListener.NONE));
    assertEquals(kind, e.kind(), e.getMessage());
    assertEquals(retried, e.retryable(), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"openai, 7", "runway, 12"})
  void aRateLimitCarriesTheWaitTheProviderAskedFor(String provider, long seconds) {
    server.on("POST", "/*", request -> Reply.json(429, errorBody(provider), Map.of("Retry-After", Long.toString(seconds))));
    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine(provider).generate(REQUEST, ProgressListener.NONE));
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), e.retryAfter());
  }

  private ImageEngine engine(String provider) {
    URI root = server.uri();
    return switch (provider) {
      case "openai" -> new OpenAiImageEngine(URI.create(root + "/v1"), "sk-test-key", "gpt-image-1", OpenAiImageEngineTest.FAST);
      case "a1111" -> new Automatic1111Engine(root, null, OpenAiImageEngineTest.FAST);
      case "comfyui" -> new ComfyUiEngine(root, null, OpenAiImageEngineTest.FAST);
      case "runway" -> new RunwayEngine(root, "key_test", OpenAiImageEngineTest.FAST);
      default -> throw new IllegalArgumentException(provider);
    };
  }

  private static Reply errorAnswer(String provider, int status) {
    return Reply.json(status, errorBody(provider));
  }

  /** The shape each provider's own error answers take. */
  private static String errorBody(String provider) {
    return switch (provider) {
      case "openai" -> "{\"error\":{\"message\":\"Something went wrong.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
      case "a1111" -> "{\"error\":\"HTTPException\",\"detail\":\"Something went wrong.\",\"body\":\"\",\"errors\":\"\"}";
      case "comfyui" -> "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs failed validation\","
          + "\"details\":\"\",\"extra_info\":{}},\"node_errors\":{}}";
      case "runway" -> "{\"error\":\"Something went wrong.\"}";
      default -> throw new IllegalArgumentException(provider);
    };
  }
}
