package dev.visionary.expand;

import dev.visionary.expand.llm.ChatClient;
import dev.visionary.expand.llm.ChatRequest;
import dev.visionary.expand.llm.ChatResult;
import dev.visionary.provider.ProviderException;
import dev.visionary.expand.llm.PromptListParser;
import dev.visionary.expand.llm.PromptSchema;
import dev.visionary.expand.llm.PromptVariation;
import java.util.List;
import java.util.function.Consumer;

/**
 * A language model as an expansion engine: the chosen instruction version as the system message, the
 * idea and options as the user message, all variations asked for in one JSON answer, then each
 * variation put into its target's dialect.
 */
final class LlmEngine implements StudioEngine {
  private static final double TEMPERATURE = 0.9;

  private final ChatClient client;
  private final String label;
  private final String model;

  LlmEngine(ChatClient client, String label, String model) {
    this.client = client;
    this.label = label;
    this.model = model;
  }

  @Override
  public String id() {
    return client.id();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String model() {
    return model;
  }

  @Override
  public boolean streams() {
    return true;
  }

  @Override
  public boolean usesInstructions() {
    return true;
  }

  @Override
  public Answer run(EngineRequest request, String instructions, Consumer<String> onText) throws Failure {
    return run(request, instructions, null, onText);
  }

  /** As {@link #run}, with a picture beside the idea for a vision model to write from; null sends none. */
  Answer run(EngineRequest request, String instructions, ChatRequest.Image image, Consumer<String> onText) throws Failure {
    // Room for every prompt at the target's length plus JSON, with a floor for short targets.
    int maxTokens = Math.min(16_000, Math.max(1024, request.count() * 600));
    ChatRequest chat = new ChatRequest(instructions, userMessage(request, image != null), model, TEMPERATURE, maxTokens,
        PromptSchema.forCount(request.count()), true, image);
    ChatResult result;
    StringBuilder text = new StringBuilder();
    try {
      result = client.complete(chat, delta -> {
        text.append(delta);
        onText.accept(text.toString());
      });
    } catch (ProviderException e) {
      throw new Failure(label + ": " + e.getMessage(), e);
    }
    List<PromptVariation> parsed = PromptListParser.parse(result.text());
    if (parsed.isEmpty()) {
      String why = result.refusal() != null ? "the model declined: " + result.refusal()
          : "length".equals(result.finishReason()) || "max_tokens".equals(result.finishReason())
          ? "the answer was cut off before the first prompt was complete"
          : "its answer held no prompts";
      throw new Failure(label + " returned nothing usable: " + why + ".");
    }
    List<Variation> variations = parsed.stream()
        .limit(request.count())
        .map(v -> DialectRules.apply(request.target(), v.prompt(), v.negativePrompt()))
        .toList();
    return new Answer(result.model() != null ? result.model() : model, variations);
  }

  /**
   * The idea and options in plain words; the instruction (system message) says how to write. With {@code picture},
   * a prompt to rewrite or vary is said to come from the attached picture (a described picture's card).
   */
  static String userMessage(EngineRequest r, boolean picture) {
    StringBuilder m = new StringBuilder();
    if (!r.written().isEmpty()) {
      m.append("These prompts are already written for this idea:\n");
      r.written().forEach(p -> m.append("- ").append(p).append('\n'));
      m.append("Write ").append(r.count()).append(r.count() == 1 ? " more prompt" : " more prompts")
          .append(", each different from them and from each other.\n\n");
    } else if (r.basePrompt() != null && r.refinement() != null) {
      m.append("Rewrite this prompt, keeping everything that still fits, with this change: ").append(r.refinement()).append("\n\n")
          .append("Prompt: ").append(r.basePrompt()).append("\n\n");
    } else if (r.basePrompt() != null) {
      m.append("Write new variations close to this prompt: same subject and spirit, different details.\n\n")
          .append("Prompt: ").append(r.basePrompt()).append("\n\n");
    }
    if (picture && r.basePrompt() != null && r.written().isEmpty()) {
      m.append("The prompt was written from the attached picture.\n\n");
    }
    m.append("Idea: ").append(r.idea()).append('\n')
        .append("Target model: ").append(r.target().label()).append(" (").append(r.target().id()).append(")\n")
        .append("Style: ").append(r.styleLabel()).append('\n')
        .append("Number of prompts: ").append(r.count());
    return m.toString();
  }
}
