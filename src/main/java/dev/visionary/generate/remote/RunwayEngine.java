package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runway text to image ({@code gen4_image}): one task per image, polled with backoff until it ends, and its
 * output downloaded at once because Runway's output URLs expire.
 */
public final class RunwayEngine implements ImageEngine {

  public static final String ID = "runway";
  static final String PROVIDER = "Runway";
  static final String API_VERSION = "2024-11-06";
  static final String MODEL = "gen4_image";
  public static final int MAX_PROMPT_LENGTH = 1000;
  /** The output sizes gen4_image offers, as Runway writes them. */
  public static final List<String> RATIOS = List.of(
      "1920:1080", "1080:1920", "1024:1024", "1360:768", "1080:1080", "1168:880", "1440:1080", "1080:1440", "1808:768", "2112:912");
  // Runway's seed is an unsigned 32-bit integer (0 to 4294967295).
  private static final long SEED_RANGE = 1L << 32;
  private static final double BACKOFF = 1.5;
  private static final int MAX_POLL_MULTIPLE = 8;

  private final URI base;
  private final String apiKey;
  private final ProviderHttp http;
  private final Clock clock;

  /** @param baseUrl e.g. {@code https://api.dev.runwayml.com} */
  public RunwayEngine(URI baseUrl, String apiKey, RemoteTimeouts timeouts) {
    this(baseUrl, apiKey, timeouts, Clock.systemUTC());
  }

  RunwayEngine(URI baseUrl, String apiKey, RemoteTimeouts timeouts, Clock clock) {
    this.base = RemoteUrls.withoutUserInfo(baseUrl);
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.http = new ProviderHttp(PROVIDER, timeouts);
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "Runway";
  }

  /** The allowed ratio closest in shape to the requested size, then closest in pixel count. */
  public static String ratioFor(int width, int height) {
    double wanted = Math.log((double) width / height);
    long area = (long) width * height;
    return RATIOS.stream()
        .min(Comparator.<String>comparingDouble(r -> Math.abs(Math.log((double) side(r, 0) / side(r, 1)) - wanted))
            .thenComparingLong(r -> Math.abs((long) side(r, 0) * side(r, 1) - area)))
        .orElseThrow();
  }

  private static int side(String ratio, int index) {
    return Integer.parseInt(ratio.split(":")[index]);
  }

  @Override
  public List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException {
    int length = request.prompt().codePointCount(0, request.prompt().length());
    if (request.prompt().isBlank()) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, "The prompt is empty; describe the picture you want.");
    }
    if (length > MAX_PROMPT_LENGTH) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, "The prompt is " + length + " characters long; Runway reads at most " + MAX_PROMPT_LENGTH + ".");
    }
    String ratio = ratioFor(request.width(), request.height());
    List<GeneratedImage> images = new ArrayList<>();
    // gen4_image makes one image per task.
    for (int i = 0; i < request.count(); i++) {
      int done = i;
      // Each task draws one image from its own seed, so image i's seed alone reproduces it.
      long seed = Math.floorMod(request.seed() + i, SEED_RANGE);
      String taskId = start(body(request.prompt(), ratio, seed));
      JsonNode task;
      try {
        task = waitFor(taskId, fraction -> progress.progress((done + fraction) / request.count(), null));
      } catch (ImageEngineException e) {
        if (Thread.currentThread().isInterrupted()) {
          cancel(taskId); // nobody will collect it, and Runway charges for what it draws
        }
        throw e;
      }
      for (JsonNode url : task.path("output")) {
        byte[] bytes = http.download(URI.create(url.asText()));
        images.add(ImageBytes.image(PROVIDER, bytes, side(ratio, 0), side(ratio, 1), seed, null));
      }
    }
    if (images.isEmpty()) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "Runway finished without any image.", null);
    }
    progress.progress(1.0, null);
    return images;
  }

  static ObjectNode body(String prompt, String ratio, long seed) {
    return ProviderJson.object().put("model", MODEL).put("promptText", prompt).put("ratio", ratio).put("seed", seed);
  }

  private String start(ObjectNode body) throws ImageEngineException {
    HttpResponse<byte[]> response = http.send(api("v1/text_to_image")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(body))));
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw RunwayErrors.from(response, clock, apiKey);
    }
    String id = ProviderJson.text(ProviderJson.parse(response.body()).get("id"));
    if (id == null) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "Runway accepted the request but sent no task id.", null);
    }
    return id;
  }

  private interface TaskProgress {
    void report(double fraction);
  }

  /** Polls the task until it ends; PENDING and THROTTLED mean queued, RUNNING carries progress. */
  private JsonNode waitFor(String taskId, TaskProgress progress) throws ImageEngineException {
    Instant deadline = Instant.now().plus(http.timeouts().generation());
    Duration delay = http.timeouts().poll();
    Duration longest = http.timeouts().poll().multipliedBy(MAX_POLL_MULTIPLE);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<byte[]> response = http.send(api("v1/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8)).GET());
      if (response.statusCode() != 200) {
        throw RunwayErrors.from(response, clock, apiKey);
      }
      JsonNode task = ProviderJson.parse(response.body());
      switch (task.path("status").asText("")) {
        case "SUCCEEDED" -> {
          return task;
        }
        case "FAILED" -> throw RunwayErrors.taskFailed(ProviderJson.text(task.get("failureCode")), ProviderJson.text(task.get("failure")));
        case "CANCELLED" -> throw ImageEngineException.of(Failure.SERVER, "The Runway task was cancelled before it finished.");
        case "RUNNING" -> {
          if (task.path("progress").isNumber()) {
            progress.report(Math.max(0, Math.min(1, task.path("progress").asDouble())));
          }
        }
        default -> progress.report(0);
      }
      sleep(delay);
      delay = Duration.ofMillis(Math.min(longest.toMillis(), (long) (delay.toMillis() * BACKOFF)));
    }
    // Not started again: the task may still finish on Runway's side, and a second one would be paid for twice.
    cancel(taskId);
    throw ImageEngineException.lasting(Failure.TIMEOUT, "Runway did not finish the image within "
        + Automatic1111Engine.readable(http.timeouts().generation()) + ". Visionary cancelled the task and did not start it again; "
        + "press Retry to try once more.");
  }

  /** Runway's task cancel (DELETE /v1/tasks/{id}), sent without waiting: the caller has already given up on the task. */
  private void cancel(String taskId) {
    http.sendAndForget(api("v1/tasks/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8)).DELETE());
  }

  private static void sleep(Duration delay) throws ImageEngineException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ImageEngineException.of(Failure.TIMEOUT, "Stopped waiting for Runway because the job was interrupted.", null, e);
    }
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(RemoteUrls.resolve(base, path))
        .header("Authorization", "Bearer " + apiKey)
        .header("X-Runway-Version", API_VERSION)
        .header("Accept", "application/json");
  }

  @Override
  public String toString() {
    return "RunwayEngine[" + RemoteUrls.display(base) + "]";
  }
}
