package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generating with the built-in engine over real HTTP: queue, follow, fetch, and who may see what. */
class GenerationHttpTest {
  private final Http http = Http.toTestServer();

  @Test
  void twoBuiltinImagesAreGeneratedStampedWithTheirParametersAndServedWithCaching() throws Exception {
    Accounts.signedIn(http, "painter");
    String job = Jobs.submit(http, "prompt", "a beach sunset, palm trees", "negative", "blurry, text", "engine", "builtin",
        "size", "512x512", "count", "2", "seed", "1234");
    String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("data-status=\"succeeded\""), card);
    List<String> images = Jobs.imageIds(card);
    assertEquals(2, images.size());

    HttpResponse<byte[]> png = http.getBytes("/images/" + images.get(0));
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
    Infotext info = Infotext.parse(PngMetadata.readParameters(png.body()).orElseThrow());
    assertEquals("a beach sunset, palm trees", info.prompt());
    assertEquals("blurry, text", info.negativePrompt());
    assertEquals(1234L, info.seed().orElseThrow());
    assertEquals(512, info.width().orElseThrow());
    assertEquals(512, info.height().orElseThrow());
    assertEquals("builtin", info.parameter("Engine").orElseThrow());
    assertEquals("sketch", info.parameter("Model").orElseThrow());

    String etag = png.headers().firstValue("ETag").orElseThrow();
    assertTrue(png.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    HttpResponse<byte[]> again = http.getBytes("/images/" + images.get(0), "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);

    HttpResponse<byte[]> thumb = http.getBytes("/images/" + images.get(0) + "/thumb");
    assertEquals(200, thumb.statusCode());
    assertTrue(thumb.body().length < png.body().length);
    HttpResponse<byte[]> second = http.getBytes("/images/" + images.get(1));
    assertFalse(java.util.Arrays.equals(png.body(), second.body()), "two different images");

    HttpResponse<byte[]> download = http.getBytes("/images/" + images.get(0) + "?download=1");
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertArrayEquals(png.body(), download.body());
  }

  @Test
  void theBuiltinEnginePaintsAtTheLowestCpuPrioritySoPagesGoFirst() throws Exception {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux shows each thread's niceness");
    Accounts.signedIn(http, "patient");
    String job = Jobs.submit(http, "prompt", "a lighthouse at dusk", "size", "512x512");
    assertTrue(Jobs.awaitFinished(http, job, Duration.ofSeconds(60)).contains("data-status=\"succeeded\""));
    assertEquals(200, http.get("/generate").statusCode());
    // Each thread of this process as Linux schedules it: its name (cut to 15 characters) and its niceness.
    Map<String, List<Integer>> niceByName = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException gone) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        niceByName.computeIfAbsent(name, k -> new ArrayList<>()).add(Integer.parseInt(fields[16]));
      }
    }
    List<Integer> painters = niceOf(niceByName, "visionary-paint");
    assertFalse(painters.isEmpty(), "the picture was painted on a painter: " + niceByName);
    assertTrue(painters.stream().allMatch(n -> n == Painters.NICE), "every painter is niced: " + niceByName);
    // The job's own thread holds a connection and row locks while it stores the images: it keeps its priority.
    List<Integer> jobThreads = niceOf(niceByName, "db-scheduler");
    assertFalse(jobThreads.isEmpty(), "job threads: " + niceByName);
    assertTrue(jobThreads.stream().allMatch(n -> n == 0), "job threads keep their priority: " + niceByName);
    // Requests run on virtual threads, carried by a ForkJoinPool's workers, which keep theirs too.
    List<Integer> carriers = niceOf(niceByName, "ForkJoinPool");
    assertFalse(carriers.isEmpty(), "request carriers: " + niceByName);
    assertTrue(carriers.stream().allMatch(n -> n == 0), "request carriers keep their priority: " + niceByName);
  }

  private static List<Integer> niceOf(Map<String, List<Integer>> niceByName, String prefix) {
    return niceByName.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).flatMap(e -> e.getValue().stream()).toList();
  }

  @Test
  void otherPeopleAndAnonymousVisitorsGet404ForPrivateJobsAndImages() {
    Accounts.signedIn(http, "owner");
    String job = Jobs.submit(http, "prompt", "a city at night", "size", "512x512");
    List<String> images = Jobs.imageIds(Jobs.awaitFinished(http, job, Duration.ofSeconds(60)));
    assertEquals(1, images.size());

    Http other = new Http(http.base());
    Accounts.signedIn(other, "other");
    assertEquals(404, other.get("/jobs/" + job).statusCode());
    assertEquals(404, other.getBytes("/images/" + images.get(0)).statusCode());
    assertEquals(404, other.getBytes("/images/" + images.get(0) + "/thumb").statusCode());
    assertEquals(404, new Http(http.base()).getBytes("/images/" + images.get(0)).statusCode());
    assertEquals(404, other.postForm("/jobs/" + job + "/cancel", Http.form("_csrf", Accounts.csrf(other, "/generate"))).statusCode());
  }

  @Test
  void invalidRequestsAreRefusedWithAMessageBeforeAnythingIsQueued() {
    Accounts.signedIn(http, "careful");
    String csrf = Accounts.csrf(http, "/generate");
    String[][] cases = {
        {"prompt", "", "Write or paste a prompt"},
        {"count", "9", "Choose 1 to 4 images"},
        {"size", "999x999", "is not one of them"},
        {"engine", "dall-e-9000", "Choose one of the image engines"},
        {"seed", "-5", "seed must be a whole number"},
        {"prompt", "x".repeat(40_000), "too long"},
    };
    for (String[] c : cases) {
      var form = Http.form("_csrf", csrf, "prompt", "a quiet lake", "engine", "builtin", "size", "512x512", "count", "1");
      form.put(c[0], c[1]);
      HttpResponse<String> response = http.postForm("/generate", form);
      assertEquals(422, response.statusCode(), c[0] + "=" + c[1]);
      assertTrue(response.body().contains(c[2]), c[2] + " in " + response.body());
      HttpResponse<String> htmx = http.postForm("/generate", form, "HX-Request", "true");
      assertEquals(422, htmx.statusCode());
      assertTrue(htmx.body().contains(c[2]));
      assertFalse(htmx.body().contains("<html"));
    }
    assertFalse(http.get("/generate").body().contains("data-testid=\"job-card\""), "nothing was queued");
  }
}
