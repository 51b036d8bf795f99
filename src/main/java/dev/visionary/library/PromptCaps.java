package dev.visionary.library;

import dev.visionary.config.Config;

/**
 * How many prompts one import may hold and one person may keep. A public instance must bound both: without them
 * one file (or a script saving in a loop) fills the database for everyone.
 */
public record PromptCaps(int perImport, int perPerson) {
  public static PromptCaps from(Config.Limits limits) {
    return new PromptCaps(limits.promptsPerImport(), limits.promptsPerPerson());
  }

  /** Shown when a file is over the per-import cap; names the setting so a self-hoster knows what to raise. */
  String tooManyInFile() {
    return "This file holds more than " + perImport + " prompts. Visionary imports at most " + perImport
        + " prompts at a time (IMPORT_MAX_PROMPTS on this server): split the file and import the parts one after the other.";
  }

  String full() {
    return "You can keep at most " + perPerson + " prompts (MAX_PROMPTS_PER_USER on this server), Trash included."
        + " Delete some for good to make room.";
  }

  /** Thrown when saving one more prompt would take its owner past {@link #perPerson}. */
  static final class Full extends RuntimeException {
    Full(String message) {
      super(message);
    }
  }
}
