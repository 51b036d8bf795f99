package dev.visionary.generate;

import dev.visionary.prompt.SavedStyle;
import dev.visionary.web.Forms;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grid form as typed (kept to show it again with its problems), and the recipe it makes. An axis is a kind and
 * its values, one a line: seeds also as {@code 1, 2, 3} or {@code 4 seeds} (four from the base seed on), engines
 * by id or name (all of them when left empty), styles by name ({@value #NO_STYLE} for the prompt as written);
 * the options are the prompt's own.
 */
record GridForm(String prompt, String negative, String engine, String size, String seed, String rows, String rowsValues, String cols,
    String colsValues) {
  static final String NO_STYLE = "none";
  static final String NO_AXIS = "none";
  /** Longer than any engine reads; each cell's engine then holds its prompt to its own limit. */
  private static final int MAX_PROMPT = 32_000;
  private static final int MAX_VALUES_TEXT = 4_000;
  private static final Pattern N_SEEDS = Pattern.compile("(\\d{1,2})\\s*seeds?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  static GridForm read(Context ctx) {
    return new GridForm(Forms.param(ctx, "prompt"), Forms.param(ctx, "negative"), Forms.param(ctx, "engine"), Forms.param(ctx, "size"),
        Forms.param(ctx, "seed"), Forms.param(ctx, "rows"), Forms.param(ctx, "rows_values"), Forms.param(ctx, "cols"),
        Forms.param(ctx, "cols_values"));
  }

  /** A new form, its two axes the options of the prompt's group and three seeds, as the most common grid is. */
  static GridForm prefilled(String prompt, String negative, String engine) {
    return new GridForm(prompt, negative, engine, null, null, GridRecipe.Kind.OPTION.id(), "", GridRecipe.Kind.SEED.id(), "3 seeds");
  }

  /** The form that makes this recipe again, for changing it. */
  static GridForm of(GridRecipe r) {
    return new GridForm(r.prompt(), r.negative(), r.engine(), r.size(), Long.toString(r.seed()), r.rows().kind(), typed(r.rows()),
        r.cols() == null ? NO_AXIS : r.cols().kind(), r.cols() == null ? "" : typed(r.cols()));
  }

  private static String typed(GridRecipe.Axis axis) {
    return axis.kindOf() == GridRecipe.Kind.OPTION ? "" : String.join("\n", axis.values());
  }

  /** The form field an axis of this kind was typed in. */
  static String axisField(GridRecipe recipe, GridRecipe.Kind kind) {
    return recipe.rows().kindOf() == kind ? "rows" : "cols";
  }

  /** The recipe, or null with the problems by field. */
  GridRecipe recipe(ImageEngines engines, List<SavedStyle> styles, Map<String, String> errors) {
    String text = clean("prompt", "The prompt", prompt, MAX_PROMPT, errors);
    String neg = clean("negative", "The negative prompt", negative, GenerateForm.MAX_NEGATIVE, errors);
    if (text != null && text.isEmpty()) {
      errors.put("prompt", "Write the prompt every cell starts from.");
    }
    String engineId = blank(engine) ? BuiltinImageEngine.ID : engine.strip();
    ImageEngines.EngineChoice choice = engines.choice(engineId).orElse(null);
    if (choice == null) {
      errors.put("engine", "Choose one of the image engines in the list.");
    }
    String sizeValue = blank(size) ? choice == null ? "" : choice.defaultModel().sizes().get(0) : size.strip();
    long seedValue = ThreadLocalRandom.current().nextLong(0, 1L << 32);
    if (!blank(seed)) {
      try {
        seedValue = Long.parseLong(seed.strip());
        if (seedValue < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        errors.put("seed", "The seed must be a whole number, or empty for a random one.");
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    GridRecipe.Axis rowAxis = axis("rows", rows, rowsValues, text, seedValue, engines, styles, errors);
    GridRecipe.Axis colAxis = blank(cols) || NO_AXIS.equals(cols) ? null : axis("cols", cols, colsValues, text, seedValue, engines, styles, errors);
    if (rowAxis == null || !errors.isEmpty()) {
      return null;
    }
    if (colAxis != null && colAxis.kind().equals(rowAxis.kind())) {
      errors.put("cols", "Rows and columns already vary the " + rowAxis.kindOf().label() + "; choose something else for the columns.");
      return null;
    }
    int cells = rowAxis.values().size() * (colAxis == null ? 1 : colAxis.values().size());
    if (cells > GridRecipe.MAX_CELLS) {
      errors.put("cols", "A grid has at most " + GridRecipe.MAX_CELLS + " cells; this one would have " + cells + ".");
      return null;
    }
    return new GridRecipe(text, neg == null || neg.isEmpty() ? null : neg, engineId, sizeValue, seedValue, rowAxis, colAxis);
  }

  private static GridRecipe.Axis axis(String field, String kindId, String typed, String prompt, long baseSeed, ImageEngines engines,
      List<SavedStyle> styles, Map<String, String> errors) {
    GridRecipe.Kind kind = GridRecipe.Kind.of(kindId == null ? "" : kindId.strip()).orElse(null);
    if (kind == null) {
      errors.put(field, "Choose what the " + (field.equals("rows") ? "rows" : "columns") + " vary: options, seeds, styles or engines.");
      return null;
    }
    String values = clean(field, "The values", typed, MAX_VALUES_TEXT, errors);
    if (values == null) {
      return null;
    }
    List<String> resolved = switch (kind) {
      case OPTION -> options(field, prompt, errors);
      case SEED -> seeds(field, values, baseSeed, errors);
      case STYLE -> styles(field, values, styles, errors);
      case ENGINE -> engines(field, values, engines, errors);
    };
    if (resolved == null) {
      return null;
    }
    if (resolved.isEmpty()) {
      errors.put(field, "Give at least one value, one a line.");
      return null;
    }
    if (resolved.size() > GridRecipe.MAX_VALUES) {
      errors.put(field, "An axis has at most " + GridRecipe.MAX_VALUES + " values; this one has " + resolved.size() + ".");
      return null;
    }
    return new GridRecipe.Axis(kind.id(), List.copyOf(resolved));
  }

  private static List<String> options(String field, String prompt, Map<String, String> errors) {
    try {
      return PromptGroup.first(prompt).map(PromptGroup::options).orElseGet(() -> {
        errors.put(field, "To vary the options, write a group such as {red|blue} in the prompt.");
        return null;
      });
    } catch (PromptGroup.Unusable e) {
      errors.put(field, e.getMessage());
      return null;
    }
  }

  private static List<String> seeds(String field, String values, long base, Map<String, String> errors) {
    Matcher n = N_SEEDS.matcher(values);
    List<String> seeds = new ArrayList<>();
    if (n.matches()) {
      int count = Integer.parseInt(n.group(1));
      for (int i = 0; i < count; i++) {
        seeds.add(Long.toString(base + i));
      }
      return seeds;
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (String s : SEPARATORS.split(values)) {
      if (s.isEmpty()) {
        continue;
      }
      if (!s.matches("\\d{1,18}")) {
        errors.put(field, "Seeds are whole numbers (1, 2, 3), or a count such as “3 seeds”; “" + shorten(s) + "” is neither.");
        return null;
      }
      distinct.add(Long.toString(Long.parseLong(s)));
    }
    return new ArrayList<>(distinct);
  }

  private static List<String> styles(String field, String values, List<SavedStyle> own, Map<String, String> errors) {
    LinkedHashMap<String, String> names = new LinkedHashMap<>();
    for (String line : values.split("\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (name.equalsIgnoreCase(NO_STYLE)) {
        names.putIfAbsent(NO_STYLE, NO_STYLE);
        continue;
      }
      SavedStyle style = own.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElse(null);
      if (style == null) {
        errors.put(field, "“" + shorten(name) + "” is not one of your saved styles.");
        return null;
      }
      names.putIfAbsent(style.name().toLowerCase(Locale.ROOT), style.name());
    }
    return new ArrayList<>(names.values());
  }

  private static List<String> engines(String field, String values, ImageEngines engines, Map<String, String> errors) {
    if (values.isBlank()) {
      return engines.choices().stream().map(ImageEngines.EngineChoice::id).toList();
    }
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String line : values.split("\n")) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      ImageEngines.EngineChoice e = engines.choices().stream()
          .filter(c -> c.id().equalsIgnoreCase(name) || c.label().equalsIgnoreCase(name)).findFirst().orElse(null);
      if (e == null) {
        errors.put(field, "“" + shorten(name) + "” is not one of the image engines here.");
        return null;
      }
      ids.add(e.id());
    }
    return new ArrayList<>(ids);
  }

  private static String clean(String field, String label, String raw, int max, Map<String, String> errors) {
    try {
      return raw == null ? "" : Forms.clean(field, label, raw, max, true);
    } catch (Forms.Invalid e) {
      errors.put(field, e.getMessage());
      return null;
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
