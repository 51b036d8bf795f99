package dev.visionary.generate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code visionary_jobs{status}}: queued and running jobs across every instance, read from the
 * database at most once per {@link #MAX_AGE_NANOS} so frequent scrapes cost one small query.
 */
final class QueueDepth {
  private static final Logger log = LoggerFactory.getLogger(QueueDepth.class);
  private static final long MAX_AGE_NANOS = 5_000_000_000L;

  private final Jdbi jdbi;
  private Map<String, Long> counts = Map.of();
  private long readAt;
  private boolean read;

  private QueueDepth(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void register(Jdbi jdbi, MeterRegistry registry) {
    QueueDepth depth = new QueueDepth(jdbi);
    for (String status : new String[] {"queued", "running"}) {
      Gauge.builder("visionary.jobs", depth, d -> d.count(status))
          .description("Generation jobs waiting or running, on all instances")
          .tag("status", status)
          // Nothing else holds the counter; a gauge's default weak reference would let it be collected.
          .strongReference(true)
          .register(registry);
    }
  }

  private synchronized double count(String status) {
    long now = System.nanoTime();
    if (!read || now - readAt > MAX_AGE_NANOS) {
      try {
        counts = jdbi.withHandle(h -> h.createQuery(
                "select status, count(*) as n from generation_jobs where status in ('queued', 'running') group by status")
            .map((rs, c) -> Map.entry(rs.getString("status"), rs.getLong("n")))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
      } catch (RuntimeException e) {
        // The database is away: say so with NaN rather than a stale or zero count.
        log.debug("Job counts unavailable: {}", e.toString());
        counts = null;
      }
      readAt = now;
      read = true;
    }
    return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
  }
}
