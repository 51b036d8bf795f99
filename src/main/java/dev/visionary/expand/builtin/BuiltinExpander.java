package dev.visionary.expand.builtin;

import dev.visionary.config.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The offline engine: expands an idea from a curated vocabulary, with no network and no model. Deterministic:
 * the same request and seed always give the same prompts. Fast enough to run on every keystroke.
 */
public final class BuiltinExpander implements Expander {
  public static final String ID = "builtin";

  private final CompletableFuture<Parts> parts;
  /** Set once reading the vocabulary has begun, so it is read once whoever asks first. */
  private final AtomicBoolean loading;

  private record Parts(Vocabulary vocabulary, ScenePlanner planner) {
    static Parts of(Vocabulary vocabulary) {
      return new Parts(vocabulary, new ScenePlanner(vocabulary));
    }
  }

  public BuiltinExpander() {
    this(Vocabulary.standard());
  }

  BuiltinExpander(Vocabulary vocabulary) {
    this.parts = CompletableFuture.completedFuture(Parts.of(vocabulary));
    this.loading = new AtomicBoolean(true);
  }

  private BuiltinExpander(CompletableFuture<Parts> parts) {
    this.parts = parts;
    this.loading = new AtomicBoolean(false);
  }

  /**
   * An engine whose vocabulary is read on a thread of its own, for the server's start: reading it is a good part
   * of building the app, and the first request (a health check, a page) rarely expands anything. It begins with
   * {@link #loadInBackground}, which the app calls a moment after it listens so the reading does not compete with
   * the start, or with the first expansion, which waits for it.
   */
  public static BuiltinExpander loadedInBackground() {
    return new BuiltinExpander(new CompletableFuture<>());
  }

  /** Starts reading the vocabulary on a thread of its own, unless that has begun already. */
  public void loadInBackground() {
    if (!loading.compareAndSet(false, true)) {
      return;
    }
    Thread loader = new Thread(() -> {
      try {
        parts.complete(Parts.of(Vocabulary.standard()));
      } catch (Throwable e) {
        parts.completeExceptionally(e);
      }
    }, "builtin-vocabulary");
    loader.setDaemon(true);
    loader.start();
  }

  /** The vocabulary and planner, waiting for them while they are still being read. */
  private Parts parts() {
    loadInBackground();
    // The load's own error, as the synchronous constructor would have thrown it.
    return Futures.join(parts);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "Built-in (offline)";
  }

  @Override
  public List<ExpansionResult> expand(ExpansionRequest request) {
    Parts parts = parts();
    Vocabulary vocabulary = parts.vocabulary();
    ScenePlanner planner = parts.planner();
    Dialect dialect = switch (request.target()) {
      case STABLE_DIFFUSION -> new StableDiffusionDialect(vocabulary);
      case MIDJOURNEY -> new MidjourneyDialect(vocabulary);
      case DALLE, GPT_IMAGE, RUNWAY, GENERIC -> new NaturalDialect(request.target());
    };
    // A card's negative prompt comes along when it is refined; a fresh expansion writes its own.
    ExpansionRequest planned = request.basePrompt() == null ? request
        : request.refined(CardEdit.NEGATIVE_LINE.matcher(request.basePrompt()).replaceFirst(""), request.refinement());
    Refinement refinement = request.basePrompt() == null ? Refinement.NONE : Refinement.parse(request.refinement(), vocabulary);
    Glossary.Reading foreign = vocabulary.glossary.read(request.idea());
    List<ExpansionResult> results = refinement.isEmpty() ? planner.plan(planned).stream().map(plan -> rendered(plan, dialect)).toList()
        : refined(request, planned, refinement, dialect, vocabulary, planner);
    // The person should know the engine answers in English and what it understood their words as.
    return foreign == null ? results : results.stream().map(r -> r.noted(vocabulary.glossary.noteFor(foreign))).toList();
  }

  /** The plan written in the dialect, labelled with what it explores when the prompt still says it. */
  private static ExpansionResult rendered(ScenePlan plan, Dialect dialect) {
    ExpansionResult result = dialect.render(plan);
    String explores = plan.explores();
    if (explores == null) {
      return result;
    }
    String value = explores.substring(explores.indexOf(" — ") + 3).toLowerCase(java.util.Locale.ROOT);
    return result.prompt().toLowerCase(java.util.Locale.ROOT).contains(value) ? result.exploring(explores) : result;
  }

  private static List<ExpansionResult> refined(ExpansionRequest request, ExpansionRequest planned, Refinement refinement, Dialect dialect,
      Vocabulary vocabulary, ScenePlanner planner) {
    // Refine edits the card itself, in place; further variations, if any were asked for, are fresh expansions.
    List<ExpansionResult> results = new ArrayList<>(request.count());
    results.add(CardEdit.apply(request, refinement, vocabulary,
        () -> dialect.render(planner.plan(ExpansionRequest.of(request.idea(), request.target(), request.style(), 1, request.seed())).get(0))));
    if (request.count() > 1) {
      planner.plan(planned).stream().skip(1).map(plan -> rendered(plan, dialect)).forEach(results::add);
    }
    return List.copyOf(results);
  }
}
