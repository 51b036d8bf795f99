package dev.visionary.generate.scene;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.visionary.generate.Pixels;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * A person types an idea with words in it on /generate and gets, from the built-in engine, a night-time
 * shop window whose sign carries those words. The picture as served is measured; the whole development
 * set is judged on the contact sheet {@link ContactSheetTest} writes.
 */
class SketchBrowserIT {

  private static final String IDEA = "a bakery window at night with a neon sign that says OPEN LATE";

  @Test
  void theSketchOfAnIdeaWithWordsShowsThemOnTheSign() {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("sketch"));
      page.navigate("/generate");
      page.getByLabel("Prompt", new Page.GetByLabelOptions().setExact(true)).fill(IDEA);
      page.getByLabel("Images").selectOption("1");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate")).click();
      assertThat(page.getByTestId("image")).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
      Browser.screenshots(page, "sketch-open-late");

      String thumb = page.getByTestId("image").first().getAttribute("src");
      byte[] png = context.request().get(thumb.replace("/thumb", "")).body();
      BufferedImage image = Pixels.decode(png);
      // Where the sign goes depends on the picture's size only, not on the seed the job drew.
      Rectangle2D box = new SceneRenderer().plan(IDEA, null, 1, image.getWidth(), image.getHeight()).layout()
          .textBox();
      double ink = SettingsPaintTest.inked(image, box);
      assertTrue(ink > 0.04, "the sign holds the words: " + ink + " of its box is ink");
      double brightness = SettingsPaintTest.meanLuma(image, 0, image.getHeight());
      assertTrue(brightness < 90, "a shop at night is dark around its sign: " + brightness);
    }
  }
}
