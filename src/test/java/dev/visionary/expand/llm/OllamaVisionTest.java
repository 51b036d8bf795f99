package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.CallPolicy;
import dev.visionary.support.FakeServer;
import dev.visionary.support.TestImages;
import java.awt.Color;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Ollama's own chat API takes a picture as a base64 string in the user message's {@code images}. */
class OllamaVisionTest {

  @Test
  void thePictureGoesInTheUserMessagesImagesAndTheTextStaysItsContent() throws Exception {
    try (FakeServer ollama = FakeServer.start()) {
      ollama.on("POST", "/api/chat", request -> FakeServer.Reply.text(200,
          "{\"model\":\"llava\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"a harbour at night\"},"
              + "\"done\":true,\"done_reason\":\"stop\"}\n"));
      byte[] jpeg = TestImages.jpeg(32, 32, Color.BLUE);
      OllamaChatClient client = new OllamaChatClient("ollama", ollama.uri().toString(), CallPolicy.defaults());
      ChatResult result = client.complete(new ChatRequest("Write prompts.", "Idea: the attached picture", "llava", 0.9, 256, null, false,
          new ChatRequest.Image("image/jpeg", jpeg)), piece -> { });
      assertEquals("a harbour at night", result.text());

      JsonNode user = ollama.requests("/api/chat").get(0).json().path("messages").path(1);
      assertEquals("user", user.path("role").asText());
      assertEquals("Idea: the attached picture", user.path("content").asText());
      assertEquals(1, user.path("images").size());
      assertEquals(Base64.getEncoder().encodeToString(jpeg), user.path("images").path(0).asText());
      assertFalse(user.path("images").path(0).asText().startsWith("data:"), "Ollama takes bare base64, not a data: URL");
    }
  }
}
