package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.json.Json;

/** Bodies in the exact shapes OpenAI's Chat Completions API sends (CreateChatCompletionResponse and stream chunks). */
final class OpenAiWire {

  private static final ObjectMapper JSON = Json.MAPPER;

  private OpenAiWire() {
  }

  static String completion(String content, String finishReason) {
    ObjectNode body = JSON.createObjectNode()
        .put("id", "chatcmpl-abc123").put("object", "chat.completion").put("created", 1_767_000_000)
        .put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    message.put("content", content).putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    body.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 120).put("total_tokens", 162);
    body.put("service_tier", "default").put("system_fingerprint", "fp_0123456789");
    return body.toString();
  }

  static String refusal(String refusal) {
    ObjectNode body = (ObjectNode) read(completion(null, "stop"));
    ObjectNode message = (ObjectNode) body.path("choices").path(0).path("message");
    message.putNull("content").put("refusal", refusal);
    return body.toString();
  }

  static String chunk(String content) {
    ObjectNode delta = JSON.createObjectNode();
    if (content != null) {
      delta.put("content", content);
    }
    return event(delta, null);
  }

  static String roleChunk() {
    return event(JSON.createObjectNode().put("role", "assistant").put("content", "").putNull("refusal"), null);
  }

  static String finishChunk(String reason) {
    return event(JSON.createObjectNode(), reason);
  }

  /** The extra chunk sent with stream_options.include_usage: no choices, usage filled. */
  static String usageChunk() {
    ObjectNode body = header();
    body.putArray("choices");
    body.putObject("usage").put("prompt_tokens", 42).put("completion_tokens", 120).put("total_tokens", 162);
    return "data: " + body + "\n\n";
  }

  static String done() {
    return "data: [DONE]\n\n";
  }

  static String error(String message, String type, String code) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("message", message).put("type", type).putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return body.toString();
  }

  private static String event(ObjectNode delta, String finishReason) {
    ObjectNode body = header();
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    body.put("obfuscation", "x1y2");
    return "data: " + body + "\n\n";
  }

  private static ObjectNode header() {
    return JSON.createObjectNode().put("id", "chatcmpl-abc123").put("object", "chat.completion.chunk")
        .put("created", 1_767_000_000).put("model", "gpt-4o-mini-2024-07-18").put("system_fingerprint", "fp_0123456789");
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
