package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngine;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.generate.engine.ServerChoices;
import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ComfyUI: queues a workflow with {@code POST /prompt}, follows it on the {@code /ws} event stream when the
 * server offers one (falling back to polling {@code /history/{id}}), then fetches the files with {@code /view}.
 */
public final class ComfyUiEngine implements ImageEngine, ServerChoices.Source {

  public static final String ID = "comfyui";
  static final String PROVIDER = "ComfyUI";
  private static final int DEFAULT_STEPS = 20;
  private static final double DEFAULT_CFG = 8.0;
  private static final String DEFAULT_SAMPLER = "euler";
  private static final String DEFAULT_SCHEDULER = "normal";

  private final URI base;
  private final ComfyWorkflow workflow;
  private final ProviderHttp http;
  private final HttpClient sockets;

  /** @param workflow the {@code COMFYUI_WORKFLOW} file, or null for the bundled text-to-image workflow */
  public ComfyUiEngine(URI baseUrl, Path workflow, RemoteTimeouts timeouts) {
    this.base = RemoteUrls.withoutUserInfo(baseUrl);
    this.workflow = workflow == null ? ComfyWorkflow.bundled() : ComfyWorkflow.fromFile(workflow);
    this.http = new ProviderHttp(PROVIDER, timeouts);
    this.sockets = HttpClient.newBuilder().connectTimeout(timeouts.connect()).build();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String label() {
    return "ComfyUI";
  }

  /** Checkpoint file names the server can load, as CheckpointLoaderSimple lists them. */
  public List<String> models() throws ImageEngineException {
    return combo(nodeInputs("CheckpointLoaderSimple"), "ckpt_name");
  }

  /** Checkpoints from CheckpointLoaderSimple, samplers and schedulers from KSampler, as the nodes list them. */
  @Override
  public ServerChoices serverChoices() throws ImageEngineException {
    JsonNode sampler = nodeInputs("KSampler");
    return new ServerChoices(models(), combo(sampler, "sampler_name"), combo(sampler, "scheduler"));
  }

  private JsonNode nodeInputs(String node) throws ImageEngineException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(RemoteUrls.resolve(base, "object_info/" + node)).GET());
    if (response.statusCode() != 200) {
      throw ComfyErrors.from(response);
    }
    return ProviderJson.parse(response.body()).path(node).path("input").path("required");
  }

  private static List<String> combo(JsonNode inputs, String input) {
    JsonNode choices = inputs.path(input);
    // Older servers list the names as the first element; newer ones as ["COMBO", {"options": [...]}].
    JsonNode names = choices.path(0).isArray() ? choices.path(0) : choices.path(1).path("options");
    List<String> values = new ArrayList<>();
    names.forEach(name -> values.add(name.asText()));
    return values;
  }

  @Override
  public List<GeneratedImage> generate(ImageRequest request, ProgressListener progress) throws ImageEngineException {
    Instant deadline = Instant.now().plus(http.timeouts().generation());
    ObjectNode graph = workflow.fill(values(request));
    String clientId = UUID.randomUUID().toString();
    Optional<ComfySocket> socket = ComfySocket.connect(sockets, base, clientId, http.timeouts().connect());
    try {
      String promptId = queue(graph, clientId);
      JsonNode entry;
      try {
        entry = follow(promptId, socket, deadline, progress);
      } catch (ImageEngineException e) {
        if (Thread.currentThread().isInterrupted()) {
          stop(promptId);
        }
        throw e;
      }
      List<GeneratedImage> images = download(outputs(entry), request);
      progress.progress(1.0, null);
      return images;
    } finally {
      socket.ifPresent(ComfySocket::close);
    }
  }

  private Map<String, JsonNode> values(ImageRequest request) throws ImageEngineException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put(ComfyWorkflow.PROMPT, TextNode.valueOf(request.prompt()));
    values.put(ComfyWorkflow.NEGATIVE, TextNode.valueOf(request.negativePrompt() == null ? "" : request.negativePrompt()));
    // ComfyUI seeds are unsigned 64-bit; dropping the sign bit keeps every seed valid and still deterministic.
    values.put(ComfyWorkflow.SEED, LongNode.valueOf(request.seed() & Long.MAX_VALUE));
    values.put(ComfyWorkflow.WIDTH, IntNode.valueOf(request.width()));
    values.put(ComfyWorkflow.HEIGHT, IntNode.valueOf(request.height()));
    values.put(ComfyWorkflow.BATCH_SIZE, IntNode.valueOf(request.count()));
    values.put(ComfyWorkflow.STEPS, IntNode.valueOf(request.steps() == null ? DEFAULT_STEPS : request.steps()));
    values.put(ComfyWorkflow.CFG, DoubleNode.valueOf(request.cfg() == null ? DEFAULT_CFG : request.cfg()));
    values.put(ComfyWorkflow.SAMPLER, TextNode.valueOf(request.sampler() == null ? DEFAULT_SAMPLER : request.sampler()));
    values.put(ComfyWorkflow.SCHEDULER, TextNode.valueOf(request.scheduler() == null ? DEFAULT_SCHEDULER : request.scheduler()));
    if (request.model() != null) {
      values.put(ComfyWorkflow.CHECKPOINT, TextNode.valueOf(request.model()));
    } else if (workflow.uses(ComfyWorkflow.CHECKPOINT)) {
      // Without a chosen model, use the first checkpoint installed so a fresh setup works at once.
      List<String> installed = models();
      if (installed.isEmpty()) {
        throw ImageEngineException.of(Failure.BAD_REQUEST, "ComfyUI has no checkpoint installed; put one in its models/checkpoints folder.");
      }
      values.put(ComfyWorkflow.CHECKPOINT, TextNode.valueOf(installed.get(0)));
    }
    return values;
  }

  private String queue(ObjectNode graph, String clientId) throws ImageEngineException {
    ObjectNode body = ProviderJson.object();
    body.set("prompt", graph);
    body.put("client_id", clientId);
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(RemoteUrls.resolve(base, "prompt"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(body))));
    if (response.statusCode() != 200) {
      throw ComfyErrors.from(response);
    }
    String promptId = ProviderJson.text(ProviderJson.parse(response.body()).get("prompt_id"));
    if (promptId == null) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, "ComfyUI accepted the workflow but sent no prompt id.", null);
    }
    return promptId;
  }

  /**
   * Waits for the prompt's history entry. Events from the websocket give progress and early failures; the
   * history is read in every round anyway, because it is written a moment after the last event and because
   * the websocket may be missing or drop.
   */
  private JsonNode follow(String promptId, Optional<ComfySocket> socket, Instant deadline, ProgressListener progress)
      throws ImageEngineException {
    ComfyEvents events = new ComfyEvents(promptId);
    Duration poll = http.timeouts().poll();
    while (Instant.now().isBefore(deadline)) {
      waitForEvents(socket, events, poll, progress);
      Optional<JsonNode> entry = history(promptId);
      if (entry.isPresent()) {
        return entry.get();
      }
    }
    // Not sent again: the prompt may still be in ComfyUI's queue behind other work, and a second copy would draw twice.
    stop(promptId);
    throw ImageEngineException.lasting(Failure.TIMEOUT, "ComfyUI did not finish the image within "
        + Automatic1111Engine.readable(http.timeouts().generation()) + "; it may still be busy with other work. Visionary took the prompt "
        + "off its queue and did not send it again; press Retry once the server is free.");
  }

  /**
   * Takes a prompt nobody will collect off ComfyUI's queue, and interrupts it if it is the one drawing (newer
   * builds interrupt only the prompt named in the body).
   */
  private void stop(String promptId) {
    ObjectNode delete = ProviderJson.object();
    delete.putArray("delete").add(promptId);
    http.sendAndForget(HttpRequest.newBuilder(RemoteUrls.resolve(base, "queue")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(delete))));
    http.sendAndForget(HttpRequest.newBuilder(RemoteUrls.resolve(base, "interrupt")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(ProviderJson.bytes(ProviderJson.object().put("prompt_id", promptId)))));
  }

  private void waitForEvents(Optional<ComfySocket> socket, ComfyEvents events, Duration poll, ProgressListener progress)
      throws ImageEngineException {
    try {
      if (socket.isEmpty() || !socket.get().isOpen()) {
        Thread.sleep(poll.toMillis());
        return;
      }
      Instant until = Instant.now().plus(poll);
      while (Instant.now().isBefore(until) && socket.get().isOpen()) {
        String message = socket.get().next(Duration.between(Instant.now(), until));
        if (message == null) {
          continue;
        }
        ComfyEvents.Update update = events.accept(message);
        switch (update.status()) {
          case FAILED -> throw ComfyErrors.executionFailed(update.error());
          case INTERRUPTED -> throw ComfyErrors.interrupted();
          case SUCCEEDED -> {
            return;
          }
          case RUNNING -> {
            if (update.progress() != null) {
              progress.progress(update.progress(), null);
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ImageEngineException.of(Failure.TIMEOUT, "Stopped waiting for ComfyUI because the job was interrupted.", null, e);
    }
  }

  /** The finished entry, or empty while ComfyUI still answers {@code {}}; a failed run throws. */
  private Optional<JsonNode> history(String promptId) throws ImageEngineException {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(RemoteUrls.resolve(base, "history/" + promptId)).GET());
    if (response.statusCode() != 200) {
      throw ComfyErrors.from(response);
    }
    JsonNode entry = ProviderJson.parse(response.body()).path(promptId);
    if (!entry.isObject()) {
      return Optional.empty();
    }
    JsonNode status = entry.path("status");
    if ("error".equals(status.path("status_str").asText())) {
      for (JsonNode message : status.path("messages")) {
        if ("execution_error".equals(message.path(0).asText())) {
          throw ComfyErrors.executionFailed(ComfyEvents.errorText(message.path(1)));
        }
        if ("execution_interrupted".equals(message.path(0).asText())) {
          throw ComfyErrors.interrupted();
        }
      }
      throw ComfyErrors.executionFailed("the run ended with an error");
    }
    boolean done = status.path("completed").asBoolean(false) || !entry.path("outputs").isEmpty();
    return done ? Optional.of(entry) : Optional.empty();
  }

  /** Saved images first; previews only when the workflow saves nothing (a custom one may just preview). */
  private static List<JsonNode> outputs(JsonNode entry) throws ImageEngineException {
    List<JsonNode> saved = new ArrayList<>();
    List<JsonNode> previews = new ArrayList<>();
    for (JsonNode node : entry.path("outputs")) {
      for (JsonNode image : node.path("images")) {
        ("output".equals(image.path("type").asText("output")) ? saved : previews).add(image);
      }
    }
    List<JsonNode> chosen = saved.isEmpty() ? previews : saved;
    if (chosen.isEmpty()) {
      throw ImageEngineException.of(Failure.BAD_REQUEST, "The ComfyUI workflow finished without producing an image; it needs a SaveImage node.");
    }
    return chosen;
  }

  private List<GeneratedImage> download(List<JsonNode> files, ImageRequest request) throws ImageEngineException {
    List<GeneratedImage> images = new ArrayList<>();
    for (JsonNode file : files) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("filename", file.path("filename").asText());
      query.put("subfolder", file.path("subfolder").asText(""));
      query.put("type", file.path("type").asText("output"));
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(RemoteUrls.resolve(base, "view", query)).GET());
      if (response.statusCode() != 200) {
        throw ImageEngineException.of(Failure.SERVER, "ComfyUI finished, but fetching " + query.get("filename") + " failed with HTTP "
            + response.statusCode() + ".", null, null);
      }
      // A batch is one latent drawn from one seed: the seed with the image's batch index reproduces it.
      GeneratedImage image = ImageBytes.image(PROVIDER, response.body(), request.width(), request.height(), request.seed() & Long.MAX_VALUE, null);
      Integer batchIndex = request.count() > 1 ? images.size() : null;
      images.add(new GeneratedImage(image.bytes(), image.width(), image.height(), image.seed(), null, image.mimeType(), null, batchIndex));
    }
    return images;
  }

  @Override
  public String toString() {
    return "ComfyUiEngine[" + RemoteUrls.display(base) + ", " + workflow.source() + "]";
  }
}
