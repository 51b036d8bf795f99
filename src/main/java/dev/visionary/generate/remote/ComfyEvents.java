package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.ProviderJson;

/**
 * Follows one prompt through ComfyUI's websocket messages ({@code {"type":…,"data":{…}}}), ignoring other
 * clients' prompts. Newer servers may skip {@code executing} with a null node, so the
 * {@code execution_*} messages end a prompt too.
 */
final class ComfyEvents {

  enum Status { RUNNING, SUCCEEDED, FAILED, INTERRUPTED }

  /**
   * What one message meant for our prompt.
   *
   * @param progress the current node's progress from 0 to 1, or null when the message said nothing about it
   * @param error the server's own words when it failed, otherwise null
   */
  record Update(Status status, Double progress, String error) {
    static final Update NOTHING = new Update(Status.RUNNING, null, null);
  }

  private final String promptId;

  ComfyEvents(String promptId) {
    this.promptId = promptId;
  }

  Update accept(String frame) {
    JsonNode message = ProviderJson.parse(frame);
    String type = message.path("type").asText("");
    JsonNode data = message.path("data");
    String about = ProviderJson.text(data.get("prompt_id"));
    if (about != null && !about.equals(promptId)) {
      return Update.NOTHING;
    }
    return switch (type) {
      case "progress" -> progress(data);
      case "executing" -> about != null && data.has("node") && data.get("node").isNull()
          ? new Update(Status.SUCCEEDED, 1.0, null)
          : Update.NOTHING;
      case "execution_success" -> about == null ? Update.NOTHING : new Update(Status.SUCCEEDED, 1.0, null);
      case "execution_error" -> about == null ? Update.NOTHING : new Update(Status.FAILED, null, errorText(data));
      case "execution_interrupted" -> about == null ? Update.NOTHING : new Update(Status.INTERRUPTED, null, null);
      default -> Update.NOTHING;
    };
  }

  private static Update progress(JsonNode data) {
    double max = data.path("max").asDouble(0);
    if (max <= 0) {
      return Update.NOTHING;
    }
    return new Update(Status.RUNNING, Math.max(0, Math.min(1, data.path("value").asDouble(0) / max)), null);
  }

  /** "KSampler: CUDA out of memory…", from an execution_error message or the same entry in /history. */
  static String errorText(JsonNode data) {
    String node = ProviderJson.text(data.get("node_type"));
    String message = ProviderJson.text(data.get("exception_message"));
    String text = message == null || message.isBlank() ? ProviderJson.text(data.get("exception_type")) : message;
    return ProviderText.clean((node == null ? "" : node + ": ") + (text == null ? "unknown error" : text));
  }
}
