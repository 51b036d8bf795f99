package dev.visionary.expand;

import dev.visionary.expand.dynamic.IdeaTemplates;
import dev.visionary.expand.llm.ChatRequest;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import dev.visionary.web.ShortIds;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Studio does with an idea: record it, plan the engine calls (resolving dynamic syntax), run
 * them now or in the background, and derive refinements and "more like this" from a card.
 */
final class ExpansionService {
  /** A run older than this still marked running lost its instance (restart, kill) and is shown as failed. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
  static final int MORE_LIKE_THIS = 2;
  /** The error a cancelled expansion is recorded with; its card and Recent entry say "cancelled" rather than "failed". */
  static final String CANCELLED = "Cancelled before it finished.";
  private static final SecureRandom SEEDS = new SecureRandom();

  private final Expansions expansions;
  private final Instructions instructions;
  private final ExpansionEngines engines;
  private final IdeaTemplates templates;
  private final ExpansionRunner runner;
  private final DescribedPictures pictures;

  ExpansionService(Expansions expansions, Instructions instructions, ExpansionEngines engines, IdeaTemplates templates,
                   ExpansionRunner runner, DescribedPictures pictures) {
    this.pictures = pictures;
    this.expansions = expansions;
    this.instructions = instructions;
    this.engines = engines;
    this.templates = templates;
    this.runner = runner;
  }

  Expansions expansions() {
    return expansions;
  }

  ExpansionRunner runner() {
    return runner;
  }

  /**
   * Expands an idea from the Studio's form, first counting it against the person's limit with {@code countUse} (which
   * throws when they are over it). An instant engine (the built-in one) runs before anything is recorded, and its
   * finished expansion is recorded in one statement. Any other engine's expansion is recorded as running before its
   * provider is called, so the idea survives a failed provider or a restart.
   *
   * <p>The count is its own statement, not part of the expansion's transaction: its row is the person's one counter,
   * and holding that row's lock while the app prepares the next statement would queue all their expansions behind it.
   */
  Expansion expand(long ownerId, ExpandForm.Options o, List<SavedStyle> styles, boolean followedByPage, Runnable countUse)
      throws IdeaTemplates.Problem {
    Expansion x = prepare(ownerId, o, styles);
    countUse.run();
    if (o.engine().instant()) {
      ExpansionRunner.Outcome outcome = runner.compute(plan(x, o.engine()));
      return expansions.insertFinished(x, outcome.model(), outcome.variations(), outcome.failure());
    }
    expansions.insertRunning(x);
    return launch(x, followedByPage);
  }

  /** The expansion the form asks for, its idea's syntax checked; not recorded yet. */
  private Expansion prepare(long ownerId, ExpandForm.Options o, List<SavedStyle> styles) throws IdeaTemplates.Problem {
    long seed = o.seed() != null ? o.seed() : Math.floorMod(SEEDS.nextLong(), 1_000_000_000L);
    int count = o.count();
    if (o.combinatorial()) {
      count = templates.combinations(o.idea(), ownerId, o.cap()).size();
    } else {
      templates.check(o.idea(), ownerId);
    }
    return Expansion.starting(ShortIds.next(), ownerId, Expansion.Lineage.NONE,
        new Expansion.Ask(o.idea(), o.target().id(), o.style().id(), count, o.combinatorial() ? "combinatorial" : "random", seed, null, null,
            styles),
        new Expansion.Engine(o.engine().id(), o.engine().model(), o.instructionId()));
  }

  /** A new expansion from one card: refined with a short instruction, or (refinement null) more like it. */
  Expansion derive(Expansion source, int card, String refinement) {
    Variation base = source.outcome().results().get(card);
    String rootId = source.lineage().parentId() != null ? source.lineage().parentId() : source.id();
    StudioEngine engine = engines.find(source.engine().engine()).orElse(null);
    String model = engine != null ? engine.model() : source.engine().model();
    Expansion.Ask asked = source.ask();
    Expansion x = Expansion.starting(ShortIds.next(), source.ownerId(), new Expansion.Lineage(rootId, source.id(), card),
        new Expansion.Ask(asked.idea(), asked.target(), asked.style(), refinement != null ? 1 : MORE_LIKE_THIS, "random",
            // The card's text already has the source's styles applied; applying them again would repeat them.
            Math.floorMod(SEEDS.nextLong(), 1_000_000_000L), refinement, cardText(base, refinement != null), List.of()),
        new Expansion.Engine(source.engine().engine(), model, source.engine().instructionVersion()));
    expansions.insertRunning(x);
    return x;
  }

