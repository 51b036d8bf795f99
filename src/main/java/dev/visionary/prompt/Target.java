package dev.visionary.prompt;

import java.util.Arrays;
import java.util.Optional;

/** The image models a prompt is written for; each has its own dialect and length limit. */
public enum Target {
  DALLE("dalle", "DALL·E 3", 4000, "A natural, descriptive paragraph. DALL·E 3 reads up to 4,000 characters."),
  GPT_IMAGE("gpt-image", "GPT Image", 4000, "A natural paragraph that can name layout, text and style precisely."),
  MIDJOURNEY("midjourney", "Midjourney", 6000, "Short descriptive phrases, then parameters: --ar, --stylize, --chaos, --no, --v."),
  STABLE_DIFFUSION("stable-diffusion", "Stable Diffusion", 6000, "Comma-separated tags with (weights:1.2), plus a separate negative prompt. CLIP reads the first 75 tokens."),
  RUNWAY("runway", "Runway", 1000, "A natural paragraph of at most 1,000 characters."),
  GENERIC("generic", "Any model", 4000, "A clear descriptive paragraph that suits most image models.");

  private final String id;
  private final String label;
  private final int maxChars;
  private final String dialect;

  Target(String id, String label, int maxChars, String dialect) {
    this.id = id;
    this.label = label;
    this.maxChars = maxChars;
    this.dialect = dialect;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public int maxChars() {
    return maxChars;
  }

  public String dialect() {
    return dialect;
  }

  public static Optional<Target> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
