package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.provider.ProviderJson;

/**
 * The JSON Schema of an answer holding prompt variations:
 * {@code {"prompts":[{"prompt":"…","negative_prompt":"…"|null}, …]}}.
 *
 * <p>Written for OpenAI's strict structured outputs: the root is an object, every object lists all its
 * properties as required and forbids others, and the optional negative prompt is a union with null.
 */
public final class PromptSchema {

  private PromptSchema() {
  }

  public static ObjectNode forCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, got " + count);
    }
    ObjectNode variation = ProviderJson.object().put("type", "object");
    ObjectNode fields = variation.putObject("properties");
    fields.putObject("prompt").put("type", "string").put("description", "The complete image prompt.");
    ObjectNode negative = fields.putObject("negative_prompt");
    negative.putArray("type").add("string").add("null");
    negative.put("description", "What to keep out of the image, for models that take a negative prompt; otherwise null.");
    variation.putArray("required").add("prompt").add("negative_prompt");
    variation.put("additionalProperties", false);

    ObjectNode root = ProviderJson.object().put("type", "object");
    ObjectNode prompts = root.putObject("properties").putObject("prompts");
    prompts.put("type", "array").put("minItems", count).put("maxItems", count);
    prompts.set("items", variation);
    root.putArray("required").add("prompts");
    root.put("additionalProperties", false);
    return root;
  }
}
