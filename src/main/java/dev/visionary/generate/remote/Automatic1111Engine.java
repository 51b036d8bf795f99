package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.generate.engine.ServerChoices;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * AUTOMATIC1111's Stable Diffusion web UI, and Forge which keeps the same API ({@code --api}). txt2img blocks
 * for the whole generation, so progress comes from polling {@code /sdapi/v1/progress} meanwhile.
 */
public final class Automatic1111Engine implements ImageEngine, ServerChoices.Source {

  public static final String ID = "automatic1111";
  static final String PROVIDER = "AUTOMATIC1111";
  // numpy seeds must fit in 32 unsigned bits; the real seed comes back in info and is what we record.
  private static final long SEED_RANGE = 1L << 32;

  private final URI base;
  private final String authorization;
  private final ProviderHttp http;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:7860}; may carry {@code user:pass@} for {@code --api-auth}
   * @param credentials {@code user:pass}, or null to use the URL's or none; wins over the URL's
   */
  public Automatic1111Engine(URI baseUrl, String credentials, RemoteTimeouts timeouts) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String userInfo = credentials != null && !credentials.isBlank() ? credentials : baseUrl.getUserInfo();
    this.base = RemoteUrls.withoutUserInfo(baseUrl);
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.http = new ProviderHttp(PROVIDER, timeouts);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "AUTOMATIC1111 / Forge";
  }

  /** Checkpoint titles, the values a request's {@code model} takes. */
  public List<String> models() throws ImageEngineException {
    return names("sdapi/v1/sd-models", "title", true);
  }

  /**
   * Checkpoint titles, sampler names and scheduler labels (the values its infotext writes). Schedulers came in 1.9;
   * an older server answers 404 there and takes none.
   */
  @Override
  public ServerChoices serverChoices() throws ImageEngineException {
    return new ServerChoices(models(), names("sdapi/v1/samplers", "name", true), names("sdapi/v1/schedulers", "label", false));
  }

  private List<String> names(String path, String field, boolean required) throws ImageEngineException {
    HttpResponse<byte[]> response = http.send(request(path).GET());
    if (response.statusCode() == 404 && !required) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw Automatic1111Errors.from(response, authorization != null, null);
    }
    List<String> names = new ArrayList<>();
    ProviderJson.parse(response.body()).forEach(entry -> {
      String name = ProviderJson.text(entry.get(field));
      if (name != null) {
        names.add(name);
      }
    });
    return names;
  }

  @Override
  public List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException {
    URI txt2img = RemoteUrls.resolve(base, "sdapi/v1/txt2img");
    CompletableFuture<HttpResponse<byte[]>> call = http.sendLongAsync(request("sdapi/v1/txt2img")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(body(request)))));
    ProgressPoller poller = new ProgressPoller(progress);
    HttpResponse<byte[]> response;
    try {
      response = http.awaitPolling(call, txt2img, http.timeouts().poll(), poller::poll);
    } catch (ImageEngineException e) {
      throw stopped(e);
    }
    if (response.statusCode() != 200) {
      throw Automatic1111Errors.from(response, authorization != null, request);
    }
    List<GeneratedImage> images = images(ProviderJson.parse(response.body()), request);
    progress.progress(1.0, null);
    return images;
  }

  /**
   * A generation given up on, because the job was cancelled or timed out: A1111 keeps drawing after the
   * connection closes, holding its GPU, so it is asked to stop. A timed-out one is not sent again, since the
   * server may still be busy with it.
   */
  private ImageEngineException stopped(ImageEngineException e) {
    boolean timedOut = ProviderHttp.generationTimedOut(e);
    if (Thread.currentThread().isInterrupted() || timedOut) {
      http.sendAndForget(request("sdapi/v1/interrupt").POST(HttpRequest.BodyPublishers.noBody()));
    }
    if (timedOut) {
      return ImageEngineException.lasting(Failure.TIMEOUT, "AUTOMATIC1111 did not finish within " + readable(http.timeouts().generation())
          + ". Visionary asked it to stop and did not send the prompt again; press Retry once the server is free.");
    }
    return e;
  }

  static String readable(java.time.Duration d) {
    long seconds = d.toSeconds();
    return seconds < 120 ? seconds + " seconds" : d.toMinutes() + " minutes";
  }

  static ObjectNode body(ImageRequest request) {
    ObjectNode body = ProviderJson.object()
        .put("prompt", request.prompt())
        .put("negative_prompt", request.negativePrompt() == null ? "" : request.negativePrompt())
        .put("seed", Math.floorMod(request.seed(), SEED_RANGE))
        .put("width", request.width())
        .put("height", request.height())
        .put("batch_size", request.count())
        .put("n_iter", 1)
        .put("send_images", true)
        .put("save_images", false);
    if (request.steps() != null) {
      body.put("steps", request.steps());
    }
    if (request.cfg() != null) {
      body.put("cfg_scale", request.cfg());
    }
    if (request.sampler() != null) {
      body.put("sampler_name", request.sampler());
    }
    if (request.scheduler() != null) {
      body.put("scheduler", request.scheduler());
    }
    if (request.model() != null) {
      body.putObject("override_settings").put("sd_model_checkpoint", request.model());
      body.put("override_settings_restore_afterwards", true);
    }
    return body;
  }

  private List<GeneratedImage> images(JsonNode root, ImageRequest request) throws ImageEngineException {
    JsonNode encoded = root.path("images");
    if (!encoded.isArray() || encoded.isEmpty()) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "AUTOMATIC1111 answered without any image.", null);
    }
    // info is a JSON document encoded as a string inside the JSON answer.
    JsonNode info = ProviderJson.parse(ProviderJson.text(root.get("info")));
    JsonNode seeds = info.path("all_seeds");
    // A1111's own parameters text for each image: kept as written, so its model hash and settings survive.
    JsonNode infotexts = info.path("infotexts");
    long firstSeed = Math.floorMod(request.seed(), SEED_RANGE);
    List<GeneratedImage> images = new ArrayList<>();
    // Extensions such as ControlNet append extra images (detection maps) after the ones we asked for.
    for (int i = 0; i < Math.min(encoded.size(), request.count()); i++) {
      byte[] bytes = ImageBytes.fromBase64(PROVIDER, encoded.get(i).asText());
      long seed = seeds.has(i) && seeds.get(i).canConvertToLong() ? seeds.get(i).asLong() : firstSeed + i;
      GeneratedImage image = ImageBytes.image(PROVIDER, bytes, request.width(), request.height(), seed, null);
      String infotext = infotexts.path(i).isTextual() && !infotexts.path(i).asText().isBlank() ? infotexts.path(i).asText() : null;
      images.add(new GeneratedImage(image.bytes(), image.width(), image.height(), image.seed(), null, image.mimeType(), infotext, null));
    }
    return images;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(RemoteUrls.resolve(base, path)).header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  /** Reports A1111's own progress; a failed poll only means no report this time, never a failed generation. */
  private final class ProgressPoller {
    private final ProgressListener listener;
    private double last;

    ProgressPoller(ProgressListener listener) {
      this.listener = listener;
    }

    void poll() {
      try {
        HttpResponse<byte[]> response = http.send(request("sdapi/v1/progress?skip_current_image=false").GET());
        if (response.statusCode() != 200) {
          return;
        }
        JsonNode state = ProviderJson.parse(response.body());
        double fraction = state.path("progress").asDouble(0);
        // The server runs one job at a time; a lower number belongs to a job before ours, so keep moving forward.
        if (fraction <= last || fraction >= 1) {
          return;
        }
        last = fraction;
        String preview = ProviderJson.text(state.get("current_image"));
        byte[] previewBytes = preview == null ? null : ImageBytes.fromBase64(PROVIDER, preview);
        listener.progress(fraction, previewBytes != null && GeneratedImage.PNG.equals(ImageBytes.mimeType(previewBytes)) ? previewBytes : null);
      } catch (ImageEngineException skipped) {
        // No report this round; txt2img's own answer decides how the generation ends.
      }
    }
  }

  @Override
  public String toString() {
    return "Automatic1111Engine[" + RemoteUrls.display(base) + (authorization == null ? "" : ", basic auth") + "]";
  }
}
