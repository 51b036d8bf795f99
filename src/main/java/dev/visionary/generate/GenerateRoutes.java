package dev.visionary.generate;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.prompt.A1111Styles;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Queueing generations and following them: POST /generate, GET /generate, /jobs/{id}. */
public final class GenerateRoutes {
  /** A Studio card's element id: {@code card-}, its expansion's id, its index. */
  private static final Pattern CARD_ID = Pattern.compile("card-([A-Za-z0-9]{10})-([0-9]{1,4})");
  private final Pages pages;
  private final Jobs jobs;
  private final ImageEngines engines;
  private final ImageStore store;
  private final JobScheduler scheduler;
  private final JobRunner runner;
  private final UsageLimits limits;
  private final PromptLinks prompts;
  private final CardTexts cards;
  private final QuickGenerate quick;

  GenerateRoutes(Pages pages, Jobs jobs, ImageEngines engines, ImageStore store, JobScheduler scheduler, JobRunner runner, UsageLimits limits,
      PromptLinks prompts, CardTexts cards, QuickGenerate quick) {
    this.quick = quick;
    this.cards = cards;
    this.runner = runner;
    this.prompts = prompts;
    this.pages = pages;
    this.jobs = jobs;
    this.engines = engines;
    this.store = store;
    this.scheduler = scheduler;
    this.limits = limits;
  }

  /** How many of a person's latest jobs the page shows. */
  private static final int RECENT = 12;
  /** What the Generate page is kept under, read with the session's lookup (see {@link Generation#pageRead}). */
  static final PageReads.Read<Jobs.RecentState> RECENT_STATE = Jobs.recentState(RECENT);

  public void page(Context ctx) {
    User user = CurrentUser.require(ctx);
    String promptId = ctx.queryParam("prompt_id");
    // "More settings…" beside a card or a saved prompt opens this form with its engine and expansion.
    String engine = engines.choice(orDefault(ctx.queryParam("engine"), "builtin")).map(ImageEngines.EngineChoice::id).orElse("builtin");
    String expansionId = ShortIds.looksValid(ctx.queryParam("expansion_id")) ? ctx.queryParam("expansion_id") : null;
    String card = ctx.queryParam("card");
    GenerateForm form;
    if (promptId != null) {
      form = prompts.read(java.util.Optional.of(user), promptId)
          // Someone else's prompt fills in the form but is not linked: its images stay in the viewer's jobs.
          .map(p -> GenerateForm.empty(p.text(), p.negative(), prompts.owns(user, promptId) ? promptId : null, engine, null))
          .orElseThrow(() -> new NotFoundResponse("There is no such saved prompt."));
    } else if (card != null) {
      PromptLinks.PromptText c = cardText(user, card);
      form = GenerateForm.empty(c.text(), c.negative(), null, engine, expansionId);
    } else {
      form = GenerateForm.empty(ctx.queryParam("prompt"), ctx.queryParam("negative"), null, engine, expansionId);
      // Kept while nothing on it changes: the person's saved styles (their revision), their recent jobs (their
      // state), the address (the form's prefill). Not for an engine whose fields list what its server has now, nor
      // while a job waits to retry (its card counts the seconds), nor for a saved prompt or card (their own text).
      boolean listsServer = engines.choice(engine).map(ImageEngines.EngineChoice::serverModels).orElse(true);
      // Read with the session; a view whose lookup did not carry it (the database was briefly away) is rendered afresh.
      Optional<String> state = listsServer ? Optional.empty()
          : PageReads.get(ctx, RECENT_STATE, null, Optional::empty).filter(s -> !s.retrying()).map(Jobs.RecentState::jobs);
      if (state.isPresent()) {
        GenerateForm blank = form;
        pages.kept(ctx, List.of(user.id(), CurrentUser.revision(ctx), state.get()),
            () -> pages.render(ctx, "generate/index", null, pageModel(ctx, user, blank, Map.of()), 200));
        return;
      }
    }
    showPage(ctx, user, form, Map.of(), 200);
  }

  private void showPage(Context ctx, User user, GenerateForm form, Map<String, String> errors, int status) {
    ctx.status(status);
    pages.page(ctx, "generate/index", pageModel(ctx, user, form, errors));
  }

