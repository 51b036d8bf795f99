package dev.visionary.generate.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out for the remote engines; parsing of provider answers never throws. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Jackson tree always serialises", e);
    }
  }

  /** The parsed body, or a missing node when it is empty or not JSON (proxies answer errors in HTML). */
  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** The parsed string, or a missing node; used for A1111's {@code info}, which is JSON inside a JSON string. */
  static JsonNode parse(String text) {
    return text == null ? MissingNode.getInstance() : parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A short plain-text rendering of a body that is not JSON, or empty when it looks like an HTML page. */
  static String plainText(byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
    return text.startsWith("<") ? "" : text;
  }

  /** The text of a node that may be a string, a number or absent; null when absent or null. */
  static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
  }
}
