package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.ImageEngineException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Runway's HTTP refusals and failed tasks, read leniently: {@code error} may be a string or an object. */
final class RunwayErrors {

  private static final String PROVIDER = RunwayEngine.PROVIDER;

  private RunwayErrors() {}

  static ImageEngineException from(HttpResponse<byte[]> response, Clock clock, String apiKey) {
    int status = response.statusCode();
    JsonNode root = Json.parse(response.body());
    JsonNode error = root.path("error");
    String raw = error.isTextual() ? error.asText() : error.isObject() ? Json.text(error.get("message")) : Json.plainText(response.body());
    String detail = ProviderText.clean(raw, apiKey);
    JsonNode issues = root.path("issues");
    if (issues.isArray() && !issues.isEmpty()) {
      detail = detail + (detail.isEmpty() ? "" : " ") + ProviderText.clean(issues.toString(), apiKey);
    }
    String suffix = detail.isEmpty() ? "." : ": " + detail;
    if (status == 401 || status == 403) {
      return ImageEngineException.auth(PROVIDER + " did not accept the API key (HTTP " + status + "). Check RUNWAY_API_KEY.");
    }
    if (status == 429 || status == 408 || status >= 500) {
      Duration retryAfter = RetryAfter.from(response.headers(), clock).orElse(null);
      return ImageEngineException.temporary(PROVIDER + " is busy or failed (HTTP " + status + ")" + suffix, retryAfter, null);
    }
    return ImageEngineException.invalidRequest(PROVIDER + " refused the request (HTTP " + status + ")" + suffix);
  }

  /**
   * Failure codes name their cause ({@code SAFETY.INPUT.TEXT}, {@code INPUT_PREPROCESSING.SAFETY.TEXT},
   * {@code INTERNAL.BAD_OUTPUT.CODE01}); moderation refusals and internal errors need different answers.
   */
  static ImageEngineException taskFailed(String failureCode, String failure) {
    String code = failureCode == null ? "" : failureCode;
    String why = ProviderText.clean(failure == null || failure.isBlank() ? code : failure);
    if (code.startsWith("SAFETY") || code.contains(".SAFETY")) {
      return ImageEngineException.contentPolicy(
          "Runway's content moderation refused this prompt (" + code + "). Change the wording and try again.");
    }
    if (code.isEmpty() || code.startsWith("INTERNAL")) {
      return ImageEngineException.temporary(PROVIDER + " failed on its side" + (why.isEmpty() ? "." : ": " + why), null, null);
    }
    return ImageEngineException.invalidRequest(PROVIDER + " could not make this image" + (why.isEmpty() ? "." : ": " + why)
        + " (" + code + ")");
  }
}
