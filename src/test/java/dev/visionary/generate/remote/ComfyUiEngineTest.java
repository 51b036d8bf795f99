package dev.visionary.generate.remote;

import dev.visionary.provider.Failure;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestImages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.generate.engine.ImageRequest;
import dev.visionary.generate.engine.ProgressListener;
import dev.visionary.support.FakeServer.Reply;
import java.awt.Color;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComfyUiEngineTest {

  private static final String PROMPT_ID = "5f0c6f5e-3b1a-4d7e-9b7a-2f3e1c9d8a01";
  private static final ImageRequest REQUEST = new ImageRequest("a \"quoted\" beach sunset", "blurry", 832, 1216, 1, 987654321L,
      "dreamshaper_8.safetensors", null, null, 25, 6.0, "dpmpp_2m", "karras");

  private final FakeServer server = FakeServer.start();
  private final byte[] png = TestImages.png(832, 1216, Color.ORANGE);

  @AfterEach
  void stop() {
    server.close();
  }

  private ComfyUiEngine engine(Path workflow) {
    return new ComfyUiEngine(server.uri(), workflow, OpenAiImageEngineTest.FAST);
  }

  /** /prompt accepts, /history answers {} twice (still running) and then the finished entry, /view serves the file. */
  private void finishedRunAfterTwoPolls() {
    server.on("POST", "/prompt", r -> Reply.json(200, "{\"prompt_id\":\"" + PROMPT_ID + "\",\"number\":3,\"node_errors\":{}}"));
    AtomicInteger polls = new AtomicInteger();
    server.on("GET", "/history/" + PROMPT_ID, r -> polls.incrementAndGet() <= 2 ? Reply.json(200, "{}") : Reply.json(200,
        "{\"" + PROMPT_ID + "\":{\"prompt\":[3,\"" + PROMPT_ID + "\",{},{\"client_id\":\"x\"},[\"9\"]],"
            + "\"outputs\":{\"9\":{\"images\":[{\"filename\":\"visionary 00001_.png\",\"subfolder\":\"sunsets/day 1\",\"type\":\"output\"}]}},"
            + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[[\"execution_start\",{\"prompt_id\":\"" + PROMPT_ID
            + "\",\"timestamp\":1724236800000}],[\"execution_success\",{\"prompt_id\":\"" + PROMPT_ID + "\",\"timestamp\":1724236805000}]]},"
            + "\"meta\":{\"9\":{\"node_id\":\"9\",\"display_node\":\"9\",\"parent_node\":null,\"real_node_id\":\"9\"}}}}"));
    server.on("GET", "/view", r -> Reply.bytes("image/png", png));
  }

  @Test
  void queuesTheFilledWorkflowPollsHistoryWithoutAWebsocketAndFetchesTheFile() throws Exception {
    finishedRunAfterTwoPolls();

    List<GeneratedImage> images = engine(null).generate(REQUEST, ProgressListener.NONE);

    JsonNode body = server.requests("/prompt").get(0).json();
    assertFalse(body.get("client_id").asText().isBlank());
    JsonNode graph = body.get("prompt");
    assertEquals("a \"quoted\" beach sunset", graph.at("/6/inputs/text").asText());
    assertEquals("blurry", graph.at("/7/inputs/text").asText());
    assertTrue(graph.at("/3/inputs/seed").isIntegralNumber());
    assertEquals(987654321L, graph.at("/3/inputs/seed").asLong());
    assertEquals(25, graph.at("/3/inputs/steps").asInt());
    assertEquals(6.0, graph.at("/3/inputs/cfg").asDouble());
    assertEquals("dpmpp_2m", graph.at("/3/inputs/sampler_name").asText());
    assertEquals("karras", graph.at("/3/inputs/scheduler").asText());
    assertEquals(832, graph.at("/5/inputs/width").asInt());
    assertEquals(1216, graph.at("/5/inputs/height").asInt());
    assertEquals(1, graph.at("/5/inputs/batch_size").asInt());
    assertEquals("dreamshaper_8.safetensors", graph.at("/4/inputs/ckpt_name").asText());
    assertEquals("4", graph.at("/3/inputs/model/0").asText(), "links stay links");

    assertEquals(3, server.requests("/history/" + PROMPT_ID).size());
    String query = server.requests("/view").get(0).query();
    assertTrue(query.contains("filename=visionary+00001_.png") || query.contains("filename=visionary%2000001_.png"), query);
    assertEquals("sunsets/day 1", URLDecoder.decode(query.replaceAll(".*subfolder=([^&]*).*", "$1"), StandardCharsets.UTF_8));
    assertTrue(query.contains("type=output"), query);
    assertArrayEquals(png, images.get(0).bytes());
    assertEquals(987654321L, images.get(0).seed());
  }

  @Test
  void aBatchSharesOneSeedSoEachImageRecordsThatSeedAndItsBatchIndex() throws Exception {
    server.on("POST", "/prompt", r -> Reply.json(200, "{\"prompt_id\":\"" + PROMPT_ID + "\",\"number\":1,\"node_errors\":{}}"));
    server.on("GET", "/history/" + PROMPT_ID, r -> Reply.json(200, "{\"" + PROMPT_ID + "\":{\"prompt\":[],\"outputs\":{\"9\":{\"images\":["
        + "{\"filename\":\"visionary_00001_.png\",\"subfolder\":\"\",\"type\":\"output\"},"
        + "{\"filename\":\"visionary_00002_.png\",\"subfolder\":\"\",\"type\":\"output\"}]}},"
        + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[]},\"meta\":{}}}"));
    server.on("GET", "/view", r -> Reply.bytes("image/png", png));
    ImageRequest two = dev.visionary.generate.ImageRequests.withCount(REQUEST, 2);

    List<GeneratedImage> images = engine(null).generate(two, ProgressListener.NONE);

    assertEquals(2, server.requests("/prompt").get(0).json().at("/prompt/5/inputs/batch_size").asInt());
    assertEquals(List.of(987654321L, 987654321L), images.stream().map(GeneratedImage::seed).toList(),
        "one latent batch from one seed: seed+1 would draw a different picture");
    assertEquals(java.util.Arrays.asList(0, 1), images.stream().map(GeneratedImage::batchIndex).toList());
    String second = two.infotext(ComfyUiEngine.ID, images.get(1)).format();
    assertTrue(second.contains("Seed: 987654321, Size: 832x1216, Model: dreamshaper_8.safetensors, Batch size: 2, Batch pos: 1"), second);
  }

  @Test
  void listsCheckpointsFromTheLoaderAndSamplersAndSchedulersFromKSampler() throws Exception {
    server.on("GET", "/object_info/CheckpointLoaderSimple", r -> Reply.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":"
        + "{\"ckpt_name\":[[\"dreamshaper_8.safetensors\",\"sd_xl_base_1.0.safetensors\"],{}]}}}}"));
    // The newer COMBO shape: ["COMBO", {"options": [...]}].
    server.on("GET", "/object_info/KSampler", r -> Reply.json(200, "{\"KSampler\":{\"input\":{\"required\":{"
        + "\"seed\":[\"INT\",{\"default\":0}],\"steps\":[\"INT\",{\"default\":20,\"min\":1,\"max\":10000}],"
        + "\"sampler_name\":[\"COMBO\",{\"options\":[\"euler\",\"dpmpp_2m\"]}],"
        + "\"scheduler\":[\"COMBO\",{\"options\":[\"normal\",\"karras\"]}]}}}}"));

    dev.visionary.generate.engine.ServerChoices lists = engine(null).serverChoices();

    assertEquals(List.of("dreamshaper_8.safetensors", "sd_xl_base_1.0.safetensors"), lists.models());
    assertEquals(List.of("euler", "dpmpp_2m"), lists.samplers());
    assertEquals(List.of("normal", "karras"), lists.schedulers());
  }

  @Test
  void withoutAChosenModelTheFirstInstalledCheckpointIsUsed() throws Exception {
    finishedRunAfterTwoPolls();
    server.on("GET", "/object_info/CheckpointLoaderSimple", r -> Reply.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":"
        + "{\"ckpt_name\":[[\"sd_xl_base_1.0.safetensors\",\"v1-5-pruned-emaonly.safetensors\"],{\"tooltip\":\"The name of the checkpoint\"}]}},"
        + "\"output\":[\"MODEL\",\"CLIP\",\"VAE\"],\"name\":\"CheckpointLoaderSimple\",\"category\":\"loaders\"}}"));

    engine(null).generate(new ImageRequest("a lake", null, 512, 512, 1, 1L, null, null, null, null, null, null, null), ProgressListener.NONE);

    JsonNode graph = server.requests("/prompt").get(0).json().get("prompt");
    assertEquals("sd_xl_base_1.0.safetensors", graph.at("/4/inputs/ckpt_name").asText());
    assertEquals(20, graph.at("/3/inputs/steps").asInt());
  }

  @Test
  void aMissingCheckpointIsAnInvalidRequestThatNamesIt() {
    server.on("POST", "/prompt", r -> Reply.json(400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\","
        + "\"message\":\"Prompt outputs failed validation\",\"details\":\"\",\"extra_info\":{}},\"node_errors\":{\"4\":{\"errors\":["
        + "{\"type\":\"value_not_in_list\",\"message\":\"Value not in list\",\"details\":\"ckpt_name: 'dreamshaper_8.safetensors' not in "
        + "['sd_xl_base_1.0.safetensors']\",\"extra_info\":{\"input_name\":\"ckpt_name\",\"input_config\":[[\"sd_xl_base_1.0.safetensors\"]],"
        + "\"received_value\":\"dreamshaper_8.safetensors\"}}],\"dependent_outputs\":[\"9\"],\"class_type\":\"CheckpointLoaderSimple\"}}}"));

    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine(null).generate(REQUEST, ProgressListener.NONE));

    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertEquals("ComfyUI refused the workflow: CheckpointLoaderSimple: Value not in list: ckpt_name: 'dreamshaper_8.safetensors' "
        + "not in ['sd_xl_base_1.0.safetensors']", e.getMessage());
  }

  @Test
  void aFailedRunReportsTheServersExceptionMessage() {
    server.on("POST", "/prompt", r -> Reply.json(200, "{\"prompt_id\":\"" + PROMPT_ID + "\",\"number\":1,\"node_errors\":{}}"));
    server.on("GET", "/history/" + PROMPT_ID, r -> Reply.json(200, "{\"" + PROMPT_ID + "\":{\"prompt\":[],\"outputs\":{},"
        + "\"status\":{\"status_str\":\"error\",\"completed\":false,\"messages\":[[\"execution_start\",{\"prompt_id\":\"" + PROMPT_ID + "\"}],"
        + "[\"execution_error\",{\"prompt_id\":\"" + PROMPT_ID + "\",\"node_id\":\"3\",\"node_type\":\"KSampler\",\"executed\":[\"4\"],"
        + "\"exception_message\":\"Expected all tensors to be on the same device\",\"exception_type\":\"RuntimeError\","
        + "\"traceback\":[\"...\"],\"current_inputs\":{},\"current_outputs\":{}}]]},\"meta\":{}}}"));

    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine(null).generate(REQUEST, ProgressListener.NONE));

    assertEquals(Failure.BAD_REQUEST, e.kind());
    assertEquals("ComfyUI failed while drawing: KSampler: Expected all tensors to be on the same device", e.getMessage());
  }

  @Test
  void aCustomWorkflowFileHasItsPlaceholdersFilled(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("flux.json");
    Files.writeString(file, "{\"10\":{\"class_type\":\"UNETLoader\",\"inputs\":{\"unet_name\":\"flux1-dev.safetensors\",\"weight_dtype\":\"default\"}},"
        + "\"11\":{\"class_type\":\"CLIPTextEncode\",\"inputs\":{\"text\":\"cinematic still, {{prompt}}, 35mm\",\"clip\":[\"12\",0]}},"
        + "\"13\":{\"class_type\":\"RandomNoise\",\"inputs\":{\"noise_seed\":\"{{seed}}\"}},"
        + "\"14\":{\"class_type\":\"EmptySD3LatentImage\",\"inputs\":{\"width\":\"{{width}}\",\"height\":\"{{ height }}\",\"batch_size\":1}},"
        + "\"9\":{\"class_type\":\"SaveImage\",\"inputs\":{\"filename_prefix\":\"flux\",\"images\":[\"15\",0]}}}");
    finishedRunAfterTwoPolls();

    engine(file).generate(REQUEST, ProgressListener.NONE);

    JsonNode graph = server.requests("/prompt").get(0).json().get("prompt");
    assertEquals("cinematic still, a \"quoted\" beach sunset, 35mm", graph.at("/11/inputs/text").asText());
    assertEquals(987654321L, graph.at("/13/inputs/noise_seed").asLong());
    assertTrue(graph.at("/14/inputs/width").isInt());
    assertEquals(1216, graph.at("/14/inputs/height").asInt());
    assertEquals("flux1-dev.safetensors", graph.at("/10/inputs/unet_name").asText());
    assertTrue(server.requests("/object_info/CheckpointLoaderSimple").isEmpty(), "this workflow names no checkpoint placeholder");
  }

  @Test
  void aWorkflowNotInApiFormatIsRefusedAtStartUp(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ui-format.json");
    Files.writeString(file, "{\"last_node_id\":9,\"nodes\":[{\"id\":3,\"type\":\"KSampler\"}],\"links\":[]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine(file));
    assertTrue(e.getMessage().contains("API format"), e.getMessage());
  }

  @Test
  void anUnreachableServerIsTransient() {
    ComfyUiEngine engine = new ComfyUiEngine(URI.create("http://127.0.0.1:9"), null, OpenAiImageEngineTest.FAST);
    ImageEngineException e = assertThrows(ImageEngineException.class, () -> engine.generate(REQUEST, ProgressListener.NONE));
    assertTrue(e.retryable());
  }
}
