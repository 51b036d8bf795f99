package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.ImageEngineException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ComfyUI's refusals: workflow validation answers 400 with per-node errors; runs fail with an exception message. */
final class ComfyErrors {

  private static final String PROVIDER = ComfyUiEngine.PROVIDER;

  private ComfyErrors() {}

  static ImageEngineException from(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    JsonNode root = Json.parse(response.body());
    if (status >= 500 || status == 408 || status == 429) {
      return ImageEngineException.temporary(PROVIDER + " failed (HTTP " + status + ")" + suffix(describe(root, response.body())), null, null);
    }
    if (status == 401 || status == 403) {
      return ImageEngineException.auth(PROVIDER + " refused access (HTTP " + status + "); check COMFYUI_URL and any proxy in front of it.");
    }
    return ImageEngineException.invalidRequest(PROVIDER + " refused the workflow" + suffix(describe(root, response.body())));
  }

  /** A run that failed inside a node; running out of GPU memory may pass, other failures need a change. */
  static ImageEngineException executionFailed(String message) {
    String text = PROVIDER + " failed while drawing: " + message;
    return message.toLowerCase().contains("out of memory")
        ? ImageEngineException.temporary(text, null, null)
        : ImageEngineException.invalidRequest(text);
  }

  static ImageEngineException interrupted() {
    return ImageEngineException.temporary(PROVIDER + " stopped the run before it finished (it was interrupted on the server).", null, null);
  }

  /**
   * "CheckpointLoaderSimple: Value not in list: ckpt_name: 'x.safetensors' not in [...]" for each node
   * error, else the top-level message; {@code error} is an object in current builds and a string in old ones.
   */
  private static String describe(JsonNode root, byte[] body) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> node : root.path("node_errors").properties()) {
      String classType = node.getValue().path("class_type").asText("node " + node.getKey());
      for (JsonNode error : node.getValue().path("errors")) {
        String details = Json.text(error.get("details"));
        problems.add(classType + ": " + error.path("message").asText("invalid") + (details == null || details.isBlank() ? "" : ": " + details));
      }
    }
    if (!problems.isEmpty()) {
      return ProviderText.clean(String.join("; ", problems));
    }
    JsonNode error = root.path("error");
    if (error.isObject()) {
      String details = Json.text(error.get("details"));
      return ProviderText.clean(error.path("message").asText("") + (details == null || details.isBlank() ? "" : ": " + details));
    }
    return ProviderText.clean(error.isTextual() ? error.asText() : Json.plainText(body));
  }

  private static String suffix(String detail) {
    return detail.isEmpty() ? "." : ": " + detail;
  }
}
