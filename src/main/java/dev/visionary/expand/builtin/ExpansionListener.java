package dev.visionary.expand.builtin;

/** Hears an expansion as it happens; see {@link Expander#expand(ExpansionRequest, ExpansionListener)}. */
public interface ExpansionListener {
  /** Raw text as a streaming engine receives it, before it is known which variation it belongs to. */
  default void onText(String delta) {}

  /** A finished variation, {@code index} counting from 0 in the order of the final list. */
  void onResult(int index, ExpansionResult result);
}
