package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One picture as AUTOMATIC1111, InvokeAI, ComfyUI and Fooocus (both of its schemes) record it in a PNG, each
 * chunk shaped as that tool writes it (see formats.md §2 and §4), imported over HTTP: every one gives the
 * same normalised parameters, on the import report, on the prompt page and in the stored prompt.
 */
class PngImportHttpTest {
  private static final String PROMPT = "a lighthouse on a cliff at dusk, dramatic sky, volumetric light";
  private static final String NEGATIVE = "blurry, watermark, lowres";

  /** What a person sees for every one of the files, whichever tool wrote it. */
  private static final List<String> SHOWN = List.of("Seed", "3141592653", "Steps", "30", "CFG scale", "6.5", "Sampler", "DPM++ 2M",
      "Scheduler", "Karras", "Size", "1152x896", "Model", "juggernautXL_v9");
  private static final String STORED = "{\"seed\":3141592653,\"steps\":30,\"cfg_scale\":6.5,\"sampler\":\"DPM++ 2M\","
      + "\"scheduler\":\"Karras\",\"width\":1152,\"height\":896,\"model\":\"juggernautXL_v9\"";

  static final String A1111 = PROMPT + "\nNegative prompt: " + NEGATIVE + "\n"
      + "Steps: 30, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 3141592653, Size: 1152x896,"
      + " Model hash: 1f3a0b6c2d, Model: juggernautXL_v9, Version: v1.10.1";

  static final String INVOKE = """
      {"generation_mode": "sdxl_txt2img", "positive_prompt": "%s", "negative_prompt": "%s", "width": 1152, "height": 896,\
       "seed": 3141592653, "rand_device": "cpu", "cfg_scale": 6.5, "cfg_rescale_multiplier": 0.0, "steps": 30,\
       "scheduler": "dpmpp_2m_k", "model": {"key": "4c1e0b1e-6a0f-4f3c-9d55-0c1f3f1b7a11",\
       "hash": "blake3:9b1fd0a7c4e2f36a5e8d2b7c1a09f4e3d6b8a1c2e5f7d9b0a3c6e8f1d4b7a2c5", "name": "juggernautXL_v9",\
       "base": "sdxl", "type": "main"}, "positive_style_prompt": "%1$s", "negative_style_prompt": "%2$s", "app_version": "5.4.3"}"""
      .formatted(PROMPT, NEGATIVE);

  static final String COMFY_PROMPT = """
      {"3": {"inputs": {"seed": 3141592653, "steps": 30, "cfg": 6.5, "sampler_name": "dpmpp_2m", "scheduler": "karras",\
       "denoise": 1.0, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]},\
       "class_type": "KSampler", "_meta": {"title": "KSampler"}},\
       "4": {"inputs": {"ckpt_name": "SDXL/juggernautXL_v9.safetensors"}, "class_type": "CheckpointLoaderSimple",\
       "_meta": {"title": "Load Checkpoint"}},\
       "5": {"inputs": {"width": 1152, "height": 896, "batch_size": 1}, "class_type": "EmptyLatentImage",\
       "_meta": {"title": "Empty Latent Image"}},\
       "6": {"inputs": {"text": "%s", "clip": ["4", 1]}, "class_type": "CLIPTextEncode", "_meta": {"title": "CLIP Text Encode (Prompt)"}},\
       "7": {"inputs": {"text": "%s", "clip": ["4", 1]}, "class_type": "CLIPTextEncode", "_meta": {"title": "CLIP Text Encode (Prompt)"}},\
       "8": {"inputs": {"samples": ["3", 0], "vae": ["4", 2]}, "class_type": "VAEDecode", "_meta": {"title": "VAE Decode"}},\
       "9": {"inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}, "class_type": "SaveImage", "_meta": {"title": "Save Image"}}}"""
      .formatted(PROMPT, NEGATIVE);

  /** The UI graph ComfyUI saves beside it, cut down to two nodes: Visionary keeps it but reads nothing from it. */
  static final String COMFY_WORKFLOW = """
      {"last_node_id": 9, "last_link_id": 9, "nodes": [{"id": 5, "type": "EmptyLatentImage", "pos": [473, 609],\
       "size": [315, 106], "flags": {}, "order": 0, "mode": 0, "outputs": [{"name": "LATENT", "type": "LATENT", "links": [2], "slot_index": 0}],\
       "properties": {"Node name for S&R": "EmptyLatentImage"}, "widgets_values": [1152, 896, 1]}, {"id": 4,\
       "type": "CheckpointLoaderSimple", "pos": [26, 474], "size": [315, 98], "flags": {}, "order": 1, "mode": 0,\
       "properties": {"Node name for S&R": "CheckpointLoaderSimple"}, "widgets_values": ["SDXL/juggernautXL_v9.safetensors"]}],\
       "links": [[2, 5, 0, 3, 3, "LATENT"]], "groups": [], "config": {}, "extra": {}, "version": 0.4}""";

