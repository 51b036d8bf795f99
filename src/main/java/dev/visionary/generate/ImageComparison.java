package dev.visionary.generate;

import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.SideBySide;
import dev.visionary.web.CompareSelection;
import dev.visionary.web.Pages;
import dev.visionary.web.Ratings;
import dev.visionary.web.ShortIds;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two to four images side by side with the settings that made them, and for two a slider that lays one over the
 * other. An image is compared by whoever may see it (its owner, or anyone who may read the saved prompt it
 * belongs to), so the comparison answers 404 for anyone the image itself would.
 */
public final class ImageComparison {
  private static final String NOT_FOUND = "One of these images does not exist, or it is private.";

  private final Pages pages;
  private final ImageStore store;
  private final Jobs jobs;
  private final ImageEngines engines;
  private final PromptLinks prompts;
  private final Grids grids;

  ImageComparison(Pages pages, ImageStore store, Jobs jobs, ImageEngines engines, PromptLinks prompts, Grids grids) {
    this.grids = grids;
    this.pages = pages;
    this.store = store;
    this.jobs = jobs;
    this.engines = engines;
    this.prompts = prompts;
  }

  /**
   * An image with what was asked of the engine that drew it, and its prompt against the first image's; {@code rating}
   * only for the image's owner, as everywhere.
   */
  record ComparedImage(ImageStore.StoredImage image, ImageRequest request, String label, String alt, SideBySide.DiffedText prompt,
                       Ratings.Widget rating) {}

  private record Drawn(ImageStore.StoredImage image, Job job) {}

  public void show(Context ctx) {
    Optional<User> viewer = CurrentUser.get(ctx);
    List<String> ids = CompareSelection.read(ctx, "i", "images");
    List<Drawn> drawn = new ArrayList<>();
    for (String id : ids) {
      drawn.add(readable(viewer, id));
    }
    List<SideBySide.DiffedText> texts = SideBySide.texts(drawn.stream().map(d -> d.job().request().prompt()).toList());
    List<ComparedImage> compared = new ArrayList<>();
    String here = ctx.path() + "?" + ctx.queryString();
    for (int i = 0; i < drawn.size(); i++) {
      Drawn d = drawn.get(i);
      String label = "Image " + (i + 1);
      boolean mine = viewer.map(u -> u.id() == d.image().ownerId()).orElse(false);
      compared.add(new ComparedImage(d.image(), d.job().request(), label, label + ": " + d.job().request().prompt(), texts.get(i),
          mine ? d.image().ratingWidget(here) : null));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("items", compared);
    model.put("names", compared.stream().map(ComparedImage::label).toList());
    model.put("rows", rows(drawn));
    model.put("promptsDiffer", SideBySide.anyDiffers(texts));
    model.put("slider", compared.size() == 2);
    model.put("signedIn", viewer.isPresent());
    pages.page(ctx, "generate/compare", model);
  }

  private Drawn readable(Optional<User> viewer, String id) {
    Optional<ImageStore.Access> access = ShortIds.looksValid(id) ? store.access(id) : Optional.empty();
    boolean allowed = access.filter(a -> ImageRoutes.mayView(viewer, id, a, prompts, grids)).isPresent();
    if (!allowed) {
      throw new NotFoundResponse(NOT_FOUND);
    }
    ImageStore.StoredImage image = store.find(id).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    Job job = jobs.find(image.jobId()).orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
    return new Drawn(image, job);
  }

  /** The settings table: what the engine was asked, with the seed and size of the image it actually made. */
  private List<SideBySide.Row> rows(List<Drawn> drawn) {
    List<SideBySide.Row> rows = new ArrayList<>();
    rows.add(row(drawn, "Engine", d -> engines.choice(d.job().engine()).map(ImageEngines.EngineChoice::label).orElse(d.job().engine())));
    rows.add(row(drawn, "Model", d -> d.job().request().model()));
    rows.add(row(drawn, "Size", d -> d.image().width() + "×" + d.image().height()));
    rows.add(row(drawn, "Seed", d -> d.image().seed() == null ? null : d.image().seed().toString()));
    rows.add(row(drawn, "Steps", d -> d.job().request().steps() == null ? null : d.job().request().steps().toString()));
    rows.add(row(drawn, "CFG scale", d -> d.job().request().cfg() == null ? null
        : BigDecimal.valueOf(d.job().request().cfg()).stripTrailingZeros().toPlainString()));
    rows.add(row(drawn, "Sampler", d -> d.job().request().sampler()));
    rows.add(row(drawn, "Scheduler", d -> d.job().request().scheduler()));
    rows.add(row(drawn, "Quality", d -> d.job().request().quality()));
    rows.add(row(drawn, "Style", d -> d.job().request().style()));
    rows.add(row(drawn, "Saved styles", d -> String.join(", ", d.job().links().savedStyles())));
    rows.add(row(drawn, "Prompt", d -> d.job().request().prompt()));
    rows.add(row(drawn, "Negative prompt", d -> d.job().request().negativePrompt()));
    rows.add(row(drawn, "Revised by the model", d -> d.image().revisedPrompt()));
    // A setting no image has (no steps for OpenAI, no style for the built-in engine) is left out rather than shown as dashes.
    return rows.stream().filter(r -> r.cells().stream().anyMatch(c -> !c.value().isEmpty())).toList();
  }

  private static SideBySide.Row row(List<Drawn> drawn, String label, Function<Drawn, String> value) {
    return SideBySide.row(label, drawn.stream().map(value).toList());
  }
}
