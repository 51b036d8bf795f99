package dev.visionary.generate;

import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.prompt.A1111Styles;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.web.ShortIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A recipe turned into one job per cell, each asking for one image, with the same rules /generate applies: the
 * engine's own limits, a negative prompt and seed only for engines that take them, saved styles applied as
 * AUTOMATIC1111 does. A problem is put under the field a person would change, and then there are no cells.
 */
final class GridPlan {
  /** A cell to queue: its place and its job. */
  record Cell(int row, int col, Job job) {}

  private GridPlan() {}

  static List<Cell> cells(GridRecipe recipe, long ownerId, ImageEngines engines, List<SavedStyle> styles, Map<String, String> errors) {
    Optional<PromptGroup> group = Optional.empty();
    try {
      group = PromptGroup.first(recipe.prompt());
    } catch (PromptGroup.Unusable e) {
      errors.put("prompt", e.getMessage());
      return List.of();
    }
    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < recipe.rowCount(); r++) {
      for (int c = 0; c < recipe.colCount(); c++) {
        Job job = cell(recipe, ownerId, engines, styles, group, r, c, errors);
        if (job == null) {
          return List.of();
        }
        cells.add(new Cell(r, c, job));
      }
    }
    return cells;
  }

  private static Job cell(GridRecipe recipe, long ownerId, ImageEngines engines, List<SavedStyle> styles, Optional<PromptGroup> group,
      int row, int col, Map<String, String> errors) {
    String engineId = value(recipe, GridRecipe.Kind.ENGINE, row, col).orElse(recipe.engine());
    ImageEngines.EngineChoice engine = engines.choice(engineId).orElse(null);
    if (engine == null) {
      errors.put("engine", "Choose one of the image engines in the list; \"" + engineId + "\" is not configured here.");
      return null;
    }
    ImageEngines.ModelChoice model = engine.defaultModel();
    String prompt = recipe.prompt();
    Optional<String> option = value(recipe, GridRecipe.Kind.OPTION, row, col);
    if (option.isPresent()) {
      PromptGroup g = group.orElse(null);
      if (g == null) {
        errors.put("prompt", "An axis of options needs a {…} group in the prompt, such as {red|blue}.");
        return null;
      }
      prompt = g.before() + option.get() + g.after();
    }
    if (prompt.codePointCount(0, prompt.length()) > model.maxPromptChars()) {
      errors.put("prompt", "The prompt is too long for " + engine.label() + ": at most " + String.format("%,d", model.maxPromptChars()) + " characters.");
      return null;
    }
    Optional<String> styleName = value(recipe, GridRecipe.Kind.STYLE, row, col).filter(name -> !name.equalsIgnoreCase(GridForm.NO_STYLE));
    List<String> chosen = List.of();
    if (styleName.isPresent()) {
      Optional<SavedStyle> style = styles.stream().filter(s -> s.name().equalsIgnoreCase(styleName.get())).findFirst();
      if (style.isEmpty()) {
        errors.put(GridForm.axisField(recipe, GridRecipe.Kind.STYLE), "“" + styleName.get() + "” is not one of your saved styles.");
        return null;
      }
      chosen = List.of(style.get().id());
    }
    A1111Styles.Choice choice = A1111Styles.choose(chosen, styles);
    String negative = model.takesNegative() && recipe.negative() != null && !recipe.negative().isBlank() ? recipe.negative() : null;
    Map<String, String> styleErrors = new java.util.LinkedHashMap<>();
    GenerateStyles styled = GenerateStyles.apply(choice, prompt, negative, model, styleErrors);
    if (styled == null) {
      errors.put(GridForm.axisField(recipe, GridRecipe.Kind.STYLE), styleErrors.values().iterator().next());
      return null;
    }
    String size = model.acceptsSize(recipe.size()) ? recipe.size() : model.sizes().get(0);
    if (engineId.equals(recipe.engine()) && !size.equals(recipe.size())) {
      errors.put("size", model.label() + " can make " + String.join(", ", model.sizes()) + "; " + recipe.size() + " is not one of them.");
      return null;
    }
    Long seed = model.takesSeed() ? value(recipe, GridRecipe.Kind.SEED, row, col).map(Long::parseLong).orElse(recipe.seed()) : null;
    String[] wh = size.split("x");
    ImageEngines.Tuning tuning = model.tuning();
    ImageRequest request = new ImageRequest(styled.prompt(), styled.negative() == null || styled.negative().isEmpty() ? null : styled.negative(),
        Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 1, seed, engine.serverModels() || model.id().isBlank() ? null : model.id(),
        model.defaultQuality(), null, tuning == null ? null : tuning.steps(), tuning == null ? null : tuning.cfg(),
        tuning == null ? null : tuning.sampler(), tuning == null ? null : tuning.scheduler());
    return new Job(ShortIds.next(), ownerId, engineId, request, new Job.Links(null, null, styled.names()), Job.State.QUEUED);
  }

  /** The value of the axis of this kind at the cell, when the grid has such an axis. */
  private static Optional<String> value(GridRecipe recipe, GridRecipe.Kind kind, int row, int col) {
    if (recipe.rows().kindOf() == kind) {
      return Optional.of(recipe.rows().values().get(row));
    }
    if (recipe.cols() != null && recipe.cols().kindOf() == kind) {
      return Optional.of(recipe.cols().values().get(col));
    }
    return Optional.empty();
  }

  /** How a value is shown as its row's or column's label. */
  static String label(GridRecipe.Kind kind, String value, ImageEngines engines) {
    return switch (kind) {
      case SEED -> "seed " + value;
      case ENGINE -> engines.choice(value).map(ImageEngines.EngineChoice::label).orElse(value);
      case STYLE -> value.toLowerCase(Locale.ROOT).equals(GridForm.NO_STYLE) ? "no style" : value;
      case OPTION -> value.isEmpty() ? "(empty)" : value;
    };
  }
}
