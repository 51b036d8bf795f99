package dev.visionary.generate;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Grids: GET/POST /grids, /grids/new, /grids/{id} and its picture, cancel, re-run and sharing. */
public final class GridRoutes {
  private static final Logger log = LoggerFactory.getLogger(GridRoutes.class);
  private static final String NOT_FOUND = "There is no such grid, or it is private.";

  private final Pages pages;
  private final Grids grids;
  private final Jobs jobs;
  private final ImageEngines engines;
  private final ImageStore store;
  private final JobScheduler scheduler;
  private final JobRunner runner;
  private final UsageLimits limits;
  private final PromptLinks prompts;

  GridRoutes(Pages pages, Grids grids, Jobs jobs, ImageEngines engines, ImageStore store, JobScheduler scheduler, JobRunner runner,
      UsageLimits limits, PromptLinks prompts) {
    this.pages = pages;
    this.grids = grids;
    this.jobs = jobs;
    this.engines = engines;
    this.store = store;
    this.scheduler = scheduler;
    this.runner = runner;
    this.limits = limits;
    this.prompts = prompts;
  }

  public void list(Context ctx) {
    User user = CurrentUser.require(ctx);
    pages.page(ctx, "grids/list", Map.of("grids", grids.mine(user.id(), 100)));
  }

  /** The form, empty, prefilled from a card, prompt or job ({@code ?prompt=&negative=&engine=}), or from a grid ({@code ?from=}). */
  public void newForm(Context ctx) {
    User user = CurrentUser.require(ctx);
    String from = ctx.queryParam("from");
    GridForm form;
    if (from != null) {
      form = GridForm.of(readable(ctx, from).recipe());
    } else {
      form = GridForm.prefilled(ctx.queryParam("prompt"), ctx.queryParam("negative"), ctx.queryParam("engine"));
    }
    showForm(ctx, user, form, Map.of(), 200);
  }

