package dev.visionary.expand;

import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Studio form as typed: every field kept as text so an invalid form comes back exactly as it was sent,
 * with a message next to each field to fix.
 */
record ExpandForm(String idea, String target, String style, String count, String engine, String seed, String mode,
                  String cap, String instructions) {
  static final int MAX_IDEA_CHARS = 2000;
  static final int MAX_COUNT = 8;
  static final int DEFAULT_COUNT = 4;
  static final int DEFAULT_CAP = 64;
  static final int MAX_CAP = 100;

  /** The checked values, ready to record and run. */
  record Options(String idea, Target target, StylePreset style, int count, StudioEngine engine, Long seed, boolean combinatorial,
                 int cap, String instructionId) {}

  static ExpandForm blank(Target target, String instructions) {
    return new ExpandForm("", target.id(), StylePreset.NONE.id(), Integer.toString(DEFAULT_COUNT), ExpansionEngines.BUILTIN,
        "", "random", Integer.toString(DEFAULT_CAP), instructions);
  }

  static ExpandForm of(Expansion x) {
    boolean combinatorial = "combinatorial".equals(x.ask().mode());
    return new ExpandForm(x.ask().idea(), x.ask().target(), x.ask().style(), Integer.toString(combinatorial ? DEFAULT_COUNT : x.ask().count()), x.engine().engine(),
        Long.toString(x.ask().seed()), x.ask().mode(), Integer.toString(combinatorial ? x.ask().count() : DEFAULT_CAP),
        x.engine().instructionVersion() == null ? Instructions.DEFAULT_ID : x.engine().instructionVersion());
  }

  /**
   * The Studio form under an expansion written from a picture: its first card's prompt as the idea to expand further
   * (empty while it runs, after a failure, or when the prompt is longer than an idea may be), and no seed, as none was
   * used. Its other options are the description's.
   */
  static ExpandForm ofDescribed(Expansion x) {
    String idea = x.outcome().results().stream().findFirst().map(Variation::prompt).filter(p -> p.length() <= MAX_IDEA_CHARS).orElse("");
    return new ExpandForm(idea, x.ask().target(), x.ask().style(), Integer.toString(Math.min(x.ask().count(), MAX_COUNT)), x.engine().engine(),
        "", "random", Integer.toString(DEFAULT_CAP),
        x.engine().instructionVersion() == null ? Instructions.DEFAULT_ID : x.engine().instructionVersion());
  }

  /** Reads the form; text that cannot be read at all (too long, control characters) becomes an error for that field. */
  static ExpandForm read(Context ctx, Map<String, String> errors) {
    String idea;
    try {
      idea = Forms.text(ctx, "idea", "The idea", MAX_IDEA_CHARS, true);
    } catch (Forms.Invalid e) {
      errors.put("idea", e.getMessage());
      String raw = Forms.param(ctx, "idea");
      idea = raw == null ? "" : raw;
    }
    return new ExpandForm(idea, field(ctx, "target"), field(ctx, "style"), field(ctx, "count"), field(ctx, "engine"),
        field(ctx, "seed"), field(ctx, "mode"), field(ctx, "cap"), field(ctx, "instructions"));
  }

  private static String field(Context ctx, String name) {
    String raw = Forms.param(ctx, name);
    return raw == null ? "" : raw.strip();
  }

  /** Checks every field, adding a message per problem; returns the options when there is none. */
  Options check(ExpansionEngines engines, Instructions instructionStore, long ownerId, Map<String, String> errors) {
    if (!errors.containsKey("idea") && idea.isBlank()) {
      errors.put("idea", "Type an idea to expand, such as “a beach sunset”.");
    }
    Target t = Target.byId(target.isEmpty() ? Target.GENERIC.id() : target).orElse(null);
    if (t == null) {
      errors.put("target", "Unknown target model “" + shortened(target) + "”: choose one from the list.");
    }
    StylePreset s = StylePreset.byId(style.isEmpty() ? StylePreset.NONE.id() : style).orElse(null);
    if (s == null) {
      errors.put("style", "Unknown style “" + shortened(style) + "”: choose one from the list.");
    }
    Integer n = number(count.isEmpty() ? Integer.toString(DEFAULT_COUNT) : count, 1, MAX_COUNT);
    if (n == null) {
      errors.put("count", "Choose between 1 and " + MAX_COUNT + " variations.");
    }
    StudioEngine e = engines.find(engine.isEmpty() ? ExpansionEngines.BUILTIN : engine).orElse(null);
    if (e == null) {
      errors.put("engine", "Unknown engine “" + shortened(engine) + "”: choose one from the list (only configured engines are offered).");
    }
    Long seedValue = null;
    if (!seed.isEmpty()) {
      try {
        seedValue = Long.parseLong(seed);
      } catch (NumberFormatException ex) {
        errors.put("seed", "The seed must be a whole number, or left empty for a random one.");
      }
    }
    boolean combinatorial = "combinatorial".equals(mode);
    if (!mode.isEmpty() && !combinatorial && !"random".equals(mode)) {
      errors.put("mode", "Choose random picks or every combination.");
    }
    Integer capValue = number(cap.isEmpty() ? Integer.toString(DEFAULT_CAP) : cap, 1, MAX_CAP);
    if (capValue == null) {
      errors.put("cap", "The limit must be between 1 and " + MAX_CAP + " prompts.");
    }
    String instructionId = null;
    if (e != null && e.usesInstructions()) {
      String wanted = instructions.isEmpty() ? instructionStore.chosen(ownerId).id() : instructions;
      if (instructionStore.find(wanted, ownerId).isEmpty()) {
        errors.put("instructions", "Unknown instruction version: choose one from the list.");
      } else {
        instructionId = wanted;
      }
      if (combinatorial) {
        errors.put("mode", "Every-combination mode runs on the built-in engine; a language model takes one idea at a time.");
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Options(idea, t, s, n, e, seedValue, combinatorial, capValue, instructionId);
  }

  /** The form's fields for a template, by name. */
  Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("idea", idea);
    v.put("target", target);
    v.put("style", style);
    v.put("count", count);
    v.put("engine", engine);
    v.put("seed", seed);
    v.put("mode", mode.isEmpty() ? "random" : mode);
    v.put("cap", cap);
    v.put("instructions", instructions);
    return v;
  }

  private static Integer number(String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      return value >= min && value <= max ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Echoes a bad value in a message without letting a huge one flood the page. */
  private static String shortened(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
