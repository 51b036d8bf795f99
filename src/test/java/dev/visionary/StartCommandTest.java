package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Procfile's start command (the README's too) on the JDK that runs the tests: it must start the app on
 * JDK 17, which does not know the AOT options, on JDK 25 without a cache, and on JDK 25 with the cache a
 * package build made, which it must then actually use.
 */
class StartCommandTest {
  private static final Duration START = Duration.ofSeconds(90);
  private static final String JAR = "target/visionary.jar";
  private static final String CACHE = "target/visionary.aot";

  @TempDir
  Path dataDir;

  @Test
  void theProcfileOptionsStartTheAppWhereThereIsNoCache() throws IOException {
    // A path with no file: JDK 17 and 21 ignore the option, JDK 25 logs that it cannot map the file.
    List<String> options = procfileOptions().stream()
        .map(o -> o.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=" + dataDir.resolve("no.aot") : o)
        .toList();
    assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:AOTCache=")), "the Procfile starts with the AOT cache: " + options);
    try (AppProcess app = AppProcess.start(options, Map.of("DATA_DIR", dataDir.toString(), "PORT", "0"))) {
      assertServes(app);
    }
  }

  @Test
  void theProcfileCommandUsesTheCacheAJdk25BuildMade() throws IOException {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches are made and used from JDK 25 on");
    assumeTrue(Files.exists(Path.of(CACHE)) && Files.exists(Path.of(JAR)),
        "no " + CACHE + " to try: `./mvnw -DskipTests package` on JDK 25+ makes one");
    List<String> options = new ArrayList<>(procfileOptions());
    options.add("-Xlog:aot"); // says whether the JVM mapped the cache
    try (AppProcess app = AppProcess.startJar(options, JAR, Map.of("DATA_DIR", dataDir.toString(), "PORT", "0"))) {
      assertServes(app);
      assertTrue(app.output().stream().anyMatch(l -> l.contains("Using AOT-linked classes: true")),
          "the JVM used the cache:\n" + String.join("\n", app.output()));
    }
  }

  private static void assertServes(AppProcess app) {
    Http http = new Http("http://localhost:" + app.awaitPort(START));
    assertEquals(200, http.get("/health").statusCode());
    assertEquals(200, http.get("/").statusCode());
  }

  /** The JVM options of the Procfile's web process: the words between {@code java} and {@code -jar target/visionary.jar}. */
  private static List<String> procfileOptions() throws IOException {
    String web = Files.readAllLines(Path.of("Procfile")).stream().filter(l -> l.startsWith("web:")).findFirst().orElseThrow();
    List<String> words = List.of(web.substring("web:".length()).trim().split("\\s+"));
    int jar = words.indexOf("-jar");
    assertEquals("java", words.get(0), web);
    assertEquals(JAR, words.get(jar + 1), web);
    return words.subList(1, jar);
  }
}
