package dev.visionary.generate.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.engine.ImageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteEnginesTest {

  @Test
  void nothingConfiguredMeansNoRemoteEngines() {
    assertEquals(List.of(), RemoteEngines.fromEnvironment(Map.of()));
    assertEquals(List.of(), RemoteEngines.fromEnvironment(Map.of("OPENAI_API_KEY", "  ", "A1111_URL", "")));
  }

  @Test
  void buildsOnlyTheConfiguredEnginesWithTheirDefaults() {
    List<ImageEngine> engines = RemoteEngines.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-live-abcdefghijklmnop", "RUNWAY_API_KEY", "key_abcdefghijkl"));
    assertEquals(List.of("openai", "runway"), engines.stream().map(ImageEngine::id).toList());
    OpenAiImageEngine openAi = (OpenAiImageEngine) engines.get(0);
    assertEquals("gpt-image-1", openAi.defaultModel());
    assertTrue(openAi.toString().contains("https://api.openai.com"), openAi.toString());
    assertTrue(engines.get(1).toString().contains("https://api.dev.runwayml.com"), engines.get(1).toString());
  }

  @Test
  void everyEngineCanBeConfiguredAndNoneShowsItsSecrets(@TempDir Path dir) throws Exception {
    Path workflow = dir.resolve("workflow.json");
    Files.writeString(workflow, "{\"9\":{\"class_type\":\"SaveImage\",\"inputs\":{\"filename_prefix\":\"x\",\"images\":[\"8\",0]}}}");
    Map<String, String> env = Map.of(
        "OPENAI_API_KEY", "sk-live-abcdefghijklmnop", "OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", "OPENAI_IMAGE_MODEL", "dall-e-3",
        "A1111_URL", "http://bob:hunter22@127.0.0.1:7860", "COMFYUI_URL", "http://127.0.0.1:8188", "COMFYUI_WORKFLOW", workflow.toString(),
        "RUNWAY_API_KEY", "key_abcdefghijkl", "RUNWAY_BASE_URL", "http://127.0.0.1:9999");
    List<ImageEngine> engines = RemoteEngines.fromEnvironment(env, OpenAiImageEngineTest.FAST);
    assertEquals(List.of("openai", "automatic1111", "comfyui", "runway"), engines.stream().map(ImageEngine::id).toList());
    assertEquals("dall-e-3", ((OpenAiImageEngine) engines.get(0)).defaultModel());
    String printed = engines.toString();
    for (String secret : List.of("sk-live-abcdefghijklmnop", "hunter22", "key_abcdefghijkl")) {
      assertFalse(printed.contains(secret), printed);
    }
  }

  @Test
  void wrongSettingsStopStartUpWithAMessageThatNamesTheVariable() {
    IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
        () -> RemoteEngines.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-live-abcdefghijklmnop", "OPENAI_IMAGE_MODEL", "dall-e-4")));
    assertTrue(model.getMessage().startsWith("OPENAI_IMAGE_MODEL"), model.getMessage());

    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> RemoteEngines.fromEnvironment(Map.of("A1111_URL", "127.0.0.1:7860")));
    assertTrue(url.getMessage().startsWith("A1111_URL"), url.getMessage());

    IllegalArgumentException workflow = assertThrows(IllegalArgumentException.class,
        () -> RemoteEngines.fromEnvironment(Map.of("COMFYUI_URL", "http://127.0.0.1:8188", "COMFYUI_WORKFLOW", "/nonexistent/flow.json")));
    assertTrue(workflow.getMessage().startsWith("COMFYUI_WORKFLOW"), workflow.getMessage());
  }
}
