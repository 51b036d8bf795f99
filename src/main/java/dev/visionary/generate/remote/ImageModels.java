package dev.visionary.generate.remote;

import dev.visionary.generate.engine.ImageRequest;
import java.util.List;
import java.util.Optional;

/**
 * What each OpenAI image model accepts (from the official CreateImageRequest schema). The engine checks
 * every request against it before calling OpenAI, and the web layer offers only these choices.
 */
public final class ImageModels {

  /** The model used when neither the request nor {@code OPENAI_IMAGE_MODEL} names one. */
  public static final String DEFAULT_MODEL = "gpt-image-1";

  private static final List<String> GPT_SIZES = List.of("1024x1024", "1536x1024", "1024x1536");
  // auto first: it is the API's default, and forms offer the first choice.
  private static final List<String> GPT_QUALITIES = List.of("auto", "low", "medium", "high");
  // gpt-image-2 takes any WxH inside these bounds besides the standard sizes.
  private static final int FREE_SIZE_STEP = 16;
  private static final int FREE_SIZE_MAX_EDGE = 3840;
  private static final long FREE_SIZE_MAX_PIXELS = 3840L * 2160L;
  public static final String FREE_SIZE_RULE =
      "any size whose sides are multiples of 16, at most 3840x2160, between 1:3 and 3:1";

  /**
   * @param sizes the sizes to offer, as {@code WIDTHxHEIGHT}
   * @param freeSize whether other sizes within gpt-image-2's bounds are accepted too
   * @param maxCount the most images one request may ask for
   * @param qualities accepted {@code quality} values
   * @param styles accepted {@code style} values; empty when the model takes no style
   * @param takesResponseFormat whether the model understands {@code response_format} (DALL·E only)
   * @param maxPromptLength the longest prompt in characters
   */
  public record ImageModel(
      String id,
      String label,
      List<String> sizes,
      boolean freeSize,
      int maxCount,
      List<String> qualities,
      List<String> styles,
      boolean takesResponseFormat,
      int maxPromptLength) {}

  private static final List<ImageModel> MODELS = List.of(
      new ImageModel("dall-e-2", "DALL·E 2", List.of("1024x1024", "512x512", "256x256"), false, 10, List.of("standard"), List.of(), true, 1000),
      new ImageModel("dall-e-3", "DALL·E 3", List.of("1024x1024", "1792x1024", "1024x1792"), false, 1, List.of("standard", "hd"),
          List.of("vivid", "natural"), true, 4000),
      gpt("gpt-image-1", "GPT Image 1", false),
      gpt("gpt-image-1-mini", "GPT Image 1 mini", false),
      gpt("gpt-image-1.5", "GPT Image 1.5", false),
      gpt("gpt-image-2", "GPT Image 2", true),
      gpt("gpt-image-2-2026-04-21", "GPT Image 2 (2026-04-21)", true));

  private ImageModels() {}

  private static ImageModel gpt(String id, String label, boolean freeSize) {
    return new ImageModel(id, label, GPT_SIZES, freeSize, 10, GPT_QUALITIES, List.of(), false, 32000);
  }

  public static List<ImageModel> all() {
    return MODELS;
  }

  public static Optional<ImageModel> find(String id) {
    return MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Checks a request against the model it names, or {@link #DEFAULT_MODEL} when it names none. */
  public static Optional<String> validate(ImageRequest request) {
    return validate(request.model() == null ? DEFAULT_MODEL : request.model(), request);
  }

  /** Checks a request against {@code modelId}; the answer is a sentence for the person, or empty when fine. */
  public static Optional<String> validate(String modelId, ImageRequest request) {
    Optional<ImageModel> found = find(modelId);
    if (found.isEmpty()) {
      return Optional.of(modelId + " is not an OpenAI image model; choose " + choices(MODELS.stream().map(ImageModel::id).toList()) + ".");
    }
    ImageModel model = found.get();
    int promptLength = request.prompt().codePointCount(0, request.prompt().length());
    if (request.prompt().isBlank()) {
      return Optional.of("The prompt is empty; describe the picture you want.");
    }
    if (promptLength > model.maxPromptLength()) {
      return Optional.of("The prompt is " + promptLength + " characters long; " + model.label() + " reads at most "
          + model.maxPromptLength() + ".");
    }
    String size = request.width() + "x" + request.height();
    if (!model.sizes().contains(size) && !(model.freeSize() && freeSizeFits(request.width(), request.height()))) {
      String extra = model.freeSize() ? ", or " + FREE_SIZE_RULE : "";
      return Optional.of(size + " is not a size " + model.label() + " can make; choose " + choices(model.sizes()) + extra + ".");
    }
    if (request.count() > model.maxCount()) {
      return Optional.of(model.maxCount() == 1
          ? model.label() + " makes one image per request."
          : model.label() + " makes at most " + model.maxCount() + " images per request.");
    }
    if (request.quality() != null && !model.qualities().contains(request.quality())) {
      return Optional.of(request.quality() + " is not a quality " + model.label() + " offers; choose " + choices(model.qualities()) + ".");
    }
    if (request.style() != null && model.styles().isEmpty()) {
      return Optional.of(model.label() + " takes no style; only DALL·E 3 does (vivid or natural).");
    }
    if (request.style() != null && !model.styles().contains(request.style())) {
      return Optional.of(request.style() + " is not a " + model.label() + " style; choose " + choices(model.styles()) + ".");
    }
    return Optional.empty();
  }

  /** Whether gpt-image-2 takes a size outside its standard ones: {@link #FREE_SIZE_RULE}. */
  public static boolean freeSizeFits(int width, int height) {
    int longer = Math.max(width, height);
    int shorter = Math.min(width, height);
    return width % FREE_SIZE_STEP == 0
        && height % FREE_SIZE_STEP == 0
        && longer <= FREE_SIZE_MAX_EDGE
        && (long) width * height <= FREE_SIZE_MAX_PIXELS
        && longer <= 3L * shorter;
  }

  /** "a, b or c" */
  private static String choices(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
  }
}
