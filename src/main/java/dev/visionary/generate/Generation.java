package dev.visionary.generate;

import dev.visionary.config.Config;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.visionary.identity.UsageLimits;
import dev.visionary.metrics.Metrics;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Urls;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The image generation feature: engines, durable jobs, image storage and their pages. */
public final class Generation implements AutoCloseable {
  private final JobScheduler scheduler;
  private final JobRunner runner;
  private final Jdbi jdbi;
  private final GenerateRoutes routes;
  private final ImageRoutes imageRoutes;
  private final ImageComparison imageComparison;
  private final QuickGenerate quickGenerate;
  private final GridRoutes gridRoutes;

  public Generation(Config config, Jdbi jdbi, DataSource dataSource, Pages pages, UsageLimits limits, ImageEngines engines,
      ImageStore store, PromptLinks prompts, CardTexts cards, Metrics metrics) {
    Jobs jobs = new Jobs(jdbi);
    Config.Jobs settings = config.jobs();
    this.jdbi = jdbi;
    this.runner = new JobRunner(jdbi, jobs, engines, store, settings.retryBase(), prompts, metrics);
    QueueDepth.register(jdbi, metrics.registry());
    this.scheduler = new JobScheduler(dataSource, runner, jobs, settings.threads(), settings.heartbeat());
    this.quickGenerate = new QuickGenerate(engines);
    this.routes = new GenerateRoutes(pages, jobs, engines, store, scheduler, runner, limits, prompts, cards, quickGenerate);
    Grids grids = new Grids(jdbi);
    this.gridRoutes = new GridRoutes(pages, grids, jobs, engines, store, scheduler, runner, limits, prompts);
    this.imageRoutes = new ImageRoutes(pages, store, prompts, grids);
    this.imageComparison = new ImageComparison(pages, store, jobs, engines, prompts, grids);
  }

  /**
   * Starts running queued jobs, and the app's {@code recurring} tasks on the same scheduler; call once the
   * database is migrated (building the feature does not touch it).
   */
  public void startJobs(List<RecurringTask<?>> recurring) {
    scheduler.start(recurring);
  }

  public GenerateRoutes generateRoutes() {
    return routes;
  }

  /** Builds the Generate control that other features' pages show beside a prompt. */
  public QuickGenerate quickGenerate() {
    return quickGenerate;
  }

  public GridRoutes gridRoutes() {
    return gridRoutes;
  }

  /** What a view of an image reads besides the session (its access and validator), for the session's lookup to carry. */
  public Optional<PageReads.Wanted<?>> pageRead(String path) {
    return path.equals(Urls.GENERATE) ? Optional.of(new PageReads.Wanted<>(GenerateRoutes.RECENT_STATE, null)) : ImageRoutes.pageRead(path);
  }

  public ImageRoutes imageRoutes() {
    return imageRoutes;
  }

  public ImageComparison imageComparison() {
    return imageComparison;
  }

  /** Housekeeping: queued jobs that have no scheduled execution get one; returns how many. */
  public int scheduleOrphanedJobs() {
    return scheduler.scheduleOrphans(jdbi);
  }

  @Override
  public void close() {
    scheduler.stop();
    runner.close();
  }
}
