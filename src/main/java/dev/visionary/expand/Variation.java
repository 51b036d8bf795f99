package dev.visionary.expand;

import dev.visionary.prompt.MidjourneyFlags;
import java.util.List;
import java.util.Map;

/**
 * One finished prompt as it is kept in an expansion's history (the JSONB {@code results} column)
 * and shown as a card.
 *
 * @param prompt     the prompt text, ready to paste
 * @param negative   the negative prompt (Stable Diffusion), or null
 * @param parameters Midjourney parameters by name without dashes ({@code ar → 16:9}), empty for other targets
 * @param warnings   what the person should know (length past a limit, CLIP token count), empty when none
 * @param notes      how the idea was read, when worth saying (an idea in another language), empty when none
 * @param explores   what sets this variation apart ("time of day — blue hour"), or null
 */
public record Variation(String prompt, String negative, Map<String, String> parameters, List<String> warnings,
                        List<String> notes, String explores) {

  public Variation {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    notes = notes == null ? List.of() : List.copyOf(notes);
    negative = negative == null || negative.isBlank() ? null : negative;
  }

  public Variation(String prompt, String negative, Map<String, String> parameters, List<String> warnings) {
    this(prompt, negative, parameters, warnings, List.of(), null);
  }

  /** The parameters as Midjourney reads them after the prompt: {@code --ar 16:9 --stylize 250}. */
  public String parameterLine() {
    StringBuilder line = new StringBuilder();
    MidjourneyFlags.ORDER.forEach(name -> {
      String value = parameters.get(name);
      if (value != null) {
        line.append(line.isEmpty() ? "" : " ").append("--").append(name).append(' ').append(value);
      }
    });
    parameters.forEach((name, value) -> {
      if (!MidjourneyFlags.ORDER.contains(name)) {
        line.append(line.isEmpty() ? "" : " ").append("--").append(name).append(' ').append(value);
      }
    });
    return line.toString();
  }

  /** What a person pastes into Midjourney or another tool: the prompt followed by its parameters. */
  public String copyText() {
    String line = parameterLine();
    return line.isEmpty() ? prompt : prompt + " " + line;
  }
}
