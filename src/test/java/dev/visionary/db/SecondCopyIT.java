package dev.visionary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.AppProcess;
import dev.visionary.support.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two copies started on one DATA_DIR: the second refuses in one line, and the first never notices. */
class SecondCopyIT {
  @TempDir
  Path dataDir;

  @Test
  void aSecondCopyOnTheSameDataDirectoryRefusesAndTheFirstKeepsAnswering() {
    Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "PORT", "0");
    try (AppProcess first = AppProcess.start(env)) {
      Http http = new Http("http://localhost:" + first.awaitPort(Duration.ofSeconds(90)));
      assertEquals(200, http.get("/health").statusCode());
      long firstPid = first.pid();

      try (AppProcess second = AppProcess.start(env)) {
        assertEquals(2, second.awaitExit(Duration.ofSeconds(60)), String.join("\n", second.output()));
        List<String> refusal = second.output().stream().filter(l -> l.startsWith("visionary: ")).toList();
        assertEquals(List.of("visionary: already running with this data directory: pid " + firstPid + " (" + dataDir + ")"),
            refusal, String.join("\n", second.output()));
        assertTrue(second.output().stream().noneMatch(l -> l.contains("Stopping PostgreSQL") || l.contains("\tat ")),
            "nothing of the first copy's database was touched, and no stack trace: " + String.join("\n", second.output()));
      }

      for (int i = 0; i < 3; i++) {
        assertEquals(200, http.get("/health").statusCode(), "the first copy keeps its database");
        assertEquals(200, http.get("/").statusCode());
      }
    }
  }
}
