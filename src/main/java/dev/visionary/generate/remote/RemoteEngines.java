package dev.visionary.generate.remote;

import dev.visionary.generate.engine.ImageEngine;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the remote engines the environment configures; an engine whose variables are unset is left out.
 * A variable that is set but wrong stops start-up with a message naming it, never its secret value.
 */
public final class RemoteEngines {

  public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_RUNWAY_BASE_URL = "https://api.dev.runwayml.com";

  private RemoteEngines() {}

  public static List<ImageEngine> fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, RemoteTimeouts.DEFAULT);
  }

  public static List<ImageEngine> fromEnvironment(Map<String, String> env, RemoteTimeouts timeouts) {
    List<ImageEngine> engines = new ArrayList<>();
    String openAiKey = value(env, "OPENAI_API_KEY");
    if (openAiKey != null) {
      String model = value(env, "OPENAI_IMAGE_MODEL");
      model = model == null ? ImageModels.DEFAULT_MODEL : model;
      if (ImageModels.find(model).isEmpty()) {
        throw new IllegalArgumentException("OPENAI_IMAGE_MODEL: " + model + " is not an OpenAI image model; use one of "
            + String.join(", ", ImageModels.all().stream().map(ImageModels.ImageModel::id).toList()));
      }
      engines.add(new OpenAiImageEngine(url(env, "OPENAI_BASE_URL", DEFAULT_OPENAI_BASE_URL), openAiKey, model, timeouts));
    }
    if (value(env, "A1111_URL") != null) {
      engines.add(new Automatic1111Engine(url(env, "A1111_URL", null), value(env, "A1111_AUTH"), timeouts));
    }
    if (value(env, "COMFYUI_URL") != null) {
      String workflow = value(env, "COMFYUI_WORKFLOW");
      Path file = workflow == null ? null : Path.of(workflow);
      if (file != null && !Files.isReadable(file)) {
        throw new IllegalArgumentException("COMFYUI_WORKFLOW: cannot read " + file.toAbsolutePath());
      }
      engines.add(new ComfyUiEngine(url(env, "COMFYUI_URL", null), file, timeouts));
    }
    String runwayKey = value(env, "RUNWAY_API_KEY");
    if (runwayKey != null) {
      engines.add(new RunwayEngine(url(env, "RUNWAY_BASE_URL", DEFAULT_RUNWAY_BASE_URL), runwayKey, timeouts));
    }
    return List.copyOf(engines);
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** An http(s) URL with a host; the message names the variable and leaves out the value, which may hold a password. */
  private static URI url(Map<String, String> env, String name, String fallback) {
    String text = value(env, name);
    text = text == null ? fallback : text;
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException(name + " must be an http:// or https:// URL with a host name");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL", e);
    }
  }
}
