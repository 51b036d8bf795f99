package dev.visionary.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person imports a ComfyUI PNG through the import form and finds its settings and its raw metadata. */
class PngImportBrowserIT {

  @Test
  void aComfyUiPngShowsItsSettingsOnTheReportAndItsRawMetadataOnThePrompt() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) {
          consoleErrors.add(m.text());
        }
      });
      Browser.signUp(page, Accounts.uniqueName("pngui"));
      page.navigate("/export");
      page.getByLabel("File").setInputFiles(new FilePayload("lighthouse.png", "image/png",
          Pngs.withChunks(PngImportHttpTest.ordered("prompt", PngImportHttpTest.COMFY_PROMPT, "workflow", PngImportHttpTest.COMFY_WORKFLOW))));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();

      assertThat(page.getByTestId("imported-image")).containsText("read from ComfyUI metadata");
      assertThat(page.getByTestId("imported-image").locator("dl")).containsText("1152x896");
      assertThat(page.getByTestId("imported-image").locator("dl")).containsText("juggernautXL_v9");
      Browser.screenshots(page, "import-png-report");

      page.getByTestId("imported-image").getByRole(AriaRole.LINK).click();
      assertThat(page.getByTestId("prompt-text")).hasText("a lighthouse on a cliff at dusk, dramatic sky, volumetric light");
      page.getByText("All the metadata from ComfyUI").click();
      assertThat(page.getByTestId("image-metadata").locator("pre").nth(1)).containsText("\"widgets_values\": [1152, 896, 1]");
      Browser.screenshots(page, "import-png-prompt");
      assertEquals(List.of(), consoleErrors);
    }
  }
}
