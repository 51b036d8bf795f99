package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import dev.visionary.provider.ProviderJson;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code {"data":[{"id":…},…]}}, the model list shape OpenAI, the compatible servers and Anthropic share. */
final class ModelList {

  private ModelList() {
  }

  static List<String> ids(String body) throws ProviderException {
    JsonNode json = ProviderJson.parse(body);
    JsonNode data = json.get("data");
    if (data == null || !data.isArray()) {
      throw new ProviderException(Failure.BAD_RESPONSE, "the model list was not in the expected form");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode model : data) {
      String id = ProviderJson.string(model.get("id"));
      if (id != null && !id.isBlank()) {
        ids.add(id);
      }
    }
    ids.sort(String.CASE_INSENSITIVE_ORDER);
    return ids;
  }
}
