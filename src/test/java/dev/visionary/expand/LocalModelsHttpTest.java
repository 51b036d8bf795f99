package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Model servers on this computer found without configuration, and /settings naming a configured model the server
 * does not have before the first expansion fails. The probe addresses point at fake servers on free ports.
 */
class LocalModelsHttpTest {
  /** Ollama's GET /api/tags, as Ollama answers it: one chat model and one embedding model installed. */
  static final String TAGS = """
      {"models":[
       {"name":"qwen2.5:7b","model":"qwen2.5:7b","modified_at":"2026-05-01T10:00:00.123456789+02:00","size":4683087332,
        "digest":"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
        "details":{"parent_model":"","format":"gguf","family":"qwen2","families":["qwen2"],"parameter_size":"7.6B","quantization_level":"Q4_K_M"}},
       {"name":"nomic-embed-text:latest","model":"nomic-embed-text:latest","modified_at":"2026-04-01T10:00:00+02:00","size":274302450,
        "digest":"0a109f422b47e3a30ba2b10eca18548e944e8a23073ee3f3e947efcf3c45e59f",
        "details":{"parent_model":"","format":"gguf","family":"nomic-bert","families":["nomic-bert"],"parameter_size":"137M","quantization_level":"F16"}}]}""";

  /** Ollama's GET /v1/models (its OpenAI-compatible list) for the same installation. */
  static final String OLLAMA_V1_MODELS = """
      {"object":"list","data":[{"id":"qwen2.5:7b","object":"model","created":1746086400,"owned_by":"library"},
       {"id":"nomic-embed-text:latest","object":"model","created":1743494400,"owned_by":"library"}]}""";

