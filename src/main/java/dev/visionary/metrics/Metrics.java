package dev.visionary.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The one meter registry of an app instance, with the JVM's own meters bound, and the series Visionary
 * records by name so every feature spells them the same way. Each instance has its own: tests run several
 * in one JVM.
 */
public final class Metrics implements AutoCloseable {
  /** Feature tags of {@link #providerRequest}: the built-in engines of both features share the id "builtin". */
  public static final String IMAGE = "image";
  public static final String EXPANSION = "expansion";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** The registry alone; {@link #bindJvmMeters} adds the JVM's meters. */
  public Metrics() {}

  /**
   * The JVM's own meters (memory, GC, threads, CPU). Separate from the constructor so the app can set its
   * database starting, which needs the registry, before spending start-up time on these.
   */
  public void bindJvmMeters() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /** For parts that register their own meters (the connection pool, gauges over the database). */
  public MeterRegistry registry() {
    return registry;
  }

  /** One HTTP request; {@code route} is the route template, never the raw path, so ids do not become series. */
  public void httpRequest(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .tag("method", method)
        .tag("uri", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * One call to an image or expansion engine: {@code outcome} is "success", why it failed in the failure
   * kinds the feature already uses, or "error" for an unexpected exception.
   */
  public void providerRequest(String feature, String engine, String outcome, long nanos) {
    Timer.builder("visionary.provider.requests")
        .description("Calls to image and expansion engines, by outcome")
        .tag("feature", feature)
        .tag("engine", engine)
        .tag("outcome", outcome)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Everything in the Prometheus text format, version 0.0.4. */
  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    // The GC binder listens to JVM-wide notifications; left open it would outlive a stopped instance.
    gc.close();
    registry.close();
  }
}
