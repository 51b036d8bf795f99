package dev.visionary.expand.builtin;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints prompts for reading by eye: every dev idea for DALL·E, ten for Midjourney and Stable Diffusion. */
final class PrintSamples {
  public static void main(String[] args) throws Exception {
    List<String> ideas = Files.readAllLines(Path.of("src/test/resources/eval/ideas-dev.txt")).stream().filter(l -> !l.isBlank()).toList();
    BuiltinExpander engine = new BuiltinExpander();
    int n = 0;
    for (String idea : ideas) {
      ExpansionResult r = engine.expand(ExpansionRequest.of(idea, Target.DALLE, StylePreset.NONE, 4, 1)).get(0);
      System.out.println((++n) + " [" + idea + "]\n  " + r.prompt());
    }
    for (Target t : List.of(Target.MIDJOURNEY, Target.STABLE_DIFFUSION)) {
      for (int i = 0; i < ideas.size(); i += 6) {
        ExpansionResult r = engine.expand(ExpansionRequest.of(ideas.get(i), t, StylePreset.NONE, 4, 1)).get(0);
        System.out.println(t + " [" + ideas.get(i) + "]\n  " + r.fullText() + (r.negativePrompt() == null ? "" : "\n  NEG: " + r.negativePrompt()));
      }
    }
  }
}
