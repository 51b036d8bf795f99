package dev.visionary.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.support.FakeServer.Reply;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * A slow OpenAI Images server on 127.0.0.1: {@code POST /v1/images/generations} answers in OpenAI's wire
 * format (an {@code ImagesResponse} with {@code b64_json}) after a random delay, and counts how many calls
 * are in flight at once, so a drill can check that Visionary never runs more than its engine limit.
 *
 * <p>{@link #hold()} keeps every call waiting until {@link #release()}, so a test can look at a queue that
 * cannot move. {@code GET /stats} reports the counts as JSON for a script.
 *
 * <p>As a program (the benchmark's slow-provider drill runs it from the test classes with the app's jar on
 * the class path): {@code SlowImageProvider [minDelayMs] [maxDelayMs] [imageSide]}; prints
 * {@code listening on http://127.0.0.1:PORT/v1} and serves until killed.
 */
public final class SlowImageProvider implements AutoCloseable {
  public static final String PATH = "/v1/images/generations";

  private final FakeServer server = FakeServer.start();
  private final long minDelayMs;
  private final long maxDelayMs;
  /** Whole response bodies made once: the stand-in must not spend the CPU the app is measured on. */
  private final List<byte[]> replies;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final Object gate = new Object();
  private boolean held;

  private SlowImageProvider(long minDelayMs, long maxDelayMs, int imageSide) {
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = Math.max(minDelayMs, maxDelayMs);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String b64 = TestImages.base64(photoLike(imageSide, i));
      bodies.add(("{\"created\":" + System.currentTimeMillis() / 1000 + ",\"data\":[{\"b64_json\":\"" + b64 + "\"}],"
          + "\"background\":\"opaque\",\"output_format\":\"png\",\"size\":\"1024x1024\",\"quality\":\"low\","
          + "\"usage\":{\"total_tokens\":292,\"input_tokens\":20,\"output_tokens\":272,"
          + "\"input_tokens_details\":{\"text_tokens\":20,\"image_tokens\":0}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    this.replies = List.copyOf(bodies);
    server.on("POST", PATH, this::generate);
    server.on("GET", "/stats", request -> Reply.json(200, stats()));
  }

  /** Each call waits between {@code minDelayMs} and {@code maxDelayMs}, then answers with a PNG {@code imageSide} pixels square. */
  public static SlowImageProvider start(long minDelayMs, long maxDelayMs, int imageSide) {
    return new SlowImageProvider(minDelayMs, maxDelayMs, imageSide);
  }

  /** The value for OPENAI_BASE_URL. */
  public URI baseUrl() {
    return URI.create(server.uri() + "/v1");
  }

  /** From now on calls wait (after their delay) until {@link #release()}. */
  public void hold() {
    synchronized (gate) {
      held = true;
    }
  }

  public void release() {
    synchronized (gate) {
      held = false;
      gate.notifyAll();
    }
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** The most calls that were ever in flight at the same moment. */
  public int peakInFlight() {
    return peak.get();
  }

  public long calls() {
    return calls.get();
  }

  /** Calls refused because the request broke OpenAI's format; a drill expects none. */
  public long rejected() {
    return rejected.get();
  }

  public List<FakeServer.Request> requests() {
    return server.requests(PATH);
  }

  public String stats() {
    return "{\"calls\":" + calls.get() + ",\"answered\":" + answered.get() + ",\"rejected\":" + rejected.get()
        + ",\"in_flight\":" + inFlight.get() + ",\"peak_in_flight\":" + peak.get() + "}";
  }

  private Reply generate(FakeServer.Request request) throws InterruptedException {
    calls.incrementAndGet();
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    try {
      String problem = problem(request);
      if (problem != null) {
        rejected.incrementAndGet();
        return Reply.json(400, "{\"error\":{\"message\":\"" + problem + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
      }
      long delay = minDelayMs == maxDelayMs ? minDelayMs : ThreadLocalRandom.current().nextLong(minDelayMs, maxDelayMs + 1);
      TimeUnit.MILLISECONDS.sleep(delay);
      synchronized (gate) {
        while (held) {
          gate.wait();
        }
      }
      answered.incrementAndGet();
      byte[] body = replies.get((int) (calls.get() % replies.size()));
      return new Reply(200, java.util.Map.of("Content-Type", "application/json"), body);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** What OpenAI would refuse with a 400 in a request Visionary sends for GPT Image; null when it is well formed. */
  private static String problem(FakeServer.Request request) {
    String auth = request.headers().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
      return "You didn't provide an API key.";
    }
    JsonNode body;
    try {
      body = request.json();
    } catch (RuntimeException e) {
      return "We could not parse the JSON body of your request.";
    }
    if (!body.path("prompt").isTextual() || body.path("prompt").asText().isBlank()) {
      return "Missing required parameter: 'prompt'.";
    }
    if (!body.path("model").isTextual()) {
      return "Missing model.";
    }
    int n = body.path("n").asInt(1);
    if (n < 1 || n > 10) {
      return "Invalid 'n': must be between 1 and 10.";
    }
    if (body.has("size") && !body.path("size").asText().matches("\\d+x\\d+|auto")) {
      return "Invalid 'size'.";
    }
    return null;
  }

  /**
   * A PNG that does not compress to nothing (smooth colour plus grain), so the app decodes, thumbnails and
   * stores megabytes per job as it would from a real provider: about 2.3 MB at 1024 pixels.
   */
  static byte[] photoLike(int side, long seed) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int grain = random.nextInt(16); // one grain for all three channels, like film or sensor noise
        int r = clamp(40 + 180 * x / side + grain);
        int g = clamp(60 + 120 * y / side + grain);
        int b = clamp(200 - 150 * (x + y) / (2 * side) + grain);
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  @Override
  public void close() {
    release();
    server.close();
  }

  public static void main(String[] args) throws InterruptedException {
    long min = args.length > 0 ? Long.parseLong(args[0]) : 2000;
    long max = args.length > 1 ? Long.parseLong(args[1]) : 5000;
    int side = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
    SlowImageProvider provider = start(min, max, side);
    System.out.println("listening on " + provider.baseUrl() + " (" + min + "-" + max + " ms per image, "
        + provider.replies.get(0).length / 1024 + " KB per answer)");
    System.out.flush();
    Thread.currentThread().join();
  }
}
