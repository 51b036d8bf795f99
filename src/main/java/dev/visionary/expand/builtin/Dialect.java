package dev.visionary.expand.builtin;

/** Writes a planned variation the way one kind of image model reads prompts. */
interface Dialect {
  ExpansionResult render(ScenePlan plan);
}
