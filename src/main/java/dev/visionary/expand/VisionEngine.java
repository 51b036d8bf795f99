package dev.visionary.expand;

import dev.visionary.expand.llm.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A language model looking at a described picture: every call sends the picture beside the request, and the prompt
 * the file itself carried, when there is one, comes first among the cards. Runs like any streaming engine, so a
 * description streams, fails, is cancelled and is retried as an expansion of an idea is.
 */
final class VisionEngine implements StudioEngine {
  private final LlmEngine model;
  private final ChatRequest.Image picture;
  private final Variation fileCard;

  /** @param fileCard the prompt read from the file, put before the model's; null for none */
  VisionEngine(LlmEngine model, ChatRequest.Image picture, Variation fileCard) {
    this.model = model;
    this.picture = picture;
    this.fileCard = fileCard;
  }

  @Override
  public String id() {
    return model.id();
  }

  @Override
  public String label() {
    return model.label();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public boolean streams() {
    return model.streams();
  }

  @Override
  public boolean usesInstructions() {
    return true;
  }

  @Override
  public Answer run(EngineRequest request, String instructions, Consumer<String> onText) throws Failure {
    Answer answer = model.run(request, instructions, picture, onText);
    if (fileCard == null) {
      return answer;
    }
    List<Variation> cards = new ArrayList<>(answer.variations().size() + 1);
    cards.add(fileCard);
    cards.addAll(answer.variations());
    return new Answer(answer.model(), cards);
  }
}
