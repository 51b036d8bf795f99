package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
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
 * @param image       a picture sent with the user message, for a vision model to look at; null for none
 */
public record ChatRequest(String system, String user, String model, Double temperature, int maxTokens,
                          JsonNode jsonSchema, boolean stream, Image image) {

  /** A picture as the providers take it: its media type and its bytes, sent base64-encoded. */
  public record Image(String mediaType, byte[] bytes) {
    public String base64() {
      return Base64.getEncoder().encodeToString(bytes);
    }

    /** As OpenAI's {@code image_url} part takes it. */
    public String dataUrl() {
      return "data:" + mediaType + ";base64," + base64();
    }
  }

  public ChatRequest(String system, String user, String model, Double temperature, int maxTokens, JsonNode jsonSchema, boolean stream) {
    this(system, user, model, temperature, maxTokens, jsonSchema, stream, null);
  }

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
