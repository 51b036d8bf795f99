package dev.visionary.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A person imports a styles.csv, ticks two styles on /generate and in the Studio, and sees them applied. */
class StylesBrowserIT {
  private static final String STYLES_CSV = """
      name,prompt,negative_prompt
      Frame,"analog photo of {prompt}, 35mm","{prompt}, cartoon"
      Grain,"film grain, soft light","lowres, blurry"
      """;

  @Test
  void stylesTickedOnTheFormsAreAppliedAsAutomatic1111AppliesThem() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("styles"));
      page.navigate("/export");
      page.getByLabel("File").setInputFiles(new FilePayload("styles.csv", "text/csv", STYLES_CSV.getBytes(StandardCharsets.UTF_8)));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
      assertThat(page.getByText("styles.csv").first()).isVisible();

      page.navigate("/generate");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill("a lighthouse");
      page.getByTestId("saved-styles").locator("summary").click();
      page.getByLabel("Frame").check();
      page.getByLabel("Grain").check();
      Browser.screenshots(page, "generate-styles");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate")).click();
      assertThat(page.getByTestId("job-styles").first()).hasText("Styles applied: Frame, Grain");
      assertThat(page.getByTestId("job-card").first().locator(".job-prompt")).hasText("analog photo of a lighthouse, 35mm, film grain, soft light");
      assertThat(page.getByTestId("image")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));

      page.navigate("/");
      page.getByLabel("Your idea").fill("a lighthouse in fog");
      page.getByLabel("Target model").selectOption("stable-diffusion");
      page.getByTestId("saved-styles").locator("summary").click();
      page.getByLabel("Frame").check();
      page.getByLabel("Grain").check();
      page.getByTestId("expand").click();
      assertThat(page.getByTestId("prompt-text").first()).containsText("analog photo of ");
      assertThat(page.getByTestId("prompt-text").first()).containsText(", 35mm, film grain, soft light");
      assertThat(page.getByTestId("negative-text").first()).containsText(", cartoon, lowres, blurry");
      Browser.screenshots(page, "studio-styles");
    }
  }
}
