package dev.visionary.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by Visionary itself, with its data kept under DATA_DIR so a laptop install
 * needs nothing else. Durability is switched back on: the library's defaults are tuned for tests.
 */
final class EmbeddedDatabase {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /**
   * The binaries archive the build bundles ({@code postgres-linux-x86_64.txz} from the linux-amd64 artifact),
   * looked up by name. zonky's default resolver first probes for a distribution-specific archive by running a
   * shell script (and, as root, {@code unshare}) on every start; that probe cost a warm start about 150 ms.
   * Other platforms fall back to it. One instance, because zonky remembers unpacked binaries per resolver.
   */
  private static final PgBinaryResolver BUNDLED_BINARIES = (system, machineHardware) -> {
    String name = "/postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machineHardware + ".txz";
    InputStream archive = EmbeddedDatabase.class.getResourceAsStream(name);
    return archive != null ? archive : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
  };

  private EmbeddedDatabase() {}

  static EmbeddedPostgres start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("pgdata");
    Files.createDirectories(pgData);
    boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
    clearStalePostmaster(pgData);
    log.info("Starting embedded PostgreSQL ({} data directory {})", existing ? "existing" : "new", pgData);
    return EmbeddedPostgres.builder()
        .setPgBinaryResolver(BUNDLED_BINARIES)
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setPGStartupWait(Duration.ofSeconds(60))
        // App closes the database after the web server has drained, so requests in flight finish.
        .setRegisterShutdownHook(false)
        .start();
  }

  /**
   * A JVM killed with -9 leaves its postmaster running (or just its pid file), and the next
   * start would fail with "lock file postmaster.pid already exists". Stop that server first.
   */
  static void clearStalePostmaster(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
      log.warn("Stopping PostgreSQL left running by an earlier process (pid {})", process.get().pid());
      process.get().destroy(); // SIGTERM: "smart" shutdown, lets it write a checkpoint
      waitForExit(process.get(), Duration.ofSeconds(20));
      if (process.get().isAlive()) {
        process.get().destroyForcibly();
        waitForExit(process.get(), Duration.ofSeconds(5));
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  private static void waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // still alive after the timeout: the caller escalates
    }
  }
}