  /** Fooocus's own scheme: sorted keys, the seed as a string, the size as a Python tuple (width, height). */
  static final String FOOOCUS_JSON = """
      {"adm_guidance": "(1.5, 0.8, 0.3)", "base_model": "juggernautXL_v9", "base_model_hash": "1f3a0b6c2d",\
       "full_negative_prompt": ["%2$s"], "full_prompt": ["%1$s"], "guidance_scale": 6.5, "loras": [],\
       "metadata_scheme": "fooocus", "negative_prompt": "%2$s", "performance": "Speed", "prompt": "%1$s",\
       "prompt_expansion": "", "refiner_model": "None", "refiner_switch": 0.5, "resolution": "(1152, 896)",\
       "sampler": "dpmpp_2m", "scheduler": "karras", "seed": "3141592653", "sharpness": 2.0, "steps": 30, "styles": "[]",\
       "vae": "Default (model)", "version": "Fooocus v2.5.5"}""".formatted(PROMPT, NEGATIVE);

  /** Fooocus's A1111 scheme: the schedule is part of the sampler's name, and repeated as its own Scheduler. */
  static final String FOOOCUS_A1111 = PROMPT + "\nNegative prompt: " + NEGATIVE + "\n"
      + "Steps: 30, Sampler: DPM++ 2M Karras, Seed: 3141592653, Size: 1152x896, CFG scale: 6.5, Sharpness: 2.0,"
      + " ADM Guidance: \"(1.5, 0.8, 0.3)\", Model: juggernautXL_v9, Model hash: 1f3a0b6c2d, Performance: Speed, Scheduler: karras,"
      + " VAE: Default (model), Raw prompt: \"" + PROMPT + "\", Raw negative prompt: \"" + NEGATIVE + "\", Version: Fooocus v2.5.5";

  private record Case(String tool, Map<String, String> chunks, String hash) {}

  private static List<Case> samePictureFromEveryTool() {
    return List.of(
        new Case("AUTOMATIC1111", Map.of("parameters", A1111), "1f3a0b6c2d"),
        new Case("InvokeAI", ordered("invokeai_metadata", INVOKE, "invokeai_graph", "{\"id\": \"sdxl_graph:2f3e\", \"nodes\": {}, \"edges\": []}"),
            "blake3:9b1fd0a7c4e2f36a5e8d2b7c1a09f4e3d6b8a1c2e5f7d9b0a3c6e8f1d4b7a2c5"),
        new Case("ComfyUI", ordered("prompt", COMFY_PROMPT, "workflow", COMFY_WORKFLOW), null),
        new Case("Fooocus", ordered("parameters", FOOOCUS_JSON, "fooocus_scheme", "fooocus"), "1f3a0b6c2d"),
        new Case("Fooocus", ordered("parameters", FOOOCUS_A1111, "fooocus_scheme", "a1111"), "1f3a0b6c2d"));
  }

  @Test
  void thePictureFromEveryToolGivesTheSameParametersOnTheReportThePageAndInTheLibrary() throws Exception {
    for (Case c : samePictureFromEveryTool()) {
      LibraryClient me = LibraryClient.signedIn("png" + c.tool().substring(0, 4).toLowerCase());
      HttpResponse<String> imported = TransferHttpTest.upload(me, "lighthouse.png", Pngs.withChunks(c.chunks()));
      assertEquals(200, imported.statusCode(), c.tool() + ": " + imported.body());
      String report = imported.body();
      assertTrue(report.contains("1 added"), c.tool());
      assertTrue(report.contains("read from " + c.tool() + " metadata"), c.tool() + " is named on the report");
      List<String> expected = new ArrayList<>(SHOWN);
      if (c.hash() != null) {
        expected.addAll(List.of("Model hash", c.hash()));
      }
      assertEquals(expected, shownParameters(report), c.tool() + " on the import report");

      String page = me.get(firstLink(report)).body();
      assertTrue(page.contains(PROMPT) && page.contains(NEGATIVE), c.tool());
      assertEquals(expected, shownParameters(page), c.tool() + " on the prompt page");
      assertTrue(page.contains("All the metadata from " + c.tool() + ", as the image held it"), c.tool() + ": the raw metadata is offered");
      for (Map.Entry<String, String> chunk : c.chunks().entrySet()) {
        assertTrue(page.contains(">" + chunk.getKey() + "</h3>"), c.tool() + " keeps its " + chunk.getKey() + " chunk");
      }

      JsonNode stored = Json.MAPPER.readTree(me.get("/export?format=json").body()).path("prompts").get(0);
      assertEquals(Json.MAPPER.readTree(STORED + (c.hash() == null ? "" : ",\"model_hash\":\"" + c.hash() + "\"") + "}"), stored.path("params"),
          c.tool() + ": stored under the same names");
    }
  }

