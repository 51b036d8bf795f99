package dev.visionary.expand.builtin;

import java.util.List;

/**
 * An engine that turns an idea into model-ready prompts: the built-in offline one, or one backed by a
 * language model. Engines are stateless between calls and safe to use from several threads.
 */
public interface Expander {
  /** A short stable name used in settings, URLs and the expansion history, such as {@code builtin}. */
  String id();

  /** The name shown to people. */
  String label();

  /** Expands the request into {@code request.count()} variations, in order. */
  List<ExpansionResult> expand(ExpansionRequest request);
}