  /**
   * Asks the same engine for the variations {@code shortOne} left out, as a new expansion whose cards follow the others.
   *
   * @param written every prompt already written for the idea, which the new ones must differ from
   * @return empty when a fill for it is already there (a second click)
   */
  Optional<Expansion> fill(Expansion shortOne, List<String> written) {
    String rootId = shortOne.lineage().parentId() != null ? shortOne.lineage().parentId() : shortOne.id();
    StudioEngine engine = engines.find(shortOne.engine().engine()).orElse(null);
    String model = engine != null ? engine.model() : shortOne.engine().model();
    Expansion.Ask asked = shortOne.ask();
    int missing = asked.count() - shortOne.outcome().results().size();
    // The prompts written so far ride in base_prompt, one per line (a prompt is one line), so a retry sends them again.
    String already = String.join("\n", written.stream().map(p -> p.replace('\n', ' ')).toList());
    Expansion x = Expansion.starting(ShortIds.next(), shortOne.ownerId(), new Expansion.Lineage(rootId, shortOne.id(), null),
        new Expansion.Ask(asked.idea(), asked.target(), asked.style(), missing, "random", Math.floorMod(SEEDS.nextLong(), 1_000_000_000L),
            null, already, asked.savedStyles()),
        new Expansion.Engine(shortOne.engine().engine(), model, shortOne.engine().instructionVersion()));
    return expansions.insertFill(x) ? Optional.of(x) : Optional.empty();
  }

  /** An expansion asking for the variations an earlier one left out: listed under a parent, made from no card. */
  static boolean isFill(Expansion x) {
    return x.lineage().parentId() != null && x.lineage().sourceCard() == null && x.ask().refinement() == null;
  }

  /**
   * The card as an engine works from it: for Refine, the prompt with its Midjourney parameters and, on its own
   * line, its negative prompt ("Negative prompt: ...", as AUTOMATIC1111 writes it), so a refinement keeps what it
   * does not change; for "more like this", the prompt with its parameters.
   */
  static String cardText(Variation card, boolean refining) {
    String text = card.copyText();
    return refining && card.negative() != null ? text + "\nNegative prompt: " + card.negative() : text;
  }

  /**
   * Runs a recorded expansion: streaming engines in the background when a page is there to follow them,
   * everything else right away. Returns the expansion as it stands afterwards.
   */
  Expansion launch(Expansion x, boolean followedByPage) {
    Optional<StudioEngine> engine = engines.find(x.engine().engine());
    if (engine.isEmpty()) {
      expansions.fail(x.id(), "The “" + x.engine() + "” engine is not configured on this server any more. "
          + "Your idea is kept: expand it again with another engine.");
      return expansions.find(x.id()).orElseThrow();
    }
    ExpansionRunner.Job job;
    try {
      job = plan(x, engine.get());
    } catch (IdeaTemplates.Problem e) {
      // The idea was checked when it was recorded; a wildcard list deleted since then can still break it.
      expansions.fail(x.id(), e.getMessage());
      return expansions.find(x.id()).orElseThrow();
    }
    if (engine.get().streams() && followedByPage) {
      runner.start(job);
      return expansions.find(x.id()).orElseThrow();
    }
    return runner.runNow(job);
  }

  /** Ends a running expansion wherever it runs: recorded as failed first, so its late outcome is not kept. */
  boolean cancel(Expansion x) {
    if (!expansions.fail(x.id(), CANCELLED)) {
      return false;
    }
    runner.stop(x.id());
    return true;
  }

  /** Tries a failed expansion again with the same idea and options. */
  Optional<Expansion> retry(Expansion x, boolean followedByPage) {
    if (!expansions.restart(x.id())) {
      return Optional.empty();
    }
    return Optional.of(launch(expansions.find(x.id()).orElseThrow(), followedByPage));
  }

  /** Whether the expansion was written from a picture (Describe) rather than from an idea typed in the Studio. */
  boolean fromPicture(String expansionId) {
    return pictures.view(expansionId) != null;
  }

  /** The Studio's "Recent" entries. */
  List<ExpansionViews.RecentView> recentViews(long ownerId) {
    return expansions.recent(ownerId, StudioRoutes.RECENT).stream().map(x -> ExpansionViews.recent(x, engineLabel(x.engine()))).toList();
  }

  String engineLabel(String id) {
    return engines.find(id).map(StudioEngine::label).orElse(id);
  }