  private Map<String, Object> pageModel(Context ctx, User user, GenerateForm form, Map<String, String> errors) {
    Map<String, Object> model = formModel(form, errors);
    model.put("jobs", views(jobs.recent(user.id(), RECENT)));
    model.put("savedStyles", prompts.styles(user.id()));
    model.put("chosenStyles", Forms.params(ctx, GenerateStyles.FIELD));
    return model;
  }

  /**
   * The engine-dependent fields, swapped in when the engine or model changes; the negative prompt and seed typed so
   * far come along, so they survive a switch to an engine that takes them too.
   */
  public void options(Context ctx) {
    CurrentUser.require(ctx);
    GenerateForm form = new GenerateForm(null, ctx.queryParam("negative"), orDefault(ctx.queryParam("engine"), "builtin"), ctx.queryParam("model"),
        null, "1", ctx.queryParam("seed"), null, null, null, null, null, null, null, null);
    pages.fragment(ctx, "generate/options", formModel(form, Map.of()));
  }

  /** The Generate control beside a card or a saved prompt, built again for the engine just chosen in it. */
  public void quick(Context ctx) {
    User user = CurrentUser.require(ctx);
    String engine = ctx.queryParam("engine");
    if (engine == null || engines.choice(engine).isEmpty()) {
      throw new BadRequestResponse("Choose one of the image engines in the list.");
    }
    String promptId = ctx.queryParam("prompt_id");
    QuickGenerate.Control control;
    if (promptId != null) {
      PromptLinks.PromptText p = (ShortIds.looksValid(promptId) ? prompts.read(Optional.of(user), promptId) : Optional.<PromptLinks.PromptText>empty())
          .orElseThrow(() -> new NotFoundResponse("There is no such saved prompt."));
      control = quick.prompt(promptId, p.text(), p.negative(), engine, prompts.owns(user, promptId));
    } else {
      String card = ctx.queryParam("card");
      String expansion = ctx.queryParam("expansion_id");
      if (card == null || !CARD_ID.matcher(card).matches() || !ShortIds.looksValid(expansion)) {
        throw new BadRequestResponse("Name the card and the expansion whose Generate control you want.");
      }
      PromptLinks.PromptText c = cardText(user, card);
      control = quick.card(card, c.text(), c.negative(), engine, expansion);
    }
    pages.fragment(ctx, "generate/quick", Map.of("q", control));
  }

  /** The text of a Studio card named by its element id, from the viewer's own expansion; 404 for any other. */
  private PromptLinks.PromptText cardText(User user, String card) {
    Matcher m = CARD_ID.matcher(card);
    if (!m.matches()) {
      throw new BadRequestResponse("Name the card and the expansion whose Generate control you want.");
    }
    return cards.read(user.id(), m.group(1), Integer.parseInt(m.group(2)))
        .orElseThrow(() -> new NotFoundResponse("There is no such card in your expansions."));
  }

  public void generate(Context ctx) {
    User user = CurrentUser.require(ctx);
    GenerateForm form = GenerateForm.read(ctx);
    Map<String, String> errors = form.problems(engines, ctx);
    A1111Styles.Choice styleChoice = A1111Styles.choose(Forms.params(ctx, GenerateStyles.FIELD), prompts.styles(user.id()));
    GenerateStyles styled = errors.isEmpty() ? form.styled(engines, ctx, styleChoice, errors) : null;
    if (!styleChoice.ok()) {
      errors.putIfAbsent(GenerateStyles.FIELD, styleChoice.error());
    }
    if (!errors.isEmpty()) {
      if (Htmx.isHtmx(ctx)) {
        ctx.status(422);
        ctx.header("HX-Retarget", "#generate-errors");
        ctx.header("HX-Reswap", "innerHTML");
        pages.fragment(ctx, "generate/form-errors", Map.of("errors", errors));
        return;
      }
      showPage(ctx, user, form, errors, 422);
      return;
    }
    if (form.promptId() != null && !prompts.owns(user, form.promptId())) {
      // One answer whether it is missing, private or someone else's: a stranger learns nothing about it.
      throw new io.javalin.http.ForbiddenResponse("Images can be added only to your own saved prompts. "
          + "To make images for someone else's prompt, fork it into your library first.");
    }
    limits.generation(user);
    Job job = form.toJob(ShortIds.next(), user.id(), engines, styled);
    jobs.queue(job, scheduler);
    if (job.links().promptId() != null) {
      prompts.used(job.links().promptId());
    }
    if (Htmx.isHtmx(ctx)) {
      ctx.status(201);
      card(ctx, jobs.find(job.id()).orElseThrow());
    } else {
      ctx.redirect(Urls.job(job.id()), HttpStatus.SEE_OTHER);
    }
  }