  @Test
  void theRawMetadataKeepsWhatTheToolWroteAndOnlyItsOwnerSeesIt() {
    LibraryClient me = LibraryClient.signedIn("pngraw");
    String report = TransferHttpTest.upload(me, "comfy.png", Pngs.withChunks(ordered("prompt", COMFY_PROMPT, "workflow", COMFY_WORKFLOW))).body();
    String path = firstLink(report);
    String page = me.get(path).body();
    // The workflow's widget values (which no normalised parameter holds) are there, escaped as text.
    assertTrue(page.contains("&quot;widgets_values&quot;: [1152, 896, 1]"), page);
    me.post("/p/" + LibraryClient.idOf(path) + "/edit", "title", Slugs.suggestTitle("", PROMPT), "text", PROMPT, "negative", NEGATIVE, "target",
        "stable-diffusion", "visibility", "public", "version", "1", "params", "{\"seed\": 3141592653}");
    LibraryClient other = LibraryClient.signedIn("pngrawother");
    String theirs = other.get(path).body();
    assertTrue(theirs.contains(PROMPT), "the public prompt is readable");
    assertFalse(theirs.contains("widgets_values") || theirs.contains("data-testid=\"image-metadata\""), "but not its raw metadata");
  }

  @Test
  void aJsonExportCarriesTheRawMetadataToAnotherLibrary() throws Exception {
    LibraryClient me = LibraryClient.signedIn("pngexport");
    TransferHttpTest.upload(me, "comfy.png", Pngs.withChunks(ordered("prompt", COMFY_PROMPT, "workflow", COMFY_WORKFLOW)));
    String export = me.get("/export?format=json").body();
    JsonNode mine = Json.MAPPER.readTree(export).path("prompts").get(0);
    assertEquals("ComfyUI", mine.path("image_metadata").path("tool").asText());
    assertEquals(COMFY_WORKFLOW, mine.path("image_metadata").path("chunks").get(1).path("text").asText(), "the workflow as the file held it");

    LibraryClient friend = LibraryClient.signedIn("pngexportfriend");
    HttpResponse<String> imported = TransferHttpTest.upload(friend, "library.json", export.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(imported.body().contains("1 added"), imported.body());
    JsonNode theirs = Json.MAPPER.readTree(friend.get("/export?format=json").body()).path("prompts").get(0);
    assertEquals(mine.path("image_metadata"), theirs.path("image_metadata"));
    assertEquals(mine.path("params"), theirs.path("params"));

    String hostile = export.replace("\"tool\" : \"ComfyUI\"", "\"tool\" : \"<script>\"");
    LibraryClient third = LibraryClient.signedIn("pngexportthird");
    HttpResponse<String> refused = TransferHttpTest.upload(third, "library.json", hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(refused.body().contains("&quot;image_metadata&quot; must name its tool"), refused.body());
  }

  @Test
  void hostileMetadataGetsAClearMessageOrIsLeftOut() {
    LibraryClient me = LibraryClient.signedIn("pnghostile");
    // 200,000 open brackets: Jackson stops at its nesting limit (1000) instead of building the tree.
    HttpResponse<String> deep = TransferHttpTest.upload(me, "deep.png", Pngs.withChunks(Map.of("prompt", "[".repeat(200_000))));
    assertEquals(422, deep.statusCode());
    assertTrue(deep.body().contains("deep.png: The ComfyUI metadata (the &quot;prompt&quot; chunk) is not readable JSON: Document nesting depth"),
        deep.body());
    assertTrue(deep.body().contains("deep.png: no prompt found."));

    // A seed of 5,000 digits: past Jackson's number length limit, said plainly.
    String longNumber = INVOKE.replace("\"seed\": 3141592653", "\"seed\": 1" + "0".repeat(5000));
    HttpResponse<String> huge = TransferHttpTest.upload(me, "huge.png", Pngs.withChunks(Map.of("invokeai_metadata", longNumber)));
    assertEquals(422, huge.statusCode());
    assertTrue(huge.body().contains("The InvokeAI metadata (the &quot;invokeai_metadata&quot; chunk) is not readable JSON: Number value length"),
        huge.body());

    // Numbers JSON can hold but no tool could have used are left out; the rest is imported.
    String outOfRange = INVOKE.replace("\"seed\": 3141592653", "\"seed\": 123456789012345678901234567890")
        .replace("\"cfg_scale\": 6.5", "\"cfg_scale\": 1e308").replace("\"steps\": 30", "\"steps\": -3")
        .replace("\"width\": 1152", "\"width\": 1e9");
    HttpResponse<String> odd = TransferHttpTest.upload(me, "odd.png", Pngs.withChunks(Map.of("invokeai_metadata", outOfRange)));
    assertEquals(200, odd.statusCode(), odd.body());
    assertEquals(List.of("Sampler", "DPM++ 2M", "Scheduler", "Karras", "Model", "juggernautXL_v9", "Model hash",
        "blake3:9b1fd0a7c4e2f36a5e8d2b7c1a09f4e3d6b8a1c2e5f7d9b0a3c6e8f1d4b7a2c5"), shownParameters(odd.body()));

    // A scale finer than PostgreSQL's numeric can hold (eight characters of infotext) is rounded, not a 500.
    HttpResponse<String> tiny = TransferHttpTest.upload(me, "tiny.png", Pngs.withChunks(Map.of("parameters",
        A1111.replace("CFG scale: 6.5", "CFG scale: 1e-20000"))));
    assertEquals(200, tiny.statusCode(), tiny.body());
    assertTrue(shownParameters(tiny.body()).containsAll(List.of("CFG scale", "0")), tiny.body());
  }

  @Test
  void aComfyGraphWhoseLinksBranchIntoACycleIsReadInOneWalk() {
    // Every node's text, text_g, prompt and conditioning inputs all link to the next node, and the last
    // links back to the first: following every link without remembering visited nodes takes 3^hops steps.
    StringBuilder graph = new StringBuilder("{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 5, \"positive\": [\"n0\", 0],"
        + " \"model\": [\"n0\", 0], \"latent_image\": [\"n0\", 0]}}");
    for (int i = 0; i < 40; i++) {
      String next = "[\"n" + ((i + 1) % 40) + "\", 0]";
      graph.append(", \"n").append(i).append("\": {\"class_type\": \"Loop\", \"inputs\": {\"text\": ").append(next)
          .append(", \"text_g\": ").append(next).append(", \"prompt\": ").append(next).append(", \"conditioning\": ").append(next)
          .append(", \"model\": ").append(next).append(", \"samples\": ").append(next).append("}}");
    }
    graph.append(", \"t\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 7, \"positive\": [\"w\", 0]}},"
        + " \"w\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"a quiet harbour\"}}}");
    LibraryClient me = LibraryClient.signedIn("pngcycle");
    HttpResponse<String> imported = TransferHttpTest.upload(me, "loop.png", Pngs.withChunks(Map.of("prompt", graph.toString())));
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(List.of("Seed", "7"), shownParameters(imported.body()), "the sampler whose words can be found is the one read");
  }

  /** The dt/dd pairs of the first parameter list on a page, as text. */
  static List<String> shownParameters(String html) {
    Matcher list = Pattern.compile("<dl[^>]*class=\"params\"[^>]*>(.*?)</dl>", Pattern.DOTALL).matcher(html);
    assertTrue(list.find(), "no parameters shown");
    List<String> out = new ArrayList<>();
    Matcher item = Pattern.compile("<d[td]>([^<]*)</d[td]>").matcher(list.group(1));
    while (item.find()) {
      out.add(item.group(1));
    }
    return out;
  }

  static String firstLink(String reportHtml) {
    Matcher m = Pattern.compile("data-testid=\"imported-image\">\\s*<p><a href=\"(/p/[^\"]+)\"").matcher(reportHtml);
    assertTrue(m.find(), reportHtml);
    return m.group(1);
  }

  static Map<String, String> ordered(String... keywordsAndTexts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keywordsAndTexts.length; i += 2) {
      out.put(keywordsAndTexts[i], keywordsAndTexts[i + 1]);
    }
    return out;
  }
}
