package dev.visionary;

import dev.visionary.account.Accounts;
import dev.visionary.config.Config;
import dev.visionary.config.StartTimes;
import dev.visionary.db.DataDirectoryInUse;
import dev.visionary.db.Database;
import dev.visionary.expand.Expand;
import dev.visionary.generate.EngineCatalog;
import dev.visionary.generate.Generation;
import dev.visionary.generate.ImageStore;
import dev.visionary.generate.PromptLinks;
import dev.visionary.identity.RateLimiter;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.library.Library;
import dev.visionary.library.SavedStyles;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.StyleBook;
import dev.visionary.library.PromptCaps;
import dev.visionary.library.PromptGallery;
import dev.visionary.metrics.Metrics;
import dev.visionary.metrics.MetricsRoutes;
import dev.visionary.seed.Seed;
import dev.visionary.training.TrainingRun;
import dev.visionary.web.ErrorPages;
import dev.visionary.web.HealthRoutes;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.TrustedProxies;
import dev.visionary.web.Urls;
import dev.visionary.web.Views;
import dev.visionary.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires Visionary together: configuration, then the database, then the features, then the web server. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Database database;
  private final WebServer server;
  private final Expand expand;
  private final Generation generation;
  private final Metrics metrics;
  /** Runs {@link #prepareAfterStart} once, then ends. */
  private final ScheduledExecutorService afterStart;

  /**
   * How long after the app listens it begins what no request needs at once (the JVM's meters, the built-in
   * vocabulary, the first look for model servers on this computer). Begun as it listened, that work slowed its
   * first answers, a load balancer's health check or the first page, by competing for the processor. A request
   * that needs any of it sooner begins it itself.
   */
  private static final Duration PREPARE_AFTER = Duration.ofSeconds(1);

  private App(Database database, WebServer server, Expand expand, Generation generation, Metrics metrics,
      ScheduledExecutorService afterStart) {
    this.metrics = metrics;
    this.afterStart = afterStart;
    this.database = database;
    this.server = server;
    this.expand = expand;
    this.generation = generation;
  }

  public static App start(Config config) {
    return start(config, List.of());
  }

  /**
   * Starts with additional routes; tests use it to exercise the error pages with a failing handler.
   *
   * <p>The database comes up (PostgreSQL, pool, migrations) on a thread of its own while this one builds the
   * features and the web server, which only take connections once it is migrated; the server starts
   * listening after that, so nothing, {@code /health} included, answers before the schema is current.
   * (Listening earlier and answering 503 meanwhile cost more than it saved: a health check polling a cold
   * JVM every few milliseconds slowed the start it was waiting for.)
   */
  public static App start(Config config, List<Consumer<RoutesConfig>> extraRoutes) {
    return start(config, extraRoutes, StartTimes.sinceNow());
  }

  private static App start(Config config, List<Consumer<RoutesConfig>> extraRoutes, StartTimes times) {
    long started = System.nanoTime();
    // Checked before anything starts, so a wrong value stops start-up with its own one-line message.
    TrustedProxies proxies = TrustedProxies.fromConfig(config);
    Metrics metrics = new Metrics();
    Database database = Database.open(config, metrics.registry(), times);
    Generation generation = null;
    Expand expand = null;
    try {
      Pages pages = new Pages(new Views(), metrics.registry());
      times.mark("views");
      // One table of counters for sign-in throttling and the per-person limits of the features.
      RateLimiter limiter = new RateLimiter(database.jdbi());
      UsageLimits limits = new UsageLimits(limiter, config);
      SavedStyles styles = new SavedStyles(database.jdbi());
      expand = new Expand(database.jdbi(), pages, config, limits, metrics, styles);
      // Filled below, once the features whose pages read something besides the session are built.
      PageReads reads = new PageReads();
      Accounts accounts = new Accounts(database.jdbi(), database.directRead(), pages, config, limiter, List.of(expand.settingsSection()), reads);
      ImageStore images = new ImageStore(database.jdbi(), config.storage().objects());
      Library library = new Library(database.jdbi(), pages, PromptCaps.from(config.limits()), (promptId, ownerId) -> images.forPrompt(promptId, ownerId, 48).stream()
          .map(i -> new PromptGallery.GalleryImage(i.url(), i.thumbnailUrl(), i.width(), i.height(), i.rating(), Urls.imageRating(i.id())))
          .toList());
      Expand cards = expand;
      generation = new Generation(config, database.jdbi(), database.dataSource(), pages, limits,
          EngineCatalog.fromConfig(config), images, promptLinks(library, styles),
          (ownerId, expansionId, index) -> cards.card(ownerId, expansionId, index)
              .map(v -> new PromptLinks.PromptText(v.prompt(), v.negative())), metrics);
      reads.add(library::pageRead);
      reads.add(generation::pageRead);
      times.mark("features");
      Routes.Handlers handlers = new Routes.Handlers(accounts, library, expand, generation, new HealthRoutes(database),
          new MetricsRoutes(metrics, config));
      List<Consumer<RoutesConfig>> features = new ArrayList<>();
      features.add(routes -> Routes.register(routes, handlers));
      features.addAll(extraRoutes);
      WebServer server = new WebServer(config.port(), new ErrorPages(pages), proxies, metrics, features);
      server.prepare();
      long builtAt = System.nanoTime();
      times.mark("app built");
      database.awaitReady();
      long readyAt = System.nanoTime();
      // Before listening, though no request needs them: once the app answers, a SIGTERM must find it
      // started (main registers the shutdown hook when this returns).
      generation.startJobs(List.of(housekeeping(accounts, library, expand, generation, images).task()));
      times.mark("jobs started");
      server.start();
      times.mark("listening");
      log.info("Start-up, in ms from {}: {}", times.origin(), times);
      log.info("Visionary is listening on http://localhost:{}/ (started in {} ms: app built in {} ms, database migrated in {} ms)",
          server.port(), (System.nanoTime() - started) / 1_000_000, (builtAt - started) / 1_000_000, (readyAt - started) / 1_000_000);
      return new App(database, server, expand, generation, metrics, prepareAfterStart(metrics, expand));
    } catch (RuntimeException e) {
      if (expand != null) {
        expand.close();
      }
      if (generation != null) {
        generation.close();
      }
      database.close();
      metrics.close();
      throw e;
    }
  }

  private static ScheduledExecutorService prepareAfterStart(Metrics metrics, Expand expand) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "prepare-after-start");
      thread.setDaemon(true);
      return thread;
    });
    executor.schedule(() -> {
      metrics.bindJvmMeters();
      expand.prepareInBackground();
    }, PREPARE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    executor.shutdown(); // the task above still runs when due; nothing else will
    return executor;
  }

  private static Housekeeping housekeeping(Accounts accounts, Library library, Expand expand, Generation generation, ImageStore images) {
    return new Housekeeping(List.of(
        new Housekeeping.Chore("queued jobs without an execution scheduled", generation::scheduleOrphanedJobs),
        new Housekeeping.Chore("expired trash purged", library::purgeExpiredTrash),
        new Housekeeping.Chore("abandoned expansions marked failed", expand::failAbandonedExpansions),
        new Housekeeping.Chore("expired limiter rows purged", accounts::purgeExpiredLimits),
        new Housekeeping.Chore("expired sessions purged", accounts::purgeExpiredSessions),
        new Housekeeping.Chore("released image objects deleted from storage", images::sweepReleasedObjects)));
  }

  /** What generation needs to know of saved prompts, answered by the library. */
  private static PromptLinks promptLinks(Library library, StyleBook styles) {
    return new PromptLinks() {
      @Override
      public List<SavedStyle> styles(long ownerId) {
        return styles.of(ownerId);
      }

      @Override
      public Optional<PromptText> read(Optional<User> viewer, String promptId) {
        return library.readable(viewer, promptId).map(p -> new PromptText(p.text(), p.negative()));
      }

      @Override
      public boolean owns(User user, String promptId) {
        return library.owns(user, promptId);
      }

      @Override
      public void used(String promptId) {
        library.recordUse(promptId);
      }

      @Override
      public void imagesAdded(String promptId, List<String> imageIds) {
        imageIds.forEach(id -> library.recordImage(promptId, id));
      }
    };
  }

  public int port() {
    return server.port();
  }

  /** Every route the web server registered ({@code GET /p/{id}/{slug}}, …). */
  public List<String> routes() {
    return server.routes();
  }

  /** The access each route declared in the route table, by {@code METHOD /path}. */
  public Map<String, Set<RouteRole>> routeAccess() {
    return server.routeAccess();
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    afterStart.shutdownNow();
    try {
      // A preparation under way finishes before the parts it uses close; one not yet begun never begins.
      afterStart.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stopGracefully(Duration.ofSeconds(10));
    expand.close();
    generation.close();
    database.close();
    metrics.close();
    log.info("Visionary stopped");
  }

  public static void main(String[] args) {
    StartTimes times = StartTimes.sinceProcessStart();
    times.mark("main");
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && args[0].equals("training-run")) {
      // Builds the JDK's AOT cache (see pom.xml); it configures its own app and ignores the environment.
      System.exit(TrainingRun.main(System.out, config -> {
        App app = start(config);
        return new TrainingRun.Started(app.port(), app::close);
      }));
      return;
    }
    if (args.length == 2 && args[0].equals("data-template")) {
      // Run by the build (see pom.xml): the migrated cluster a new embedded data directory starts from.
      try {
        Database.makeDataTemplate(java.nio.file.Path.of(args[1]));
      } catch (java.io.IOException | RuntimeException e) {
        // Not fatal to the build: without a template a new data directory runs initdb, as it always could.
        log.warn("No data template made; new data directories will run initdb", e);
      }
      System.exit(0);
      return;
    }
    Config config;
    try {
      config = Config.fromEnvironment();
    } catch (Config.Invalid e) {
      failStart(e.getMessage());
      return;
    }
    if (args.length > 0 && args[0].equals("seed")) {
      // A one-off command: fills the configured database and exits without starting the web server.
      System.exit(Seed.main(config, List.of(args).subList(1, args.length), System.out));
      return;
    }
    App app;
    try {
      app = start(config, List.of(), times);
    } catch (Config.Invalid | DataDirectoryInUse e) {
      failStart(e.getMessage());
      return;
    } catch (RuntimeException e) {
      log.error("Visionary could not start", e);
      failStart("could not start: " + rootMessage(e));
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
  }

  private static void failStart(String message) {
    // One clear line for the person starting the app; logging may not be set up as they expect.
    System.err.println("visionary: " + message);
    System.exit(2);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }
}
