package dev.visionary.expand;

import dev.visionary.config.Config;
import dev.visionary.expand.builtin.BuiltinExpander;
import dev.visionary.expand.dynamic.IdeaTemplates;
import dev.visionary.identity.UsageLimits;
import dev.visionary.prompt.StyleBook;
import dev.visionary.provider.CallPolicy;
import dev.visionary.expand.llm.LlmSettings;
import dev.visionary.expand.llm.LocalServers;
import dev.visionary.metrics.Metrics;
import dev.visionary.web.Pages;
import dev.visionary.web.SettingsSection;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The expansion feature: its parts built once, its routes, and the engine list the settings page shows. */
public final class Expand implements AutoCloseable {
  private final ExpansionEngines engines;
  private final ExpansionRunner runner;
  private final StudioRoutes studio;
  private final ExpansionRoutes expansionRoutes;
  private final InstructionRoutes instructionRoutes;
  private final WordListRoutes wordListRoutes;
  private final CardComparison cardComparison;
  private final Expansions expansions;
  private final DescribeRoutes describe;
  private final BuiltinExpander builtin = BuiltinExpander.loadedInBackground();

  public Expand(Jdbi jdbi, Pages pages, Config config, UsageLimits limits, Metrics metrics, StyleBook styles) {
    this.expansions = new Expansions(jdbi);
    Instructions instructions = new Instructions(jdbi);
    WordLists wordLists = new WordLists(jdbi);
    IdeaTemplates templates = new IdeaTemplates(wordLists::values);
    this.engines = new ExpansionEngines(builtin, LlmSettings.from(config.providers().variables()), CallPolicy.defaults(),
        new LocalServers(config.local(), Optional.ofNullable(config.providers().variables().get("OLLAMA_MODEL"))));
    this.runner = new ExpansionRunner(expansions, metrics, config.expansion().deadline());
    DescribedPictures pictures = new DescribedPictures(jdbi);
    ExpansionService service = new ExpansionService(expansions, instructions, engines, templates, runner, pictures);
    CardRatings ratings = new CardRatings(jdbi);
    this.studio = new StudioRoutes(pages, service, engines, instructions, templates, limits, styles, ratings, pictures);
    this.describe = new DescribeRoutes(pages, service, pictures, limits, engines, instructions);
    this.expansionRoutes = new ExpansionRoutes(pages, service, limits, ratings);
    this.instructionRoutes = new InstructionRoutes(pages, instructions);
    this.wordListRoutes = new WordListRoutes(pages, wordLists, templates);
    this.cardComparison = new CardComparison(pages, service, ratings);
  }

  /**
   * Begins what the feature reads ahead of the requests that need it, the built-in vocabulary and the first look
   * for model servers on this computer; the app calls it once it listens, so neither slows its start.
   */
  public void prepareInBackground() {
    builtin.loadInBackground();
    engines.lookInBackground();
  }

  public StudioRoutes studioRoutes() {
    return studio;
  }

  public DescribeRoutes describeRoutes() {
    return describe;
  }

  public ExpansionRoutes expansionRoutes() {
    return expansionRoutes;
  }

  public CardComparison cardComparison() {
    return cardComparison;
  }

  public InstructionRoutes instructionRoutes() {
    return instructionRoutes;
  }

  public WordListRoutes wordListRoutes() {
    return wordListRoutes;
  }

  /** Card {@code index} of the person's expansion {@code id}, as the Studio shows it; empty for anyone else's. */
  public Optional<Variation> card(long ownerId, String id, int index) {
    return expansions.findOwned(id, ownerId)
        .filter(x -> index >= 0 && index < x.outcome().results().size())
        .map(x -> x.outcome().results().get(index));
  }

  /** The engines and whether each answers, for the settings page, drawn by this feature's own fragment. */
  public SettingsSection settingsSection() {
    return new SettingsSection("expand/engines", "engines", engines::statuses);
  }

  /** Housekeeping: marks failed the expansions whose instance stopped while they ran; returns how many. */
  public int failAbandonedExpansions() {
    return expansions.failAbandoned(ExpansionService.ABANDONED_AFTER);
  }

  /** Lets background runs finish briefly before the database closes. */
  @Override
  public void close() {
    runner.close();
    engines.close();
  }
}