  private ExpansionRunner.Job plan(Expansion x, StudioEngine engine) throws IdeaTemplates.Problem {
    Target target = Target.byId(x.ask().target()).orElse(Target.GENERIC);
    // A described picture's expansion, and a fill of its missing prompts, send the model the picture again; so do
    // Refine and "more like this" on its cards. The built-in engine's expansions of an idea make no lookup.
    boolean describable = engine instanceof LlmEngine && (x.lineage().parentId() == null || isFill(x));
    boolean fromCard = x.lineage().sourceCard() != null;
    Optional<DescribedPictures.ForModel> picture = describable || fromCard
        ? pictures.forModel(x.lineage().parentId() != null ? x.lineage().parentId() : x.id()) : Optional.empty();
    ChatRequest.Image image = picture.map(DescribedPictures.ForModel::image).orElse(null);
    if (describable && image != null) {
      return describe(x, (LlmEngine) engine, picture.get(), target);
    }
    StylePreset style = StylePreset.byId(x.ask().style()).orElse(StylePreset.NONE);
    List<StudioEngine.EngineRequest> requests = new ArrayList<>();
    StudioEngine runs = engine;
    if (fromCard && picture.isPresent()) {
      // A described picture's idea only names the file ("Picture: harbour.png"), so the engine is given the card's
      // prompt as the idea instead, as written: its braces and underscores are the prompt's, not choices. The idea
      // recorded stays the file's name, which is what the cards are saved under.
      requests.add(new StudioEngine.EngineRequest(cardPrompt(x), target, style.id(), style.label(), x.ask().count(), x.ask().seed(),
          x.ask().refinement(), x.ask().basePrompt()));
      if (engine instanceof LlmEngine model && image != null) {
        runs = new VisionEngine(model, image, null);
      }
    } else if ("combinatorial".equals(x.ask().mode())) {
      for (String idea : templates.combinations(x.ask().idea(), x.ownerId(), x.ask().count())) {
        requests.add(new StudioEngine.EngineRequest(idea, target, style.id(), style.label(), 1, x.ask().seed(), x.ask().refinement(), x.ask().basePrompt()));
      }
    } else if (templates.isDynamic(x.ask().idea()) && engine.id().equals(ExpansionEngines.BUILTIN)) {
      // Each variation gets its own random pick, repeatable from the seed.
      List<String> ideas = templates.random(x.ask().idea(), x.ownerId(), x.ask().seed(), x.ask().count());
      for (int i = 0; i < ideas.size(); i++) {
        requests.add(new StudioEngine.EngineRequest(ideas.get(i), target, style.id(), style.label(), 1, x.ask().seed() + i, x.ask().refinement(),
            x.ask().basePrompt()));
      }
    } else if (isFill(x)) {
      String idea = templates.random(x.ask().idea(), x.ownerId(), x.ask().seed(), 1).get(0);
      requests.add(new StudioEngine.EngineRequest(idea, target, style.id(), style.label(), x.ask().count(), x.ask().seed(), null, null,
          x.ask().basePrompt().lines().toList()));
    } else {
      String idea = templates.random(x.ask().idea(), x.ownerId(), x.ask().seed(), 1).get(0);
      requests.add(new StudioEngine.EngineRequest(idea, target, style.id(), style.label(), x.ask().count(), x.ask().seed(), x.ask().refinement(),
          x.ask().basePrompt()));
    }
    String system = null;
    if (engine.usesInstructions()) {
      Instructions.Version version = instructions.find(x.engine().instructionVersion(), x.ownerId()).orElse(instructions.defaultVersion());
      system = version.render(Map.of("count", Integer.toString(x.ask().count()), "target", target.label(), "dialect", target.dialect(),
          "max_chars", String.format("%,d", target.maxChars()), "style", style == StylePreset.NONE ? "whatever suits the idea" : style.label()));
    }
    return new ExpansionRunner.Job(x.id(), runs, requests, system, x.ask().savedStyles(), target);
  }

  /** The prompt of the card an expansion was made from, or, should its expansion be gone, the card's text as recorded. */
  private String cardPrompt(Expansion x) {
    int card = x.lineage().sourceCard();
    return expansions.find(x.lineage().sourceId())
        .filter(source -> card < source.outcome().results().size())
        .map(source -> source.outcome().results().get(card).prompt())
        .orElseGet(() -> x.ask().basePrompt().lines().findFirst().orElse(""));
  }

  /**
   * The model call for a described picture: the picture in place of an idea. The file's own prompt, kept with the
   * picture, leads the cards and counts among those asked for; a fill asks for the rest, different from those written.
   */
  private ExpansionRunner.Job describe(Expansion x, LlmEngine engine, DescribedPictures.ForModel picture, Target target) {
    boolean fill = isFill(x);
    Variation fileCard = fill ? null : picture.fileCard();
    int count = x.ask().count() - (fileCard != null ? 1 : 0);
    List<String> written = fill ? x.ask().basePrompt().lines().toList() : List.of();
    StudioEngine.EngineRequest request = new StudioEngine.EngineRequest(DescribeRoutes.IDEA, target, StylePreset.NONE.id(),
        DescribeRoutes.STYLE, count, x.ask().seed(), null, null, written);
    Instructions.Version version = instructions.find(x.engine().instructionVersion(), x.ownerId()).orElse(instructions.defaultVersion());
    return new ExpansionRunner.Job(x.id(), new VisionEngine(engine, picture.image(), fileCard), List.of(request),
        DescribeRoutes.system(version, target, count), List.of(), target);
  }
}
