package dev.visionary.generate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The /generate form shows the fields of the engine and model chosen, swapped in place as the choice changes. */
class EngineFieldsBrowserIT {

  @Test
  void choosingAnEngineOrModelSwapsInOnlyTheSettingsItTakes() {
    try (FakeServer a1111 = FakeServer.start()) {
      a1111.on("GET", "/sdapi/v1/sd-models", r -> Reply.json(200, "[{\"title\":\"sd_xl_base_1.0.safetensors [31e35c80fc]\",\"model_name\":"
          + "\"sd_xl_base_1.0\",\"hash\":\"31e35c80fc\",\"sha256\":null,\"filename\":\"/m/sd_xl_base_1.0.safetensors\",\"config\":null}]"));
      a1111.on("GET", "/sdapi/v1/samplers", r -> Reply.json(200, "[{\"name\":\"DPM++ 2M\",\"aliases\":[],\"options\":{}},"
          + "{\"name\":\"Euler a\",\"aliases\":[],\"options\":{}}]"));
      a1111.on("GET", "/sdapi/v1/schedulers", r -> Reply.json(200, "[{\"name\":\"automatic\",\"label\":\"Automatic\",\"aliases\":null}]"));
      App app = TestServer.startIsolatedApp(Map.of("OPENAI_API_KEY", "sk-test-fields", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1",
          "A1111_URL", a1111.uri().toString()));
      try (app; BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
        Page page = context.newPage();
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
          // htmx's own indicator <style> meeting the CSP is another part of the page; the swaps here must add nothing.
          if ("error".equals(m.type()) && !m.text().startsWith("Applying inline style violates")) {
            consoleErrors.add(m.text());
          }
        });
        Browser.signUp(page, Accounts.uniqueName("fields"));
        page.navigate("/generate");
        page.getByLabel("Negative prompt").fill("blurry, watermark");
        assertThat(page.getByLabel("Steps")).hasCount(0);

        page.getByLabel("Engine").selectOption("openai");
        Browser.settled(page);
        page.getByLabel("Model").selectOption("dall-e-3");
        Browser.settled(page);
        assertThat(page.getByLabel("Style")).isVisible();
        assertThat(page.getByLabel("Negative prompt")).hasCount(0);
        assertThat(page.getByLabel("Seed")).hasCount(0);

        page.getByLabel("Engine").selectOption("automatic1111");
        Browser.settled(page);
        assertThat(page.getByLabel("Steps")).hasValue("20");
        assertThat(page.getByLabel("CFG scale")).hasValue("7");
        assertThat(page.getByLabel("Sampler")).hasValue("DPM++ 2M");
        assertThat(page.getByLabel("Checkpoint").locator("option[value='sd_xl_base_1.0.safetensors [31e35c80fc]']")).hasCount(1);
        assertThat(page.getByLabel("Negative prompt")).isVisible();
        Browser.screenshots(page, "generate-automatic1111");

        page.getByLabel("Engine").selectOption("builtin");
        Browser.settled(page);
        page.getByLabel("Negative prompt").fill("text");
        page.getByLabel("Engine").selectOption("automatic1111");
        Browser.settled(page);
        assertThat(page.getByLabel("Negative prompt")).hasValue("text");
        assertEquals(List.of(), consoleErrors);
      }
    }
  }
}
