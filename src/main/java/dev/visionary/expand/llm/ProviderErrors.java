package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import dev.visionary.provider.ProviderJson;
import dev.visionary.provider.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the many shapes of chat providers' error answers into {@link ProviderException}s. */
final class ProviderErrors {

  /** Quota and spend limits answer 429 too, but waiting a few seconds never lifts them. */
  private static final Set<String> PERMANENT_LIMITS =
      Set.of("insufficient_quota", "enforced_spend_limit_reached", "billing_hard_limit_reached");
  private static final Set<String> CONTENT_POLICY =
      Set.of("content_policy_violation", "content_filter", "moderation_blocked");
  private static final int MAX_DETAIL = 300;
  private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

  private ProviderErrors() {
  }

  /** An error body in whichever of the common shapes the server used; every field may be null. */
  record ErrorBody(String message, String type, String code) {

    static ErrorBody parse(String raw) {
      String body = raw == null ? "" : raw.strip();
      JsonNode json = ProviderJson.parse(body);
      if (!json.isObject()) {
        return new ErrorBody(plainText(body), null, null);
      }
      return fromJson(json);
    }

    static ErrorBody fromJson(JsonNode json) {
      JsonNode error = json.get("error");
      if (error != null && error.isTextual()) {
        // Ollama: {"error":"model 'x' not found"}
        return new ErrorBody(error.asText(), null, null);
      }
      // Wrapped OpenAI/llama.cpp/vLLM/Anthropic shape, or vLLM's older flat {"object":"error",...}.
      JsonNode node = error != null && error.isObject() ? error : json;
      String message = text(node.get("message"));
      if (message == null) {
        message = text(json.get("detail"));
      }
      String code = text(node.get("code"));
      String detailCode = text(node.path("details").get("error_code"));
      return new ErrorBody(message, text(node.get("type")), detailCode != null ? detailCode : code);
    }

    /** Integer codes (llama.cpp, vLLM) are the HTTP status of the error. */
    int numericCode() {
      try {
        return code == null ? 0 : Integer.parseInt(code);
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    boolean mentions(String word) {
      String all = (message + " " + type + " " + code).toLowerCase(Locale.ROOT);
      return all.contains(word);
    }
  }

  static ProviderException fromResponse(int status, HttpHeaders headers, String body, String secret) {
    ErrorBody error = ErrorBody.parse(body);
    String detail = redact(error.message(), secret);
    Duration retryAfter = RetryAfter.from(headers, Clock.systemUTC()).orElse(null);
    if (error.code() != null && CONTENT_POLICY.contains(error.code())) {
      return new ProviderException(Failure.CONTENT_FILTER, status, detail, null);
    }
    Failure kind = Failure.forStatus(status);
    if (kind == Failure.RATE_LIMITED && isPermanentLimit(error)) {
      return new ProviderException(kind, status, detail, null, false);
    }
    return new ProviderException(kind, status, detail, retryAfter);
  }

  /** An error reported inside a 200 response, as an SSE event or JSON body, where only its names tell what it is. */
  static ProviderException fromErrorObject(JsonNode json, String secret) {
    ErrorBody error = ErrorBody.fromJson(json);
    String detail = redact(error.message(), secret);
    Failure kind = error.numericCode() >= 400 ? Failure.forStatus(error.numericCode()) : kindForNames(error);
    if (kind == Failure.RATE_LIMITED && isPermanentLimit(error)) {
      return new ProviderException(kind, 0, detail, null, false);
    }
    return new ProviderException(kind, 0, detail, null);
  }

  private static Failure kindForNames(ErrorBody error) {
    if (error.code() != null && CONTENT_POLICY.contains(error.code())) {
      return Failure.CONTENT_FILTER;
    }
    if (error.mentions("overloaded")) {
      return Failure.OVERLOADED;
    }
    if (error.mentions("rate_limit") || error.mentions("insufficient_quota")) {
      return Failure.RATE_LIMITED;
    }
    if (error.mentions("authentication") || error.mentions("permission")) {
      return Failure.AUTH;
    }
    if (error.mentions("invalid_request")) {
      return Failure.BAD_REQUEST;
    }
    return Failure.SERVER;
  }

  private static boolean isPermanentLimit(ErrorBody error) {
    return (error.code() != null && PERMANENT_LIMITS.contains(error.code()))
        || (error.type() != null && PERMANENT_LIMITS.contains(error.type()));
  }

  /** The same redaction the image engines use: the key and anything key-like never reach a page or a log. */
  static String redact(String text, String secret) {
    return Redaction.redact(text, MAX_DETAIL, secret);
  }

  /** Proxies and crashed servers answer with text or an HTML page; keep its title or its words. */
  private static String plainText(String body) {
    Matcher title = HTML_TITLE.matcher(body);
    String text = title.find() ? title.group(1)
        : body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

}
