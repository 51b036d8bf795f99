package dev.visionary.expand.llm;

/**
 * One prompt a model wrote.
 *
 * @param prompt         the prompt text, never blank
 * @param negativePrompt what to keep out of the image, or null when the model gave none
 */
public record PromptVariation(String prompt, String negativePrompt) {

  public PromptVariation {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("A prompt variation needs text");
    }
    prompt = prompt.strip();
    negativePrompt = negativePrompt == null || negativePrompt.isBlank() ? null : negativePrompt.strip();
  }
}
