package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.visionary.config.Config;
import dev.visionary.support.Accounts;
import dev.visionary.support.AppProcess;
import dev.visionary.support.FakeServer;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Visionary started as a person starts it, with no language model configured, on a computer where Ollama runs at its
 * usual address: the Studio offers it and an expansion runs through Ollama's own chat API. This is the only test that
 * binds 127.0.0.1:11434.
 */
class LocalOllamaIT {
  private static final List<String> PROMPTS = List.of(
      "a lighthouse on a basalt cliff in a winter storm, waves breaking white, one warm window, dusk",
      "a red lighthouse seen from a fishing boat in heavy rain, lamp beam cutting the spray",
      "an abandoned lighthouse at low tide, rusted gallery, gulls, overcast morning light");

  @Test
  void anOllamaOnItsUsualPortIsOfferedInTheStudioAndExpandsWithoutConfiguration() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "DATABASE_URL", TestServer.freshDatabaseUrl()));
    // Blank is unset: whatever the machine running the tests has configured, this app has no language model.
    Config.PROVIDER_VARIABLES.forEach(name -> env.put(name, ""));
    env.put("LOCAL_OLLAMA_URL", "");
    env.put("LOCAL_MODEL_DISCOVERY", "");
    try (FakeServer ollama = FakeServer.startOn(11434)
             .on("GET", "/api/version", r -> FakeServer.Reply.json(200, "{\"version\":\"0.12.6\"}"))
             .on("GET", "/api/tags", r -> FakeServer.Reply.json(200, LocalModelsHttpTest.TAGS))
             .stream("POST", "/api/chat", LocalOllamaIT::chat);
         AppProcess app = AppProcess.start(env)) {
      Http http = new Http("http://localhost:" + app.awaitPort(Duration.ofSeconds(90)));
      Accounts.signedIn(http, "ollama");

      String studio = http.get("/").body();
      assertTrue(studio.contains("<option value=\"local-ollama\">Ollama, found locally (qwen2.5:7b)</option>"),
          () -> "the Studio offers the Ollama it found; the app's log:\n" + String.join("\n", app.output()));

      String id = ExpansionHttpTest.expand(http, ExpansionHttpTest.form(Accounts.csrf(http, "/"), "idea", "a lighthouse in a storm",
          "engine", "local-ollama", "count", "3"));
      String page = http.get("/x/" + id).body();
      assertEquals(3, ExpansionHttpTest.count(page, "data-testid=\"expansion-card\""), page);
      for (String prompt : PROMPTS) {
        assertTrue(page.contains(prompt.substring(0, 40)), "each of Ollama's prompts is a card: " + prompt);
      }
      assertTrue(page.contains("Ollama, found locally (qwen2.5:7b)"), "the expansion says which engine and model wrote it");

      JsonNode sent = ollama.requests("/api/chat").get(0).json();
      assertEquals("qwen2.5:7b", sent.get("model").asText());
      assertEquals("system", sent.get("messages").get(0).get("role").asText());
      assertTrue(sent.get("messages").get(1).get("content").asText().contains("a lighthouse in a storm"));
      assertTrue(sent.get("format").isObject(), "the answer's JSON Schema is sent as Ollama's format");
      assertTrue(sent.get("stream").asBoolean());

      String settings = http.get("/settings").body();
      assertTrue(settings.contains("Found on this computer without configuration"), settings);
    }
  }

  /** Ollama's NDJSON stream: a few characters of the answer per line, then a last line with done and its metrics. */
  private static void chat(HttpExchange exchange, FakeServer.Request request) throws Exception {
    ObjectNode answer = FakeServer.JSON.createObjectNode();
    var prompts = answer.putArray("prompts");
    PROMPTS.forEach(p -> prompts.addObject().put("prompt", p).putNull("negative_prompt"));
    String content = FakeServer.JSON.writeValueAsString(answer);
    exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < content.length(); i += 16) {
        ObjectNode line = FakeServer.JSON.createObjectNode().put("model", "qwen2.5:7b").put("created_at", "2026-12-06T23:30:00.123456Z");
        line.putObject("message").put("role", "assistant").put("content", content.substring(i, Math.min(content.length(), i + 16)));
        line.put("done", false);
        out.write((FakeServer.JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      out.write(("{\"model\":\"qwen2.5:7b\",\"created_at\":\"2026-12-06T23:30:02.5Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
          + "\"done\":true,\"done_reason\":\"stop\",\"total_duration\":2512000000,\"load_duration\":12000000,\"prompt_eval_count\":412,"
          + "\"prompt_eval_duration\":180000000,\"eval_count\":96,\"eval_duration\":2300000000}\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
