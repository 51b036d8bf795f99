package dev.visionary.expand;

import dev.visionary.expand.dynamic.IdeaTemplates;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.prompt.A1111Styles;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.StyleBook;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import dev.visionary.web.Htmx;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Studio: where a short idea is typed and expanded, and every past expansion has its own page. */
public final class StudioRoutes {
  static final int RECENT = 12;
  static final int PREVIEWED = 20;
  /** The repeatable form field naming the saved styles to apply, in order. */
  static final String STYLES = "styles";

  private final Pages pages;
  private final ExpansionService service;
  private final ExpansionEngines engines;
  private final Instructions instructions;
  private final IdeaTemplates templates;
  private final UsageLimits limits;
  private final StyleBook styleBook;
  private final CardRatings ratings;
  private final DescribedPictures pictures;

  StudioRoutes(Pages pages, ExpansionService service, ExpansionEngines engines, Instructions instructions, IdeaTemplates templates,
               UsageLimits limits, StyleBook styleBook, CardRatings ratings, DescribedPictures pictures) {
    this.pictures = pictures;
    this.ratings = ratings;
    this.styleBook = styleBook;
    this.pages = pages;
    this.service = service;
    this.engines = engines;
    this.instructions = instructions;
    this.templates = templates;
    this.limits = limits;
  }

  public void studio(Context ctx) {
    Target target = Target.byId(ctx.queryParam("target")).orElse(Target.GENERIC);
    Optional<User> user = CurrentUser.get(ctx);
    if (user.isPresent()) {
      // Recent expansions and instruction versions are the person's own: the page is kept until they change.
      User me = user.get();
      pages.kept(ctx, List.of(me.id(), CurrentUser.revision(ctx), engines.offeredKey()), () -> {
        ExpandForm form = ExpandForm.blank(target, instructions.chosen(me.id()).id());
        return pages.render(ctx, "studio/index", null, studioModel(ctx, user, form, Map.of(), null), 200);
      });
      return;
    }
    Map<String, Object> model = new HashMap<>();
    if ("deleted".equals(ctx.queryParam("account"))) {
      model.put("flash", "Your account and everything in it were deleted.");
    }
    render(ctx, user, ExpandForm.blank(target, Instructions.DEFAULT_ID), Map.of(), null, model, 200);
  }

  public void show(Context ctx) {
    User user = CurrentUser.require(ctx);
    Expansion x = owned(ctx.pathParam("id"), user);
    List<Expansion> children = x.lineage().parentId() == null ? service.expansions().children(x.id()) : List.of();
    List<String> shown = new ArrayList<>(List.of(x.id()));
    children.forEach(c -> shown.add(c.id()));
    // An expansion written from a picture shows the picture above its cards.
    Map<String, Object> described = pictures.view(x.lineage().parentId() != null ? x.lineage().parentId() : x.id());
    ExpansionViews.ExpansionView view = ExpansionViews.expansion(x, children, service.engineLabel(x.engine().engine()), ratings.of(shown),
        described != null);
    List<String> chosen = x.ask().savedStyles().stream().map(SavedStyle::id).toList();
    Map<String, Object> extra = new HashMap<>(Map.of("chosenStyles", chosen));
    extra.put("described", described);
    render(ctx, Optional.of(user), described != null ? ExpandForm.ofDescribed(x) : ExpandForm.of(x), Map.of(), view, extra, 200);
  }

