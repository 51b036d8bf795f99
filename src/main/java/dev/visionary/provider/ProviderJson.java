package dev.visionary.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON to and from providers, on the app's one mapper. Reading an answer never throws: proxies answer errors in
 * HTML, crashed servers in plain text, so what is not JSON reads as a missing node and the caller says so in words.
 */
public final class ProviderJson {

  // Text after the value means the answer is not what it claims to be (two objects glued together, a cut stream).
  private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ProviderJson() {}

  public static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  /** The parsed text, or a missing node when it is empty or not JSON. */
  public static JsonNode parse(String text) {
    return text == null ? MissingNode.getInstance() : parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The parsed body, or a missing node when it is empty or not JSON. */
  public static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = READER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  public static String write(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    }
  }

  /** The node's value when it is a string; null when it is absent, null or anything else. */
  public static String string(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.asText();
  }

  /** The text of a node that may be a string, a number or an object; null when absent or null. */
  public static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
  }

  /** A body that is not JSON as plain text, or empty when it looks like an HTML page. */
  public static String plainText(byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
    return text.startsWith("<") ? "" : text;
  }
}
