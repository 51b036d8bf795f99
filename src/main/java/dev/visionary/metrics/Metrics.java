package dev.visionary.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
  private final CompletableFuture<Void> jvmMeters = new CompletableFuture<>();
  /** Set when binding the JVM's meters begins (or the registry closes first), so they are bound at most once. */
  private final AtomicBoolean binding = new AtomicBoolean();
  private final Map<RequestSeries, Timer> requestTimers = new ConcurrentHashMap<>();

  /** The registry alone; {@link #bindJvmMeters} adds the JVM's meters. */
  public Metrics() {}

  /**
   * Starts binding the JVM's own meters (memory, GC, threads, CPU) on a thread of its own and returns at once:
   * binding them is a noticeable part of a start, and no request but a scrape needs them, which begins the
   * binding itself if it has not begun and waits for it. Separate from the constructor so the app binds them
   * after its start, when they no longer compete with it.
   */
  public void bindJvmMeters() {
    if (!binding.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        jvmMeters.complete(null);
      } catch (Throwable e) {
        jvmMeters.completeExceptionally(e);
      }
    }, "jvm-meters");
    thread.setDaemon(true);
    thread.start();
  }

  /** For parts that register their own meters (the connection pool, gauges over the database). */
  public MeterRegistry registry() {
    return registry;
  }

  /** One HTTP request; {@code route} is the route template, never the raw path, so ids do not become series. */
  public void httpRequest(String method, String route, int status, long nanos) {
    // Found once per series: building the tags and looking the meter up in the registry cost more than recording.
    requestTimers.computeIfAbsent(new RequestSeries(method, route, status), series -> Timer.builder("http.server.requests")
            .tag("method", series.method())
            .tag("uri", series.route())
            .tag("status", Integer.toString(series.status()))
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Routes are templates, methods the standard ones or OTHER (WebServer), statuses few: a few hundred series at most. */
  private record RequestSeries(String method, String route, int status) {}

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
    bindJvmMeters();
    jvmMeters.join();
    return registry.scrape();
  }

  @Override
  public void close() {
    // A binding still under way would otherwise add the GC listeners after they are removed; none begins after this.
    if (!binding.compareAndSet(false, true)) {
      jvmMeters.exceptionally(e -> null).join();
    }
    // The GC binder listens to JVM-wide notifications; left open it would outlive a stopped instance.
    gc.close();
    registry.close();
  }
}
