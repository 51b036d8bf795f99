package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.ImageEngineException;
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
    JsonNode root = Json.parse(response.body());
    JsonNode error = root.path("error");
    String code = error.isObject() ? Json.text(error.get("code")) : null;
    String type = error.isObject() ? Json.text(error.get("type")) : null;
    String rawMessage = error.isObject() ? Json.text(error.get("message")) : error.isTextual() ? error.asText() : Json.plainText(response.body());
    String message = ProviderText.clean(rawMessage, apiKey);
    String detail = message.isEmpty() ? "" : ": " + message;

    if (status == 400 && isContentPolicy(code, rawMessage)) {
      return ImageEngineException.contentPolicy(
          "OpenAI's safety system refused this prompt. Change the wording and try again; retrying it unchanged will not help.");
    }
    if (status == 401) {
      return ImageEngineException.auth("OpenAI did not accept the API key (HTTP 401). Check OPENAI_API_KEY.");
    }
    if (status == 403) {
      return ImageEngineException.auth("OpenAI refused access for this API key (HTTP 403)" + detail);
    }
    if (status == 429 && ("insufficient_quota".equals(code) || "insufficient_quota".equals(type))) {
      return ImageEngineException.auth(
          "The OpenAI account's quota is exhausted; add credit or raise its spending limit, then retry.");
    }
    Duration retryAfter = RetryAfter.from(response.headers(), clock).orElse(null);
    if (status == 429) {
      return ImageEngineException.temporary("OpenAI is limiting how fast we may ask (HTTP 429); the job will try again"
          + (retryAfter == null ? "." : " in " + readable(retryAfter) + "."), retryAfter, null);
    }
    if (status == 408 || status == 409 || status >= 500) {
      return ImageEngineException.temporary("OpenAI had a problem (HTTP " + status + ")" + detail, retryAfter, null);
    }
    return ImageEngineException.invalidRequest("OpenAI refused the request (HTTP " + status + ")" + detail);
  }

  // Older DALL·E answers sometimes carry no code, only the safety system's sentence.
  private static boolean isContentPolicy(String code, String message) {
    return (code != null && CONTENT_POLICY_CODES.contains(code))
        || (message != null && message.toLowerCase().contains("safety system"));
  }

  private static String readable(Duration d) {
    long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
    return seconds == 1 ? "1 second" : seconds + " seconds";
  }
}
