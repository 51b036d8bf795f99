package dev.visionary.generate.remote;

import java.util.regex.Pattern;

/** Makes text that came from a provider safe and short enough to show to a person. */
final class ProviderText {

  // OpenAI echoes a masked key in some messages ("Incorrect API key provided: sk-abc***xyz"); never pass one on.
  private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|key|rw)[-_][A-Za-z0-9_*\\-.]{6,}");
  private static final int MAX_LENGTH = 400;

  private ProviderText() {}

  /** Removes the given secrets and anything shaped like an API key, collapses whitespace and shortens. */
  static String clean(String text, String... secrets) {
    if (text == null) {
      return "";
    }
    String cleaned = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        cleaned = cleaned.replace(secret, "[hidden]");
      }
    }
    cleaned = KEY_LIKE.matcher(cleaned).replaceAll("[hidden]").replaceAll("\\s+", " ").strip();
    return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH - 1) + "…";
  }
}
