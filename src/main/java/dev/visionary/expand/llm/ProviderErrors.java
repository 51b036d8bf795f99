package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.Redaction;
import dev.visionary.expand.llm.LlmException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the many shapes of provider failures into {@link LlmException}s. */
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
      JsonNode json = Json.tryParse(body);
      if (json == null || !json.isObject()) {
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

  static LlmException fromResponse(int status, HttpHeaders headers, String body, String secret) {
    ErrorBody error = ErrorBody.parse(body);
    String detail = redact(error.message(), secret);
    Duration retryAfter = retryAfter(headers);
    if (error.code() != null && CONTENT_POLICY.contains(error.code())) {
      return new LlmException(Kind.CONTENT_FILTER, status, detail, null);
    }
    Kind kind = kindForStatus(status);
    if (kind == Kind.RATE_LIMITED && isPermanentLimit(error)) {
      return new LlmException(kind, status, detail, null, false);
    }
    return new LlmException(kind, status, detail, retryAfter);
  }

  /** An error reported inside a 200 response, as an SSE event or JSON body, where only its names tell what it is. */
  static LlmException fromErrorObject(JsonNode json, String secret) {
    ErrorBody error = ErrorBody.fromJson(json);
    String detail = redact(error.message(), secret);
    Kind kind = error.numericCode() >= 400 ? kindForStatus(error.numericCode()) : kindForNames(error);
    if (kind == Kind.RATE_LIMITED && isPermanentLimit(error)) {
      return new LlmException(kind, 0, detail, null, false);
    }
    return new LlmException(kind, 0, detail, null);
  }

  static LlmException fromIo(Throwable failure, URI uri, CallPolicy policy) {
    String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return new LlmException(Kind.UNREACHABLE, "no connection to " + where + " within " + seconds(policy.connectTimeout()));
      }
      if (t instanceof HttpTimeoutException) {
        return new LlmException(Kind.TIMEOUT, "no answer from " + where + " within " + seconds(policy.requestTimeout()));
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return new LlmException(Kind.UNREACHABLE, "the host name " + uri.getHost() + " could not be found");
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return new LlmException(Kind.UNREACHABLE, "nothing answers at " + where + "; is the server running?");
      }
    }
    if (failure instanceof IOException || failure.getCause() instanceof IOException) {
      return new LlmException(Kind.SERVER, 0, "the connection to " + where + " closed unexpectedly", null);
    }
    return new LlmException(Kind.BAD_RESPONSE, "unexpected failure talking to " + where);
  }

  static Kind kindForStatus(int status) {
    if (status == 401 || status == 403) {
      return Kind.AUTH;
    }
    if (status == 408) {
      return Kind.TIMEOUT;
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status == 529) {
      return Kind.OVERLOADED;
    }
    if (status >= 500) {
      return Kind.SERVER;
    }
    return status >= 400 ? Kind.BAD_REQUEST : Kind.BAD_RESPONSE;
  }

  private static Kind kindForNames(ErrorBody error) {
    if (error.code() != null && CONTENT_POLICY.contains(error.code())) {
      return Kind.CONTENT_FILTER;
    }
    if (error.mentions("overloaded")) {
      return Kind.OVERLOADED;
    }
    if (error.mentions("rate_limit") || error.mentions("insufficient_quota")) {
      return Kind.RATE_LIMITED;
    }
    if (error.mentions("authentication") || error.mentions("permission")) {
      return Kind.AUTH;
    }
    if (error.mentions("invalid_request")) {
      return Kind.BAD_REQUEST;
    }
    return Kind.SERVER;
  }

  private static boolean isPermanentLimit(ErrorBody error) {
    return (error.code() != null && PERMANENT_LIMITS.contains(error.code()))
        || (error.type() != null && PERMANENT_LIMITS.contains(error.type()));
  }

  /**
   * The wait the server asked for: {@code retry-after-ms} (OpenAI), else {@code retry-after} in seconds or as an
   * HTTP date. Null when absent or unreadable.
   */
  static Duration retryAfter(HttpHeaders headers) {
    String millis = headers.firstValue("retry-after-ms").orElse(null);
    if (millis != null) {
      try {
        return nonNegative(Duration.ofMillis((long) Double.parseDouble(millis.trim())));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String value = headers.firstValue("retry-after").map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return nonNegative(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return nonNegative(Duration.between(ZonedDateTime.now(when.getZone()), when));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
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

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
