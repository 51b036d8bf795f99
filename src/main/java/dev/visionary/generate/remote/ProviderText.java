package dev.visionary.generate.remote;

import dev.visionary.provider.Redaction;

/** Makes text that came from a provider safe and short enough to show to a person. */
final class ProviderText {
  private static final int MAX_LENGTH = 400;

  private ProviderText() {}

  /**
   * Removes the given secrets and anything shaped like a credential (the chat engines' redaction: OpenAI echoes
   * a masked key, "Incorrect API key provided: sk-abc***xyz"), collapses whitespace and shortens.
   */
  static String clean(String text, String... secrets) {
    return Redaction.redact(text, MAX_LENGTH, secrets);
  }
}
