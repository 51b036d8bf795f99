package dev.visionary.generate;

import dev.visionary.web.Forms;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checkpoint, steps, CFG scale, sampler and scheduler for a diffusion server, as the form shows them and as they are
 * sent: what the person chose, else the engine's default, checked against what the server lists when it could list.
 *
 * @param models the server's checkpoints; empty when it could not list them, and then {@code model} is free text
 * @param listProblem why the server's lists are missing, for the form to say; null when they were read
 */
record DiffusionSettings(
    List<String> models,
    List<String> samplers,
    List<String> schedulers,
    String listProblem,
    String model,
    String steps,
    String cfg,
    String sampler,
    String scheduler) {

  static final int MAX_NAME = 300;

  static DiffusionSettings of(ImageEngines.Tuning tuning, ImageEngines.Listing listing, GenerateForm form) {
    List<String> models = listing == null || listing.choices() == null ? List.of() : listing.choices().models();
    List<String> samplers = listing == null || listing.choices() == null ? List.of() : listing.choices().samplers();
    List<String> schedulers = listing == null || listing.choices() == null ? List.of() : listing.choices().schedulers();
    String problem = listing == null ? null : listing.problem();
    boolean listed = listing != null && listing.choices() != null;
    String defaultScheduler = listed && schedulers.isEmpty() ? null : fallback(tuning.scheduler(), schedulers);
    return new DiffusionSettings(models, samplers, schedulers, problem,
        blank(form.model()) ? "" : form.model().strip(),
        blank(form.steps()) ? Integer.toString(tuning.steps()) : form.steps().strip(),
        blank(form.cfg()) ? plain(tuning.cfg()) : form.cfg().strip(),
        blank(form.sampler()) ? fallback(tuning.sampler(), samplers) : form.sampler().strip(),
        blank(form.scheduler()) ? defaultScheduler : form.scheduler().strip());
  }

  /** Adds a message for each setting that cannot be sent. */
  void check(Map<String, String> errors) {
    Integer n = parseInt(steps);
    if (n == null || n < ImageEngines.Tuning.MIN_STEPS || n > ImageEngines.Tuning.MAX_STEPS) {
      errors.put("steps", "Steps must be a whole number from " + ImageEngines.Tuning.MIN_STEPS + " to " + ImageEngines.Tuning.MAX_STEPS + ".");
    }
    Double scale = parseDouble(cfg);
    if (scale == null || scale < ImageEngines.Tuning.MIN_CFG || scale > ImageEngines.Tuning.MAX_CFG) {
      errors.put("cfg", "CFG scale must be a number from " + plain(ImageEngines.Tuning.MIN_CFG) + " to " + plain(ImageEngines.Tuning.MAX_CFG)
          + ", such as 7 or 6.5.");
    }
    listed("model", "checkpoint", model, models, errors);
    listed("sampler", "sampler", sampler, samplers, errors);
    listed("scheduler", "scheduler", scheduler, schedulers, errors);
  }

  Integer stepsValue() {
    return parseInt(steps);
  }

  Double cfgValue() {
    return parseDouble(cfg);
  }

  /** A name the server listed; free text within bounds when it listed none (or could not be asked). */
  private static void listed(String field, String what, String value, List<String> known, Map<String, String> errors) {
    if (value == null || value.isEmpty()) {
      return;
    }
    try {
      Forms.clean(field, "The " + what, value, MAX_NAME, false);
    } catch (Forms.Invalid e) {
      errors.put(field, e.getMessage());
      return;
    }
    if (!known.isEmpty() && !known.contains(value)) {
      errors.put(field, "The server has no " + what + " called \"" + value + "\"; choose one it lists.");
    }
  }

  /** The default when the server offers it (or lists nothing), else the first it lists. */
  private static String fallback(String preferred, List<String> offered) {
    return offered.isEmpty() || offered.contains(preferred) ? preferred : offered.get(0);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Integer parseInt(String s) {
    try {
      return s == null || s.length() > 4 ? null : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseDouble(String s) {
    if (s == null || !s.matches("\\d{1,3}(\\.\\d{1,3})?")) {
      return null;
    }
    return Double.parseDouble(s);
  }
}
