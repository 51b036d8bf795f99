package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.config.Config;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  @Test
  void configuresNothingWithoutVariables() {
    LlmSettings settings = LlmSettings.from(Map.of("OPENAI_CHAT_MODEL", "gpt-4.1-mini", "ANTHROPIC_MODEL", "claude-x"));
    assertTrue(settings.clients(CallPolicy.defaults()).isEmpty());
    assertEquals(Optional.empty(), settings.defaultModel("openai"));
  }

  @Test
  void usesDefaultsForWhatIsNotSet() {
    LlmSettings settings = LlmSettings.from(Map.of("OPENAI_API_KEY", "sk-1", "OLLAMA_URL", "http://127.0.0.1:11434/",
        "ANTHROPIC_API_KEY", "sk-ant-1"));
    assertEquals(new LlmSettings.Endpoint("https://api.openai.com/v1", "sk-1", "gpt-4o-mini"), settings.openai().orElseThrow());
    assertEquals(new LlmSettings.Endpoint("http://127.0.0.1:11434/v1", null, "llama3.2"), settings.ollama().orElseThrow());
    assertEquals(new LlmSettings.Endpoint("https://api.anthropic.com", "sk-ant-1", "claude-sonnet-4-5"), settings.anthropic().orElseThrow());
    assertEquals(List.of("openai", "ollama", "anthropic"),
        settings.clients(CallPolicy.defaults()).stream().map(ChatClient::id).toList());
  }

  @Test
  void readsEveryVariable() {
    LlmSettings settings = LlmSettings.from(Map.of(
        "OPENAI_BASE_URL", "http://localhost:8080/v1", "OPENAI_CHAT_MODEL", "qwen2.5-7b-instruct",
        "OLLAMA_URL", "http://gpu-box:11434", "OLLAMA_MODEL", "mistral-nemo",
        "ANTHROPIC_API_KEY", "sk-ant-2", "ANTHROPIC_BASE_URL", "https://proxy.example/anthropic", "ANTHROPIC_MODEL", "claude-haiku-4-5"));
    LlmSettings.Endpoint openai = settings.openai().orElseThrow();
    assertEquals("http://localhost:8080/v1", openai.baseUrl());
    assertNull(openai.apiKey(), "a local compatible server needs no key");
    assertEquals(Optional.of("qwen2.5-7b-instruct"), settings.defaultModel("openai"));
    assertEquals("http://gpu-box:11434/v1", settings.ollama().orElseThrow().baseUrl());
    assertEquals(Optional.of("mistral-nemo"), settings.defaultModel("ollama"));
    assertEquals("https://proxy.example/anthropic", settings.anthropic().orElseThrow().baseUrl());
    assertEquals(Optional.of("claude-haiku-4-5"), settings.defaultModel("anthropic"));
  }

  @Test
  void neverPrintsKeys() {
    LlmSettings settings = LlmSettings.from(Map.of("OPENAI_API_KEY", "sk-secret-openai", "ANTHROPIC_API_KEY", "sk-ant-secret"));
    String printed = settings.toString();
    assertFalse(printed.contains("sk-secret-openai") || printed.contains("sk-ant-secret"), printed);
    assertTrue(printed.contains("key=set"), printed);
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    Config.Invalid e = assertThrows(Config.Invalid.class, () -> LlmSettings.from(Map.of("OLLAMA_URL", "127.0.0.1:11434")));
    assertTrue(e.getMessage().contains("OLLAMA_URL"), e.getMessage());
  }
}
