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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** OpenAI Images ({@code POST /images/generations}): DALL·E 2, DALL·E 3 and the GPT image models. */
public final class OpenAiImageEngine implements ImageEngine {

  public static final String ID = "openai";
  private static final String PROVIDER = "OpenAI";

  private final URI generations;
  private final String apiKey;
  private final String defaultModel;
  private final ProviderHttp http;
  private final Clock clock;

  /**
   * @param baseUrl e.g. {@code https://api.openai.com/v1}
   * @param defaultModel used when a request names no model; must be in {@link ImageModels}
   */
  public OpenAiImageEngine(URI baseUrl, String apiKey, String defaultModel, RemoteTimeouts timeouts) {
    this(baseUrl, apiKey, defaultModel, timeouts, Clock.systemUTC());
  }

  OpenAiImageEngine(URI baseUrl, String apiKey, String defaultModel, RemoteTimeouts timeouts, Clock clock) {
    this.generations = RemoteUrls.resolve(baseUrl, "images/generations");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
    if (ImageModels.find(defaultModel).isEmpty()) {
      throw new IllegalArgumentException(defaultModel + " is not an OpenAI image model; choose one of "
          + ImageModels.all().stream().map(ImageModels.ImageModel::id).toList());
    }
    this.http = new ProviderHttp(PROVIDER, timeouts);
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "OpenAI Images";
  }

  public String defaultModel() {
    return defaultModel;
  }

  /** The problem with a request for this engine, checked without calling OpenAI. */
  public Optional<String> validate(ImageRequest request) {
    return ImageModels.validate(modelFor(request), request);
  }

  @Override
  public List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException {
    String model = modelFor(request);
    Optional<String> problem = ImageModels.validate(model, request);
    if (problem.isPresent()) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, problem.get());
    }
    HttpResponse<byte[]> response = http.sendLong(HttpRequest.newBuilder(generations)
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(body(model, request)))));
    if (response.statusCode() != 200) {
      throw OpenAiErrors.from(response, clock, apiKey);
    }
    List<GeneratedImage> images = images(ProviderJson.parse(response.body()), request);
    progress.progress(1.0, null);
    return images;
  }

  private String modelFor(ImageRequest request) {
    return request.model() == null || request.model().isBlank() ? defaultModel : request.model();
  }

  /** The CreateImageRequest body; only fields the model accepts, and always the model itself. */
  static ObjectNode body(String model, ImageRequest request) {
    ImageModels.ImageModel spec = ImageModels.find(model).orElseThrow();
    ObjectNode body = ProviderJson.object()
        .put("model", model)
        .put("prompt", request.prompt())
        .put("n", request.count())
        .put("size", request.width() + "x" + request.height());
    if (request.quality() != null) {
      body.put("quality", request.quality());
    }
    if (request.style() != null) {
      body.put("style", request.style());
    }
    // DALL·E answers with 60-minute URLs by default; base64 keeps the image even if the job stores it late.
    // GPT image models always answer in base64 and may reject the parameter.
    if (spec.takesResponseFormat()) {
      body.put("response_format", "b64_json");
    }
    return body;
  }

  private List<GeneratedImage> images(JsonNode root, ImageRequest request) throws ImageEngineException {
    JsonNode data = root.path("data");
    if (!data.isArray() || data.isEmpty()) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "OpenAI answered without any image.", null);
    }
    List<GeneratedImage> images = new ArrayList<>();
    for (JsonNode item : data) {
      byte[] bytes;
      String b64 = ProviderJson.text(item.get("b64_json"));
      String url = ProviderJson.text(item.get("url"));
      if (b64 != null) {
        bytes = ImageBytes.fromBase64(PROVIDER, b64);
      } else if (url != null) {
        // Compatible servers may ignore response_format and hand out URLs; fetch them before they expire.
        bytes = http.download(URI.create(url));
      } else {
        throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "OpenAI answered with an image entry that holds no image.", null);
      }
      // OpenAI Images take no seed, so none is recorded.
      images.add(ImageBytes.image(PROVIDER, bytes, request.width(), request.height(), null, ProviderJson.text(item.get("revised_prompt"))));
    }
    return images;
  }

  @Override
  public String toString() {
    return "OpenAiImageEngine[" + RemoteUrls.display(generations) + ", model=" + defaultModel + "]";
  }
}
