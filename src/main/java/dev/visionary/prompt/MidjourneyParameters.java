package dev.visionary.prompt;

import java.util.List;
import java.util.Objects;

/**
 * The parameters written after a Midjourney prompt.
 *
 * @param aspectWidth with {@code aspectHeight}, the {@code --ar} ratio, such as 16:9
 * @param stylize {@code --stylize}, 0 to 1000: how strongly Midjourney applies its own aesthetic
 * @param chaos {@code --chaos}, 0 to 100: how different the four images of a job are from each other
 * @param no {@code --no}: things to keep out of the image
 * @param version {@code --v}, the model version
 */
public record MidjourneyParameters(int aspectWidth, int aspectHeight, int stylize, int chaos, List<String> no, String version) {
  public MidjourneyParameters {
    if (aspectWidth < 1 || aspectHeight < 1) {
      throw new IllegalArgumentException("Aspect ratio sides must be positive: " + aspectWidth + ":" + aspectHeight);
    }
    if (stylize < 0 || stylize > 1000) {
      throw new IllegalArgumentException("--stylize must be 0 to 1000, not " + stylize);
    }
    if (chaos < 0 || chaos > 100) {
      throw new IllegalArgumentException("--chaos must be 0 to 100, not " + chaos);
    }
    Objects.requireNonNull(version, "version");
    no = no == null ? List.of() : List.copyOf(no);
  }

  public String aspectRatio() {
    return aspectWidth + ":" + aspectHeight;
  }

  /** The parameters as typed after the prompt, starting with a space: {@code " --ar 16:9 --stylize 250 ..."}. */
  public String render() {
    StringBuilder out = new StringBuilder(" --ar ").append(aspectRatio())
        .append(" --stylize ").append(stylize)
        .append(" --chaos ").append(chaos);
    if (!no.isEmpty()) {
      out.append(" --no ").append(String.join(", ", no));
    }
    return out.append(" --v ").append(version).toString();
  }
}
