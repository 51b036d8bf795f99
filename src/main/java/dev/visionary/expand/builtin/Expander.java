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

  /**
   * Expands while telling {@code listener} what arrives, so a page can show progress before the engine is
   * done. Engines that receive their answer in pieces override this; the default reports the finished results.
   */
  default List<ExpansionResult> expand(ExpansionRequest request, ExpansionListener listener) {
    List<ExpansionResult> results = expand(request);
    for (int i = 0; i < results.size(); i++) {
      listener.onResult(i, results.get(i));
    }
    return results;
  }
}
