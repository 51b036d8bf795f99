package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import dev.visionary.support.Procfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On JDK 25+, the Procfile's command (the README's too) with the AOT cache a package build made: the app
 * starts, serves, and the JVM actually used the cache. LifecycleIT starts the app with the same options and
 * no cache file on whichever JDK runs the tests.
 */
class AotCacheIT {
  private static final String CACHE = "target/visionary.aot";

  @TempDir
  Path dataDir;

  @Test
  void theProcfileCommandStartsTheJarWithTheCacheAJdk25BuildMade() {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches are made and used from JDK 25 on");
    assumeTrue(Files.exists(Path.of(CACHE)) && Files.exists(Path.of(Procfile.JAR)),
        "no " + CACHE + " to try: `./mvnw -DskipTests package` on JDK 25+ makes one");
    List<String> options = new ArrayList<>(Procfile.jvmOptionsWithCache(Path.of(CACHE)));
    options.add("-Xlog:aot"); // says whether the JVM mapped the cache
    try (AppProcess app = AppProcess.startJar(options, Procfile.JAR, Map.of("DATA_DIR", dataDir.toString(), "PORT", "0"))) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      assertEquals(200, http.get("/health").statusCode());
      assertEquals(200, http.get("/").statusCode());
      assertTrue(app.output().stream().anyMatch(l -> l.contains("Using AOT-linked classes: true")),
          "the JVM used the cache:\n" + String.join("\n", app.output()));
    }
  }

  /**
   * Loaded from the cache, the app's classes name the jar as the build's training run gave it, relative to the
   * project; started from elsewhere, a new data directory then ran initdb and every migration instead of copying
   * the build's migrated template, which took a cold start from about 1 s to 8 s.
   */
  @Test
  void startedFromAnotherDirectoryANewDataDirectoryIsStillCopiedFromTheBuildsTemplate(@TempDir Path elsewhere) {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches are made and used from JDK 25 on");
    assumeTrue(Files.exists(Path.of(CACHE)) && Files.exists(Path.of(Procfile.JAR)) && Files.isDirectory(Path.of("target/visionary-pgdata")),
        "no " + CACHE + " and data template to try: `./mvnw -DskipTests package` on JDK 25+ makes them");
    Path project = Path.of("").toAbsolutePath();
    List<String> options = Procfile.jvmOptionsWithCache(project.resolve(CACHE));
    try (AppProcess app = AppProcess.startJar(options, project.resolve(Procfile.JAR).toString(),
        Map.of("DATA_DIR", dataDir.toString(), "PORT", "0"), elsewhere)) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      assertEquals(200, http.get("/health").statusCode());
      assertTrue(app.output().stream().anyMatch(l -> l.contains("new, from the build's template")),
          "a copy of the template, not initdb:\n" + String.join("\n", app.output()));
    }
  }
}