  /** The jobs started from one expansion's cards, so its page shows their images again after a reload. */
  public void jobsOfExpansion(Context ctx) {
    User user = CurrentUser.require(ctx);
    String expansion = ctx.queryParam("expansion");
    if (!ShortIds.looksValid(expansion)) {
      throw new io.javalin.http.BadRequestResponse("Name the expansion whose images you want to see.");
    }
    List<JobView> views = views(jobs.forExpansion(user.id(), expansion));
    ctx.header("Cache-Control", "no-store");
    pages.fragment(ctx, "generate/expansion-jobs", Map.of("jobs", views));
  }

  public void job(Context ctx) {
    Job job = owned(ctx);
    if (Htmx.isHtmx(ctx)) {
      card(ctx, job);
      return;
    }
    ctx.header("Vary", "HX-Request");
    pages.page(ctx, "generate/job", Map.of("job", view(job)));
  }

  public void cancel(Context ctx) {
    Job job = owned(ctx);
    if (jobs.cancel(job.id(), job.ownerId())) {
      scheduler.unschedule(job.id());
      // A running job stops now on this instance; one running elsewhere sees the cancel within its next check.
      runner.stop(job.id());
    }
    afterChange(ctx, job.id());
  }

  public void retry(Context ctx) {
    Job job = owned(ctx);
    jobs.requeue(job.id(), job.ownerId(), scheduler);
    afterChange(ctx, job.id());
  }

  private void afterChange(Context ctx, String id) {
    if (Htmx.isHtmx(ctx)) {
      card(ctx, jobs.find(id).orElseThrow());
    } else {
      ctx.redirect(Urls.job(id), HttpStatus.SEE_OTHER);
    }
  }

  private void card(Context ctx, Job job) {
    ctx.header("Cache-Control", "no-store");
    pages.fragment(ctx, "generate/job-card", Map.of("job", view(job)));
  }

  /** Another person's job answers 404, exactly like one that does not exist. */
  private Job owned(Context ctx) {
    User user = CurrentUser.require(ctx);
    String id = ctx.pathParam("id");
    return (ShortIds.looksValid(id) ? jobs.find(id) : java.util.Optional.<Job>empty())
        .filter(j -> j.ownerId() == user.id())
        .orElseThrow(() -> new NotFoundResponse("There is no such generation job in your account."));
  }

  JobView view(Job job) {
    return views(List.of(job)).get(0);
  }

  /** The jobs' cards, with the images of the finished ones read in one query rather than one per job. */
  private List<JobView> views(List<Job> list) {
    List<String> finished = list.stream().filter(j -> j.state().status() == Job.Status.SUCCEEDED).map(Job::id).toList();
    Map<String, List<ImageStore.StoredImage>> images = store.forJobs(finished);
    return list.stream().map(job -> JobView.of(job, engines.choice(job.engine()).map(ImageEngines.EngineChoice::label).orElse(job.engine()),
        images.getOrDefault(job.id(), List.of()))).toList();
  }

  private Map<String, Object> formModel(GenerateForm form, Map<String, String> errors) {
    ImageEngines.EngineChoice engine = engines.choice(form.engine()).orElse(engines.choices().get(0));
    ImageEngines.ModelChoice model = engine.model(form.model()).orElse(engine.defaultModel());
    Map<String, Object> m = new HashMap<>();
    // An unknown engine in the address falls back to the first; the engine-specific fields follow the one shown.
    form = form.engine().equals(engine.id()) ? form : form.withEngine(engine.id());
    m.put("form", form);
    m.put("errors", errors);
    m.put("engines", engines.choices());
    m.put("engine", engine);
    m.put("model", model);
    m.put("size", model.acceptsSize(form.sizeOrDefault(model)) ? form.sizeOrDefault(model) : model.sizes().get(0));
    m.put("quality", form.quality() == null || form.quality().isBlank() ? model.defaultQuality() : form.quality());
    m.put("diffusion", form.diffusion(engines, model));
    return m;
  }

  private static String orDefault(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