  public void create(Context ctx) {
    User user = CurrentUser.require(ctx);
    GridForm form = GridForm.read(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    List<SavedStyle> styles = prompts.styles(user.id());
    GridRecipe recipe = form.recipe(engines, styles, errors);
    String id;
    try {
      id = recipe == null ? null : queue(user, recipe, styles, errors);
    } catch (HttpResponseException e) {
      // Over the generation limit: the form comes back as typed, with the limit's message and status.
      showForm(ctx, user, form, Map.of("limit", e.getMessage()), e.getStatus());
      return;
    }
    if (id == null) {
      showForm(ctx, user, form, errors, 422);
      return;
    }
    ctx.redirect(Urls.grid(id), HttpStatus.SEE_OTHER);
  }

  /** A new grid drawn from the same recipe, with the person's styles as they are now. */
  public void rerun(Context ctx) {
    User user = CurrentUser.require(ctx);
    Grids.Grid grid = owned(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    String id = queue(user, grid.recipe(), prompts.styles(user.id()), errors);
    if (id == null) {
      // The recipe no longer fits (a style deleted, an engine gone): the form shows why, ready to change it.
      showForm(ctx, user, GridForm.of(grid.recipe()), errors, 422);
      return;
    }
    ctx.redirect(Urls.grid(id), HttpStatus.SEE_OTHER);
  }

  /** Queues the recipe's cells with their grid; null, with the problems in {@code errors}, when it cannot be drawn. */
  private String queue(User user, GridRecipe recipe, List<SavedStyle> styles, Map<String, String> errors) {
    List<GridPlan.Cell> cells = GridPlan.cells(recipe, user.id(), engines, styles, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    limits.generations(user, cells.size());
    String id = ShortIds.next();
    grids.create(new Grids.Grid(id, user.id(), recipe, labels(recipe.rows()), recipe.cols() == null ? List.of() : labels(recipe.cols()),
        "private", null), cells, scheduler);
    return id;
  }

  private List<String> labels(GridRecipe.Axis axis) {
    return axis.values().stream().map(v -> GridPlan.label(axis.kindOf(), v, engines)).toList();
  }

  /** The page, or under HX-Request only its cells, which poll until every cell is finished. */
  public void show(Context ctx) {
    Grids.Grid grid = readable(ctx, ctx.pathParam("id"));
    boolean mine = CurrentUser.get(ctx).map(u -> u.id() == grid.ownerId()).orElse(false);
    ctx.header("Cache-Control", "no-store");
    pages.page(ctx, "grids/grid", "cells", Map.of("grid", view(grid, mine), "visibilities", Grids.VISIBILITIES));
  }

  /** Every finished cell in one PNG with its labels, as a download. */
  public void picture(Context ctx) {
    Grids.Grid grid = readable(ctx, ctx.pathParam("id"));
    List<Grids.Cell> cells = grids.cells(grid.id());
    Map<String, List<ImageStore.StoredImage>> images = store.forJobs(
        cells.stream().filter(c -> c.status() == Job.Status.SUCCEEDED).map(Grids.Cell::jobId).toList());
    List<List<byte[]>> pictures = new ArrayList<>();
    for (int r = 0; r < grid.rowLabels().size(); r++) {
      List<byte[]> row = new ArrayList<>();
      for (int c = 0; c < Math.max(1, grid.colLabels().size()); c++) {
        row.add(null);
      }
      pictures.add(row);
    }
    for (Grids.Cell cell : cells) {
      try {
        images.getOrDefault(cell.jobId(), List.of()).stream().findFirst()
            .flatMap(image -> store.bytes(image, true))
            .ifPresent(bytes -> pictures.get(cell.row()).set(cell.col(), bytes.bytes()));
      } catch (ObjectStore.Failed e) {
        // Object storage failing for one picture leaves its cell empty rather than losing the whole download.
        log.warn("Grid {} cell {},{}: {}", grid.id(), cell.row(), cell.col(), e.getMessage());
      }
    }
    byte[] png = GridPicture.draw(grid.rowLabels(), grid.colLabels(), pictures);
    ctx.header("Content-Disposition", "attachment; filename=\"visionary-grid-" + grid.id() + ".png\"");
    // Drawn afresh from the cells finished so far, so a copy kept anywhere would soon be stale.
    ctx.header("Cache-Control", "no-store");
    ctx.res().setCharacterEncoding(null);
    ctx.contentType("image/png");
    ctx.result(png);
  }

  /**
   * Cancels every cell still queued or running in one statement, then takes each out of the schedule and stops a
   * running one as a job's own cancel does; finished cells stay as they are.
   */
  public void cancel(Context ctx) {
    Grids.Grid grid = owned(ctx);
    List<String> open = grids.cells(grid.id()).stream().filter(c -> !c.finished()).map(Grids.Cell::jobId).toList();
    for (String job : open.isEmpty() ? List.<String>of() : jobs.cancelAll(open, grid.ownerId())) {
      scheduler.unschedule(job);
      runner.stop(job);
    }
    afterChange(ctx, grid);
  }

  public void visibility(Context ctx) {
    Grids.Grid grid = owned(ctx);
    String visibility = Forms.param(ctx, "visibility");
    if (visibility == null || !Grids.VISIBILITIES.contains(visibility)) {
      throw new BadRequestResponse("Choose who can see the grid: private, unlisted or public.");
    }
    grids.visibility(grid.id(), grid.ownerId(), visibility);
    ctx.redirect(Urls.grid(grid.id()), HttpStatus.SEE_OTHER);
  }

  private void afterChange(Context ctx, Grids.Grid grid) {
    if (Htmx.isHtmx(ctx)) {
      ctx.header("Cache-Control", "no-store");
      pages.page(ctx, "grids/grid", "cells", Map.of("grid", view(grids.find(grid.id()).orElseThrow(), true), "visibilities", Grids.VISIBILITIES));
    } else {
      ctx.redirect(Urls.grid(grid.id()), HttpStatus.SEE_OTHER);
    }
  }

  private GridView view(Grids.Grid grid, boolean mine) {
    List<Grids.Cell> cells = grids.cells(grid.id());
    Map<String, List<ImageStore.StoredImage>> images = store.forJobs(
        cells.stream().filter(c -> c.status() == Job.Status.SUCCEEDED).map(Grids.Cell::jobId).toList());
    return GridView.of(grid, cells, images, mine);
  }

  private void showForm(Context ctx, User user, GridForm form, Map<String, String> errors, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("form", form);
    model.put("errors", errors);
    model.put("engines", engines.choices());
    model.put("kinds", GridRecipe.Kind.values());
    model.put("styleNames", prompts.styles(user.id()).stream().map(SavedStyle::name).toList());
    model.put("maxValues", GridRecipe.MAX_VALUES);
    model.put("maxCells", GridRecipe.MAX_CELLS);
    pages.page(ctx, "grids/new", model);
  }

  /** The grid when the viewer may see it: theirs, or shared (unlisted by its address, or public); otherwise 404. */
  private Grids.Grid readable(Context ctx, String id) {
    Optional<User> viewer = CurrentUser.get(ctx);
    return (ShortIds.looksValid(id) ? grids.find(id) : Optional.<Grids.Grid>empty())
        .filter(g -> !g.visibility().equals("private") || viewer.map(u -> u.id() == g.ownerId()).orElse(false))
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
  }

  /** The viewer's own grid; anyone else's answers 404, shared or not, exactly like one that does not exist. */
  private Grids.Grid owned(Context ctx) {
    User user = CurrentUser.require(ctx);
    String id = ctx.pathParam("id");
    return (ShortIds.looksValid(id) ? grids.find(id) : Optional.<Grids.Grid>empty())
        .filter(g -> g.ownerId() == user.id())
        .orElseThrow(() -> new NotFoundResponse(NOT_FOUND));
  }
}
