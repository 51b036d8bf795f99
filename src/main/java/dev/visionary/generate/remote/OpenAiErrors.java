package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderJson;
import dev.visionary.provider.RetryAfter;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Turns an OpenAI error answer into the kind of failure the job system acts on. Parsing is lenient because
 * OpenAI-compatible servers send string or numeric codes, a bare string as {@code error}, or plain text.
 */
final class OpenAiErrors {

  private static final Set<String> CONTENT_POLICY_CODES =
      Set.of("content_policy_violation", "moderation_blocked", "image_content_policy_violation");

  private OpenAiErrors() {}

  static ImageEngineException from(HttpResponse<byte[]> response, Clock clock, String apiKey) {
    int status = response.statusCode();
    JsonNode root = ProviderJson.parse(response.body());
    JsonNode error = root.path("error");
    String code = error.isObject() ? ProviderJson.text(error.get("code")) : null;
    String type = error.isObject() ? ProviderJson.text(error.get("type")) : null;
    String rawMessage = error.isObject() ? ProviderJson.text(error.get("message")) : error.isTextual() ? error.asText() : ProviderJson.plainText(response.body());
    String message = ProviderText.clean(rawMessage, apiKey);
    String detail = message.isEmpty() ? "" : ": " + message;

    if (status == 400 && isContentPolicy(code, rawMessage)) {
      return ImageEngineException.of(Failure.CONTENT_FILTER,
          "OpenAI's safety system refused this prompt. Change the wording and try again; retrying it unchanged will not help.");
    }
    if (status == 401) {
      return ImageEngineException.of(Failure.AUTH, "OpenAI did not accept the API key (HTTP 401). Check OPENAI_API_KEY.");
    }
    if (status == 403) {
      return ImageEngineException.of(Failure.AUTH, "OpenAI refused access for this API key (HTTP 403)" + detail);
    }
    if (status == 429 && ("insufficient_quota".equals(code) || "insufficient_quota".equals(type))) {
      // 429 like a rate limit, but waiting never lifts it: the job must not be retried.
      return ImageEngineException.lasting(Failure.RATE_LIMITED,
          "The OpenAI account's quota is exhausted; add credit or raise its spending limit, then retry.");
    }
    Duration retryAfter = RetryAfter.from(response.headers(), clock).orElse(null);
    if (status == 429) {
      // When the job tries again is the job's to say: it caps the provider's wait and may have no attempts left.
      return ImageEngineException.of(Failure.RATE_LIMITED, "OpenAI is limiting how fast we may ask (HTTP 429).", retryAfter, null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      // OpenAI answers 409 when a conflicting request is still running on its side; that passes like a server error.
      Failure kind = status == 409 ? Failure.SERVER : Failure.forStatus(status);
      return ImageEngineException.of(kind, "OpenAI had a problem (HTTP " + status + ")" + detail, retryAfter, null);
    }
    return ImageEngineException.of(Failure.BAD_REQUEST, "OpenAI refused the request (HTTP " + status + ")" + detail);
  }

  // Older DALL·E answers sometimes carry no code, only the safety system's sentence.
  private static boolean isContentPolicy(String code, String message) {
    return (code != null && CONTENT_POLICY_CODES.contains(code))
        || (message != null && message.toLowerCase().contains("safety system"));
  }
}
