package dev.visionary.training;

import dev.visionary.config.Config;
import dev.visionary.web.Pages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -XX:AOTCacheOutput=target/visionary.aot -jar target/visionary.jar training-run}: the training
 * run from which JDK 25+ builds its ahead-of-time cache (JEP 483/514/515) of the classes a start loads and
 * links and of the methods typical requests run hot. It starts the app on a new, temporary database with
 * only built-in engines, sends it what a person's first minutes send over real HTTP (pages, sign-up, an
 * expansion, saving and searching prompts, a built-in image), stops it as SIGTERM would, and cleans up.
 * The JVM writes the cache when this process exits. Nothing here is needed to run Visionary.
 */
public final class TrainingRun {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern JOB_STATUS = Pattern.compile("data-status=\"([a-z]+)\"");
  private static final Pattern THUMB = Pattern.compile("src=\"(/images/[A-Za-z0-9]+)/thumb\"");
  /**
   * Rounds of the page requests. One loads and links every class they need, which is most of what the cache
   * saves a start; a few more give the JIT profiles of their hot methods. More only lengthen the build.
   */
  private static final int ROUNDS = 3;

  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String base;
  private int sent;

  private TrainingRun(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * The app as this run sees it: where it answers and how to stop it. The caller starts it, so the run needs
   * nothing of how the app is put together.
   */
  public record Started(int port, Runnable stop) implements AutoCloseable {
    @Override
    public void close() {
      stop.run();
    }
  }

  /** Starts the app with {@code start} on a configuration of the run's own; returns the process exit code. */
  public static int main(PrintStream out, Function<Config, Started> start) {
    long started = System.nanoTime();
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("visionary-training");
    } catch (IOException e) {
      out.println("visionary training-run: " + e.getMessage());
      return 1;
    }
    int requests;
    // Only what the run needs: engines configured in the environment are never called from a build, and
    // the per-person limits would stop the rounds below.
    Config config = Config.from(Map.of("PORT", "0", "DATA_DIR", dataDir.toString(),
        "EXPAND_PER_MINUTE", "10000", "GENERATE_PER_MINUTE", "10000"));
    try (Started app = start.apply(config)) {
      requests = exercise(app.port(), ROUNDS);
    } catch (RuntimeException e) {
      out.println("visionary training-run: failed: " + e);
      return 1;
    } finally {
      deleteQuietly(dataDir);
    }
    out.printf("visionary training-run: %d requests in %.1f s%n", requests, (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /**
   * Sends the app on {@code port} the training requests, with {@code rounds} of the page requests (a test needs
   * one to see each answered as expected), as a new person; returns how many it sent. Throws on any answer
   * other than the one expected.
   */
  static int exercise(int port, int rounds) {
    return new TrainingRun(port).exercise(rounds);
  }

  private int exercise(int rounds) {
    expect(200, get("/health"));
    expect(200, get("/"));
    String csrf = csrf("/signup");
    String username = "trainer" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    expect(303, postForm("/signup", "_csrf", csrf, "username", username, "password", "training run 4 the cache"));
    csrf = csrf("/");

    // One built-in image: the job runner, the painter, PNG encoding, the image routes.
    String job = location(expect(303, postForm("/generate", "_csrf", csrf("/generate"), "prompt", "a lighthouse at dusk, calm sea",
        "engine", "builtin", "size", "512x512", "count", "1", "seed", "11")));
    String card = awaitJob(job);
    Matcher thumb = THUMB.matcher(card);
    if (!thumb.find()) {
      throw new IllegalStateException("no image on the finished job's card");
    }
    String image = thumb.group(1);

    String[] ideas = {"a beach sunset", "a fox in {snow|rain|fog}", "an old tram in a narrow street", "a castle on a hill at dawn"};
    for (int round = 0; round < rounds; round++) {
      String idea = ideas[round % ideas.length];
      expect(303, postForm("/expand", "_csrf", csrf, "idea", idea, "target", round % 2 == 0 ? "generic" : "midjourney",
          "style", "none", "count", "4", "engine", "builtin", "seed", Integer.toString(round)));
      expect(200, postForm("/expand", Map.of("HX-Request", "true"), "_csrf", csrf, "idea", idea, "target", "stable-diffusion",
          "style", "none", "count", "4", "engine", "builtin", "seed", Integer.toString(round)));
      String prompt = location(expect(303, postForm("/prompts", "_csrf", csrf, "title", "Training " + round,
          "text", idea + ", golden hour, detailed", "negative", "blurry", "tags", "training, round" + round,
          "visibility", round % 3 == 0 ? "public" : "private")));
      expect(200, get(prompt));
      expect(200, get("/"));
      expect(200, get("/library"));
      expect(200, get("/library?q=golden"));
      expect(200, get("/library?q=goldn"));
      expect(200, get("/library?q=castle", Map.of("HX-Request", "true")));
      expect(200, get("/explore"));
      expect(200, get("/explore?q=tram"));
      expect(200, get("/collections"));
      expect(200, get("/settings"));
      expect(200, get(job, Map.of("HX-Request", "true")));
      expect(404, get("/p/nosuchprompt/none"));
      expect(200, get("/health"));
      HttpResponse<String> png = expect(200, get(image));
      expect(304, get(image, Map.of("If-None-Match", png.headers().firstValue("ETag").orElse("\"none\""))));
      expect(200, get(image + "/thumb"));
    }
    expect(200, get(Pages.AssetPaths.INSTANCE.css()));
    expect(200, get(Pages.AssetPaths.INSTANCE.htmx()));
    expect(200, get("/metrics"));
    return sent;
  }

  private String awaitJob(String jobPath) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String card = get(jobPath, Map.of("HX-Request", "true")).body();
      Matcher m = JOB_STATUS.matcher(card);
      if (m.find() && !m.group(1).equals("queued") && !m.group(1).equals("running")) {
        if (!m.group(1).equals("succeeded")) {
          throw new IllegalStateException("the built-in image job ended " + m.group(1));
        }
        return card;
      }
      sleep(50);
    }
    throw new IllegalStateException("the built-in image job did not finish in 60 s");
  }

  private String csrf(String path) {
    Matcher m = CSRF.matcher(expect(200, get(path)).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + path);
    }
    return m.group(1);
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
          + " instead of " + status);
    }
    return response;
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("no Location from " + response.uri()));
  }

  private HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  private HttpResponse<String> postForm(String path, String... fields) {
    return postForm(path, Map.of(), fields);
  }

  private HttpResponse<String> postForm(String path, Map<String, String> headers, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    sent++;
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the system cleans it up eventually
    }
  }
}
