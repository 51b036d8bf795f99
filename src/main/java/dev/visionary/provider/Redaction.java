package dev.visionary.provider;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes anything key-like from text a provider sent back, before it is shown, stored or logged. Providers
 * echo what they were given: OpenAI names the key it refused in masked form ("Incorrect API key provided:
 * sk-test***123"), proxies echo headers and URLs. One function for the chat and the image engines, so no
 * path forgets a shape.
 *
 * <p>Every pattern scans a bounded text ({@link #MAX_INPUT} characters) without nested quantifiers, so a
 * hostile provider's answer costs linear time.
 */
public final class Redaction {
  public static final String HIDDEN = "[hidden]";
  /** Longer provider text is cut first; nobody reads more than a few hundred characters of an error. */
  static final int MAX_INPUT = 2_000;

  /** A shape of credential; with {@code keepsName}, group 1 (the name before the value) stays readable. */
  private record Shape(Pattern pattern, boolean keepsName) {
    String hide(String text) {
      return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement((keepsName ? m.group(1) : "") + HIDDEN));
    }
  }

  private static final List<Shape> KEY_LIKE = List.of(
      // "Bearer abc…", "Basic abc…", as echoed Authorization headers show them.
      new Shape(Pattern.compile("(?i)\\b((?:bearer|basic)\\s+)[^\\s\"',;]+"), true),
      // Header echoes: x-api-key: …, api-key: …, authorization: …
      new Shape(Pattern.compile("(?i)\\b((?:x-api-key|api-key|x-goog-api-key|authorization)[\"']?\\s*[:=]\\s*[\"']?)(?!(?i:bearer|basic)\\s)[^\\s\"',;&]+"), true),
      // Query or form parameters that carry credentials: ?key=…&api_key=…&token=…
      new Shape(Pattern.compile("(?i)\\b((?:api[_-]?key|key|access[_-]?token|token|secret|password|sig|signature)=)[^&\\s\"'#]+"), true),
      // Prefixed keys, masked or not: sk-…, sk-ant-…, sk-proj-…, rk-…, key_…, rw_…
      new Shape(Pattern.compile("\\b(?:sk|pk|rk|rw|key|api|token|secret)[-_][A-Za-z0-9_*.\\-]{6,}"), false),
      // Whatever a provider names as the key it refused ("Incorrect API key provided: te**."), however short.
      new Shape(Pattern.compile("(?i)\\b(api key provided:\\s*)[^\\s\"',;]+"), true),
      // Masked keys of any vendor: "abcd****wxyz", "te**", "****wxyz".
      new Shape(Pattern.compile("[A-Za-z0-9_.\\-]+\\*{2,}[A-Za-z0-9_.\\-]*|\\*{2,}[A-Za-z0-9_.\\-]+"), false),
      // Long hex tokens (32+ digits: keys, signatures).
      new Shape(Pattern.compile("\\b[A-Fa-f0-9]{32,}\\b"), false),
      // Long base64 / base64url tokens mixing letters and digits: JWTs, opaque keys.
      new Shape(Pattern.compile("\\b(?=[A-Za-z0-9+/_\\-]{0,255}[0-9])(?=[A-Za-z0-9+/_\\-]{0,255}[A-Za-z])[A-Za-z0-9+/_\\-]{32,}={0,2}"), false));

  private Redaction() {}

  /**
   * The text without the given secrets (the configured keys) and without anything shaped like a credential,
   * whitespace collapsed and cut to {@code maxLength}. Null reads as empty.
   */
  public static String redact(String text, int maxLength, String... secrets) {
    if (text == null) {
      return "";
    }
    String clean = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        clean = clean.replace(secret, HIDDEN);
      }
    }
    for (Shape shape : KEY_LIKE) {
      clean = shape.hide(clean);
    }
    clean = clean.replaceAll("\\s+", " ").strip();
    return clean.length() <= maxLength ? clean : clean.substring(0, maxLength - 1) + "…";
  }
}
