package dev.visionary.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.json.Json;
import org.junit.jupiter.api.Test;

class ComfyGraphTest {

  private static ComfyGraph.Found read(String json) throws Exception {
    return ComfyGraph.read(Json.MAPPER.readTree(json)).orElseThrow();
  }

  @Test
  void aHiresGraphIsReadFromItsFirstPassThroughLoraLoadersAndASeedNode() throws Exception {
    // Base pass: KSamplerAdvanced on an EmptyLatentImage; its seed comes from a seed node, its model
    // through a LoRA loader. Second pass: LatentUpscale of the first pass, then a KSampler. ComfyUI's
    // API graph lists nodes by id, so the second pass comes first here.
    String graph = """
        {"20": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 12, "cfg": 5, "sampler_name": "euler", "scheduler": "normal",
                "denoise": 0.5, "model": ["11", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["19", 0]}},
         "19": {"class_type": "LatentUpscale", "inputs": {"upscale_method": "nearest-exact", "width": 2048, "height": 1536,
                "crop": "disabled", "samples": ["3", 0]}},
         "3": {"class_type": "KSamplerAdvanced", "inputs": {"add_noise": "enable", "noise_seed": ["15", 0], "steps": 25, "cfg": 7.0,
               "sampler_name": "dpmpp_2m_sde_gpu", "scheduler": "exponential", "start_at_step": 0, "end_at_step": 10000,
               "return_with_leftover_noise": "disable", "model": ["11", 0], "positive": ["6", 0], "negative": ["7", 0],
               "latent_image": ["5", 0]}},
         "15": {"class_type": "Seed (rgthree)", "inputs": {"seed": 18446744073709551615}},
         "11": {"class_type": "LoraLoader", "inputs": {"lora_name": "detail.safetensors", "strength_model": 0.8, "strength_clip": 0.8,
                "model": ["4", 0], "clip": ["4", 1]}},
         "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd15\\\\dreamshaper_8.ckpt"}},
         "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 768, "batch_size": 4}},
         "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "an old map of a coast", "clip": ["11", 1]}},
         "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["11", 1]}}}
        """;
    ComfyGraph.Found found = read(graph);
    assertEquals("an old map of a coast", found.prompt());
    assertEquals("{\"seed\":18446744073709551615,\"steps\":25,\"cfg_scale\":7,\"sampler\":\"DPM++ 2M SDE\",\"scheduler\":\"Exponential\","
        + "\"width\":512,\"height\":768,\"batch_size\":4,\"model\":\"dreamshaper_8\"}", found.parameters().toJson().toString());
  }

  @Test
  void aFluxGraphIsReadThroughItsGuiderNoiseSamplerAndSchedulerNodes() throws Exception {
    // ComfyUI's Flux example in API format: SamplerCustomAdvanced with BasicGuider, FluxGuidance, RandomNoise,
    // KSamplerSelect, BasicScheduler, UNETLoader and EmptySD3LatentImage.
    String graph = """
        {"13": {"class_type": "SamplerCustomAdvanced", "inputs": {"noise": ["25", 0], "guider": ["22", 0], "sampler": ["16", 0],
                "sigmas": ["17", 0], "latent_image": ["27", 0]}},
         "25": {"class_type": "RandomNoise", "inputs": {"noise_seed": 219670278747233}},
         "22": {"class_type": "BasicGuider", "inputs": {"model": ["12", 0], "conditioning": ["26", 0]}},
         "26": {"class_type": "FluxGuidance", "inputs": {"guidance": 3.5, "conditioning": ["6", 0]}},
         "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a fox reading a map", "clip": ["11", 0]}},
         "16": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
         "17": {"class_type": "BasicScheduler", "inputs": {"scheduler": "simple", "steps": 20, "denoise": 1, "model": ["12", 0]}},
         "12": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux1-dev.safetensors", "weight_dtype": "default"}},
         "27": {"class_type": "EmptySD3LatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}}}
        """;
    ComfyGraph.Found found = read(graph);
    assertEquals("a fox reading a map", found.prompt());
    assertEquals("{\"seed\":219670278747233,\"steps\":20,\"sampler\":\"Euler\",\"scheduler\":\"Simple\",\"width\":1024,"
        + "\"height\":1024,\"model\":\"flux1-dev\"}", found.parameters().toJson().toString());
  }

  @Test
  void manySamplersSharingOneLongChainStayWithinTheVisitBudget() throws Exception {
    // 5,000 samplers whose positive input enters the same 1,000-node chain with no words at its end: each
    // walk stops after MAX_HOPS, and all of them together after MAX_VISITS.
    StringBuilder graph = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      graph.append("\"c").append(i).append("\": {\"class_type\": \"ConditioningCombine\", \"inputs\": {\"conditioning_1\": [\"c")
          .append(i + 1).append("\", 0]}},");
    }
    for (int i = 0; i < 5000; i++) {
      graph.append("\"s").append(i).append("\": {\"class_type\": \"KSampler\", \"inputs\": {\"positive\": [\"c").append(i % 10).append("\", 0]}},");
    }
    graph.append("\"last\": {\"class_type\": \"KSampler\", \"inputs\": {\"positive\": [\"w\", 0]}},"
        + " \"w\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"found late\"}}}");
    assertTrue(ComfyGraph.read(Json.MAPPER.readTree(graph.toString())).isEmpty(),
        "the budget ran out before the last sampler, so nothing is read rather than the walk running on");
  }

  @Test
  void samplerNamesFromEveryToolBecomeAutomatic1111Labels() {
    assertEquals(new SamplerNames.Named("DPM++ 2M", "Karras"), SamplerNames.normalise("dpmpp_2m", "karras"));
    assertEquals(new SamplerNames.Named("DPM++ 2M", "Karras"), SamplerNames.normalise("dpmpp_2m_k", null), "InvokeAI");
    assertEquals(new SamplerNames.Named("Euler a", null), SamplerNames.normalise("euler_a", null), "InvokeAI");
    assertEquals(new SamplerNames.Named("DPM++ 2M SDE", "Karras"), SamplerNames.normalise("DPM++ 2M SDE Karras", null), "old A1111 infotext");
    assertEquals(new SamplerNames.Named("DPM++ 2M", "SGM Uniform"), SamplerNames.normalise("DPM++ 2M SGM Uniform", null));
    assertEquals(new SamplerNames.Named("Euler a", "Automatic"), SamplerNames.normalise("Euler a", "Automatic"));
    assertEquals(new SamplerNames.Named("my_custom_sampler", "ddim_uniform"), SamplerNames.normalise("my_custom_sampler", "ddim_uniform"),
        "names no tool list are kept as written");
  }

  @Test
  void sizesAndNumbersAreReadAsEachToolWritesThem() {
    assertEquals("{\"width\":1152,\"height\":896}", new ImageParameters().size("(1152, 896)").toJson().toString(), "Fooocus, width first");
    assertEquals("{\"width\":832,\"height\":1216}", new ImageParameters().size("832x1216").toJson().toString(), "AUTOMATIC1111");
    assertEquals("{\"cfg_scale\":7}", new ImageParameters().cfgScale("7.0").toJson().toString());
    assertTrue(new ImageParameters().seed("-1").cfgScale("1e999999999").steps("0").size("0x0").size("(1152)").isEmpty());
  }
}
