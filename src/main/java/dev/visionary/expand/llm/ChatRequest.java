package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One chat turn sent to a language model: a system instruction and a user message.
 *
 * @param system      the instruction the model follows; blank means none
 * @param user        the person's message (for Visionary: the idea and the options)
 * @param model       the model id as the server knows it
 * @param temperature sampling temperature, or null to keep the server's default
 * @param maxTokens   upper bound on the answer's length, in tokens
 * @param jsonSchema  the JSON Schema the answer must follow, or null for free text
 * @param stream      whether to receive the answer as it is written
 */
public record ChatRequest(String system, String user, String model, Double temperature, int maxTokens,
                          JsonNode jsonSchema, boolean stream) {

  public ChatRequest {
    Objects.requireNonNull(user, "user");
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("A chat request needs a model");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
    }
    system = system == null ? "" : system;
  }
}
