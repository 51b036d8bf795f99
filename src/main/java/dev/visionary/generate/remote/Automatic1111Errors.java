package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads A1111's error answers: {@code {"error","detail","body","errors"}} from its exception handler, and
 * FastAPI's {@code {"detail":[{loc,msg,type}]}} for request validation.
 */
final class Automatic1111Errors {

  private static final String PROVIDER = Automatic1111Engine.PROVIDER;

  private Automatic1111Errors() {}

  /** @param request the request that failed, to name the sampler or checkpoint; null for other calls */
  static ImageEngineException from(HttpResponse<byte[]> response, boolean sentCredentials, ImageRequest request) {
    int status = response.statusCode();
    JsonNode root = Json.parse(response.body());
    String detail = detail(root, response.body());
    if (status == 401) {
      return ImageEngineException.auth(sentCredentials
          ? PROVIDER + " did not accept the username or password (HTTP 401). Check A1111_AUTH or the user:pass in A1111_URL."
          : PROVIDER + " asks for a username and password (HTTP 401); set A1111_AUTH=user:pass.");
    }
    if (status == 404 && detail.contains("Sampler not found")) {
      String sampler = request == null || request.sampler() == null ? "" : " named '" + request.sampler() + "'";
      return ImageEngineException.invalidRequest(PROVIDER + " has no sampler" + sampler + "; choose one of the samplers it offers.");
    }
    if (status == 404 && detail.contains("Model not found")) {
      String model = request == null || request.model() == null ? "" : " named '" + request.model() + "'";
      return ImageEngineException.invalidRequest(PROVIDER + " has no checkpoint" + model + "; choose one from its model list.");
    }
    if (status == 404) {
      // A bare 404 on /sdapi means the web UI was started without --api: a setup problem, not a bad prompt.
      return ImageEngineException.auth(PROVIDER + " does not offer its API (HTTP 404); start it with --api.");
    }
    String suffix = detail.isEmpty() ? "." : ": " + detail;
    if (status == 408 || status == 429 || status >= 500) {
      return ImageEngineException.temporary(PROVIDER + " failed (HTTP " + status + ")" + suffix, null, null);
    }
    return ImageEngineException.invalidRequest(PROVIDER + " refused the request (HTTP " + status + ")" + suffix);
  }

  private static String detail(JsonNode root, byte[] body) {
    JsonNode detail = root.path("detail");
    if (detail.isArray()) {
      List<String> problems = new ArrayList<>();
      for (JsonNode problem : detail) {
        List<String> location = new ArrayList<>();
        problem.path("loc").forEach(part -> location.add(part.asText()));
        String where = location.isEmpty() ? "" : String.join(".", location) + ": ";
        problems.add(where + problem.path("msg").asText());
      }
      return ProviderText.clean(String.join("; ", problems));
    }
    // "errors" carries str(exception), which is the most telling for crashes such as CUDA out of memory.
    String text = firstNonBlank(Json.text(root.get("errors")), Json.text(detail), Json.text(root.get("error")));
    return ProviderText.clean(text == null ? (root.isMissingNode() ? Json.plainText(body) : "") : text);
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
