package dev.visionary.expand.llm;

import dev.visionary.provider.ProviderJson;

/** Bodies and events in the shapes Anthropic's Messages API sends. */
final class AnthropicWire {

  private AnthropicWire() {
  }

  static String message(String text, String stopReason) {
    return "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],"
        + "\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
        + "\"usage\":{\"input_tokens\":25,\"output_tokens\":90,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}";
  }

  static String error(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + quote(message) + "},"
        + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
  }

  static String messageStart() {
    return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
        + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\","
        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
  }

  static String blockStart() {
    return event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
  }

  static String ping() {
    return event("ping", "{\"type\": \"ping\"}");
  }

  static String textDelta(String text) {
    return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
        + quote(text) + "}}");
  }

  static String blockStop() {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
  }

  static String messageDelta(String stopReason) {
    return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}");
  }

  static String messageStop() {
    return event("message_stop", "{\"type\":\"message_stop\"}");
  }

  static String errorEvent(String type, String message) {
    return event("error", "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + quote(message) + "}}");
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static String quote(String text) {
    return ProviderJson.write(ProviderJson.object().textNode(text));
  }
}