  /** Nothing listens here: the fake servers below answer 404 to every path they were not given. */
  private static Map<String, String> discovery(FakeServer ollama, FakeServer lmStudio, String... more) {
    Map<String, String> env = new HashMap<>(Map.of("LOCAL_MODEL_DISCOVERY", "on", "LOCAL_OLLAMA_URL", ollama.uri().toString(),
        "LOCAL_LMSTUDIO_URL", lmStudio.uri().toString()));
    for (int i = 0; i < more.length; i += 2) {
      env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static Http signedIn(App app) {
    Http http = new Http("http://localhost:" + app.port());
    Accounts.signedIn(http, "local");
    return http;
  }

  @Test
  void anOllamaFoundWithoutItsModelIsNamedMissingOnSettingsAndNotOffered() {
    try (FakeServer ollama = FakeServer.start().on("GET", "/api/tags", r -> FakeServer.Reply.json(200, TAGS));
         FakeServer nothing = FakeServer.start();
         App app = TestServer.startApp(discovery(ollama, nothing, "OLLAMA_MODEL", "llama3.2"))) {
      Http http = signedIn(app);
      String settings = http.get("/settings").body();
      assertTrue(settings.contains("Model llama3.2 is not installed — run `ollama pull llama3.2`."), settings);
      assertTrue(settings.contains("Model missing"), settings);
      assertTrue(settings.contains("qwen2.5:7b"), "the models it has are listed: " + settings);
      assertFalse(settings.contains("nomic-embed-text"), "an embedding model is no chat engine");
      assertTrue(settings.contains("Nothing answered on 127.0.0.1:" + nothing.uri().getPort()), "LM Studio is not there: " + settings);
      String studio = http.get("/").body();
      assertFalse(studio.contains("value=\"local-ollama\""), "an Ollama without the model is not offered");
    }
  }

  @Test
  void anOllamaFoundWithOnlyAnEmbeddingModelSaysToPullAChatModel() {
    String embeddingOnly = "{\"models\":[{\"name\":\"nomic-embed-text:latest\",\"model\":\"nomic-embed-text:latest\","
        + "\"modified_at\":\"2026-04-01T10:00:00+02:00\",\"size\":274302450,\"digest\":\"0a109f422b47\","
        + "\"details\":{\"format\":\"gguf\",\"family\":\"nomic-bert\",\"families\":[\"nomic-bert\"],\"parameter_size\":\"137M\",\"quantization_level\":\"F16\"}}]}";
    try (FakeServer ollama = FakeServer.start().on("GET", "/api/tags", r -> FakeServer.Reply.json(200, embeddingOnly));
         FakeServer nothing = FakeServer.start();
         App app = TestServer.startApp(discovery(ollama, nothing))) {
      Http http = signedIn(app);
      String settings = http.get("/settings").body();
      assertTrue(settings.contains("Ollama answered but has no chat model installed: run `ollama pull llama3.2`."), settings);
      assertFalse(http.get("/").body().contains("value=\"local-ollama\""));
    }
  }

  @Test
  void aConfiguredOllamaWithoutItsModelIsNotCalledReady() {
    try (FakeServer ollama = FakeServer.start().on("GET", "/v1/models", r -> FakeServer.Reply.json(200, OLLAMA_V1_MODELS));
         App app = TestServer.startApp(Map.of("OLLAMA_URL", ollama.uri().toString(), "OLLAMA_MODEL", "llama3.2"))) {
      String settings = signedIn(app).get("/settings").body();
      assertTrue(settings.contains("Model llama3.2 is not installed — run `ollama pull llama3.2`."), settings);
      assertFalse(settings.contains(">Ready.<"), "only the built-in engine says Ready: " + settings);
    }
  }

  @Test
  void aConfiguredOllamaModelWithoutItsTagIsTheLatestOne() {
    try (FakeServer ollama = FakeServer.start().on("GET", "/v1/models", r -> FakeServer.Reply.json(200,
        "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2:latest\",\"object\":\"model\",\"created\":1746086400,\"owned_by\":\"library\"}]}"));
         App app = TestServer.startApp(Map.of("OLLAMA_URL", ollama.uri().toString(), "OLLAMA_MODEL", "llama3.2"))) {
      String settings = signedIn(app).get("/settings").body();
      assertTrue(settings.contains(">Ready.<"), settings);
      assertFalse(settings.contains("not installed"), settings);
    }
  }

  @Test
  void anOpenAiCompatibleServerWithoutTheConfiguredModelIsNamedOnSettings() {
    try (FakeServer server = FakeServer.start().on("GET", "/v1/models", r -> FakeServer.Reply.json(200,
        "{\"object\":\"list\",\"data\":[{\"id\":\"mistral-7b-instruct\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"organization_owner\"}]}"));
         App app = TestServer.startApp(Map.of("OPENAI_BASE_URL", server.uri() + "/v1", "OPENAI_CHAT_MODEL", "gpt-4o-mini"))) {
      String settings = signedIn(app).get("/settings").body();
      assertTrue(settings.contains("Model gpt-4o-mini is not offered by this server"), settings);
      assertTrue(settings.contains("mistral-7b-instruct"), settings);
    }
  }

  @Test
  void lmStudioFoundWithAChatModelIsOfferedInTheStudioAndExpands() throws Exception {
    try (FakeOpenAi lmStudio = new FakeOpenAi().answering("a quiet harbour at dawn, mist over still water, fishing boats, soft pastel light");
         FakeServer nothing = FakeServer.start();
         App app = TestServer.startApp(Map.of("LOCAL_MODEL_DISCOVERY", "on", "LOCAL_OLLAMA_URL", nothing.uri().toString(),
             "LOCAL_LMSTUDIO_URL", lmStudio.uri().toString()))) {
      Http http = signedIn(app);
      String settings = http.get("/settings").body();
      assertTrue(settings.contains("LM Studio, found locally"), settings);
      String studio = http.get("/").body();
      assertTrue(studio.contains("LM Studio, found locally (gpt-4o-mini)"), studio);
      String id = ExpansionHttpTest.expand(http, ExpansionHttpTest.form(Accounts.csrf(http, "/"), "engine", "local-lmstudio", "count", "1"));
      String page = http.get("/x/" + id).body();
      assertTrue(page.contains("a quiet harbour at dawn"), page);
      assertEquals(1, lmStudio.requests());
    }
  }
}
