package dev.visionary.expand;

import dev.visionary.prompt.Target;
import java.util.List;
import java.util.function.Consumer;

/**
 * An engine the Studio can run: the built-in expander or a language model. Adapts each to what the
 * Studio needs: a label for the picker, whether text streams in, and variations ready for cards.
 */
interface StudioEngine {

  /** Stored with each expansion and sent by the form: {@code builtin}, {@code openai}, {@code ollama}, {@code anthropic}. */
  String id();

  String label();

  /** The model used, or null for the built-in engine. */
  String model();

  /** True when the text arrives piece by piece and is worth showing as it comes. */
  boolean streams();

  /**
   * True when the engine answers in-process at once, with no provider to fail or wait for: its expansion is run
   * before anything is recorded, and recorded finished in one statement.
   */
  default boolean instant() {
    return false;
  }

  /** True when the engine follows a system instruction (so the instruction version matters). */
  boolean usesInstructions();

  /**
   * Runs the engine. {@code onText} receives the answer's text as it grows (streaming engines only).
   *
   * @param instructions the system instruction, filled in for this request; ignored by the built-in engine
   */
  Answer run(EngineRequest request, String instructions, Consumer<String> onText) throws Failure;

  /** What came back, with the model that actually answered when the provider says. */
  record Answer(String model, List<Variation> variations) {}

  /**
   * What the Studio asks an engine for; {@code basePrompt} is set when refining a card or asking for more like it,
   * {@code written} when asking for the variations a model left out (the prompts it did write, to differ from).
   */
  record EngineRequest(String idea, Target target, String style, String styleLabel, int count, long seed,
                       String refinement, String basePrompt, List<String> written) {
    EngineRequest(String idea, Target target, String style, String styleLabel, int count, long seed, String refinement, String basePrompt) {
      this(idea, target, style, styleLabel, count, seed, refinement, basePrompt, List.of());
    }
  }

  /** An engine that could not answer, with a message a person can act on. */
  final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }

    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
