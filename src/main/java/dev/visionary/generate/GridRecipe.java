package dev.visionary.generate;

import java.util.List;

/**
 * What a grid draws, as kept (jsonb) so it can be drawn again or changed: the prompt and settings every cell
 * shares, and one or two axes whose values are already resolved (the group's options, the seeds, the style
 * names, the engine ids), so a re-run draws the same cells.
 *
 * @param seed the seed of every cell whose seed is not on an axis
 * @param cols null for a grid of one column
 */
record GridRecipe(String prompt, String negative, String engine, String size, long seed, Axis rows, Axis cols) {
  static final int MAX_VALUES = 8;
  static final int MAX_CELLS = 36;

  /** What an axis varies. */
  enum Kind {
    OPTION("options of the first {…} group"), SEED("seeds"), STYLE("saved styles"), ENGINE("image engines");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** What the form and page call it; public for the templates. */
    public String label() {
      return label;
    }

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static java.util.Optional<Kind> of(String id) {
      for (Kind k : values()) {
        if (k.id().equals(id)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** One axis: its kind (as {@link Kind#id()}) and its values in order. */
  record Axis(String kind, List<String> values) {
    Kind kindOf() {
      return Kind.of(kind).orElseThrow();
    }
  }

  int rowCount() {
    return rows.values().size();
  }

  int colCount() {
    return cols == null ? 1 : cols.values().size();
  }
}