  public void expand(Context ctx) {
    User user = CurrentUser.require(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    ExpandForm form = ExpandForm.read(ctx, errors);
    ExpandForm.Options options = form.check(engines, instructions, user.id(), errors);
    List<String> styleIds = Forms.params(ctx, STYLES);
    // The person's saved styles are read only when the form names some.
    A1111Styles.Choice styles = A1111Styles.choose(styleIds, styleIds.isEmpty() ? List.of() : styleBook.of(user.id()));
    if (!styles.ok()) {
      errors.put(STYLES, styles.error());
    }
    boolean htmx = Htmx.isHtmx(ctx);
    Expansion x = null;
    if (options != null && styles.ok()) {
      try {
        x = service.expand(user.id(), options, styles.styles(), htmx, () -> limits.expansion(user));
      } catch (IdeaTemplates.Problem e) {
        errors.put("idea", e.getMessage());
      }
    }
    if (x == null) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      if (Htmx.isHtmx(ctx)) {
        // The form comes back in place with its messages and everything typed in it.
        ctx.header("HX-Retarget", "#idea-form");
        ctx.header("HX-Reswap", "outerHTML");
        Map<String, Object> model = studioModel(ctx, Optional.of(user), form, errors, null);
        model.put("chosenStyles", Forms.params(ctx, STYLES));
        ctx.html(pages.views().fragment("studio/index", "idea-form", Pages.model(ctx, model)));
        return;
      }
      render(ctx, Optional.of(user), form, errors, null, new HashMap<>(Map.of("chosenStyles", Forms.params(ctx, STYLES))), 422);
      return;
    }
    if (!htmx) {
      ctx.redirect(Urls.expansion(x.id()), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.header("HX-Push-Url", Urls.expansion(x.id()));
    // The two fragments show the new expansion and the Recent list, nothing of the form: nothing else is read.
    Map<String, Object> model = Pages.model(ctx, Map.of(
        "current", ExpansionViews.expansion(x, List.of(), service.engineLabel(x.engine().engine()), ExpansionViews.UNRATED),
        "recent", service.recentViews(user.id())));
    // The new expansion replaces the results, and "Recent" gains it without a page load.
    ctx.html(pages.views().fragment("studio/index", "results", model) + pages.views().fragment("studio/index", "recent-oob", model));
  }

  /**
   * "This idea makes 12 prompts" and the first {@value #PREVIEWED} of them, in order: shown under the idea box while
   * typing dynamic syntax, so a person sees what a template gives before expanding it.
   */
  public void preview(Context ctx) {
    User user = CurrentUser.require(ctx);
    String idea = Optional.ofNullable(ctx.queryParam("idea")).orElse("");
    boolean combinatorial = "combinatorial".equals(ctx.queryParam("mode"));
    int cap = parseCap(ctx.queryParam("cap"));
    Map<String, Object> model = new HashMap<>();
    model.put("problem", null);
    model.put("message", null);
    model.put("combinations", List.of());
    if (idea.length() > ExpandForm.MAX_IDEA_CHARS) {
      model.put("problem", "The idea is too long: at most " + ExpandForm.MAX_IDEA_CHARS + " characters.");
    } else if (templates.isDynamic(idea)) {
      try {
        IdeaTemplates.Count count = templates.count(idea, user.id(), cap);
        model.put("message", count.describe(combinatorial, cap));
        List<String> combinations = templates.combinations(idea, user.id(), PREVIEWED);
        model.put("combinations", combinations);
        model.put("combinationsLabel", combinations.size() == 1 ? "The prompt it makes" : "The first " + combinations.size() + " prompts it makes");
      } catch (IdeaTemplates.Problem e) {
        model.put("problem", e.getMessage());
      }
    }
    pages.fragment(ctx, "expand/idea-count", model);
  }

  /** The dialect hint shown under the target picker; HTMX swaps it in when the target changes. */
  public void targetHint(Context ctx) {
    String id = ctx.queryParam("target");
    Target target = Target.byId(id).orElseThrow(() -> new BadRequestResponse("Unknown target model: choose one from the list."));
    pages.fragment(ctx, "studio/target-hint", Map.of("target", target));
  }

  private Expansion owned(String id, User user) {
    if (!ShortIds.looksValid(id)) {
      throw new NotFoundResponse();
    }
    return service.expansions().findOwned(id, user.id()).orElseThrow(NotFoundResponse::new);
  }

  private void render(Context ctx, Optional<User> user, ExpandForm form, Map<String, String> errors, ExpansionViews.ExpansionView current,
                      Map<String, Object> extra, int status) {
    ctx.status(status);
    Map<String, Object> model = studioModel(ctx, user, form, errors, current);
    model.putAll(extra);
    pages.page(ctx, "studio/index", model);
  }

  private Map<String, Object> studioModel(Context ctx, Optional<User> user, ExpandForm form, Map<String, String> errors,
                                          ExpansionViews.ExpansionView current) {
    Map<String, Object> model = new HashMap<>();
    model.put("form", form.values());
    model.put("errors", errors);
    model.put("targets", List.of(Target.values()));
    model.put("target", Target.byId(form.target()).orElse(Target.GENERIC));
    model.put("styles", List.of(StylePreset.values()));
    model.put("engines", engines.all());
    model.put("hasLlm", engines.all().stream().anyMatch(StudioEngine::usesInstructions));
    model.put("current", current);
    model.put("recent", List.of());
    model.put("savedStyles", List.of());
    model.put("chosenStyles", List.of());
    user.ifPresent(u -> {
      model.put("savedStyles", styleBook.of(u.id()));
      model.put("instructionVersions", instructions.available(u.id()));
      model.put("recent", service.recentViews(u.id()));
    });
    return model;
  }

  private static int parseCap(String raw) {
    try {
      int cap = Integer.parseInt(raw == null ? "" : raw.strip());
      return Math.max(1, Math.min(ExpandForm.MAX_CAP, cap));
    } catch (NumberFormatException e) {
      return ExpandForm.DEFAULT_CAP;
    }
  }
}
